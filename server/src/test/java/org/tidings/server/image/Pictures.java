package org.tidings.server.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Publishers' pictures made by the tests: photos of one colour, a scene, an animated GIF, and a PNG decompression bomb. */
public final class Pictures {

    private Pictures() {}

    public static byte[] jpeg(int width, int height, Color colour) throws IOException {
        return written(filled(width, height, colour), "jpeg");
    }

    /** A JPEG photo of smooth light and sharp edges: a gradient sky, a red corner, a green disc and dark bars. */
    public static byte[] scene(int width, int height) throws IOException {
        return jpeg(scenery(width, height), false);
    }

    /** The scene as drawn, before any file holds it. */
    public static BufferedImage sceneDrawn(int width, int height) {
        return scenery(width, height);
    }

    /** The same scene as a progressive JPEG, the kind decoded scan by scan. */
    public static byte[] progressiveScene(int width, int height) throws IOException {
        return jpeg(scenery(width, height), true);
    }

    /**
     * {@code image} as a JPEG file of quality 0.75, always by the JDK's own writer: the order in which ImageIO offers
     * its JPEG writers (the JDK's, TwelveMonkeys') may change from one process to the next, and so would the file.
     */
    private static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
        var writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = null;
        while (writers.hasNext() && writer == null) {
            ImageWriter next = writers.next();
            if (next.getClass().getName().startsWith("com.sun.imageio.")) writer = next;
        }
        if (writer == null) throw new IOException("no JDK JPEG writer");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f);
            if (progressive) param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The scene in grey, one channel. */
    public static byte[] greyScene(int width, int height) throws IOException {
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(scenery(width, height), 0, 0, null);
        g.dispose();
        return written(grey, "jpeg");
    }

    private static BufferedImage scenery(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(90, 140, 220), 0, height, new Color(250, 230, 190)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(230, 20, 20));
        g.fillRect(0, 0, width / 10, height / 10);
        g.setColor(new Color(20, 120, 40));
        g.fillOval(width / 4, height / 3, width / 3, height / 3);
        g.setColor(new Color(30, 30, 30));
        for (int x = width / 2; x < width; x += Math.max(1, width / 20)) g.fillRect(x, height / 2, Math.max(1, width / 60), height / 3);
        g.dispose();
        return image;
    }

    public static byte[] png(int width, int height) throws IOException {
        return written(filled(width, height, Color.GREEN), "png");
    }

    /**
     * A valid PNG of {@code width} × {@code height} black pixels (one bit each): a few hundred kilobytes of compressed
     * zeros that a naive decoder would unpack into gigabytes.
     */
    public static byte[] pngBomb(int width, int height) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] row = new byte[1 + (width + 7) / 8]; // filter byte "none", then the row's bits
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < height; y++) deflate.write(row);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {1, 0, 0, 0, 0}); // one bit, greyscale, deflate, no filter set, not interlaced
        chunk(png, "IHDR", header.toByteArray());
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A GIF whose first frame is {@code first} and second {@code second}, looping. */
    public static byte[] animatedGif(int width, int height, Color first, Color second) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (Color colour : new Color[] {first, second}) {
                BufferedImage frame = filled(width, height, colour);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                String format = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "50");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] written(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) throw new IOException("no writer for " + format);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
