package org.tidings.server.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Makes a thumbnail of a publisher's image, which nobody checked: the size is read from the file's header before a
 * pixel is decoded, and a picture too large to decode in bounded memory (a decompression bomb: a few kilobytes that
 * say 50,000 × 50,000) is refused unread. A large picture is decoded at a fraction of its pixels (subsampled to twice
 * the width wanted), then halved, each new pixel the mean of four, and drawn to size in one last step of less than
 * two, so a thumbnail stays sharp without aliasing. A JPEG file is decoded by libjpeg-turbo where the process has it
 * ({@link JpegDecoder}: already scaled down in its inverse DCT, so the halving starts from a fraction of the pixels).
 * Only raster formats are read, by ImageIO's readers otherwise (the JDK's, TwelveMonkeys' JPEG over the JDK's
 * libjpeg, and TwelveMonkeys' pure-Java WebP); of an animated image the first frame is the thumbnail. An image is
 * never enlarged, and is always written anew: nothing of the publisher's file (metadata, trailing bytes, other frames)
 * reaches a reader.
 */
final class Thumbnailer {

    /** The widths thumbnails come in, in CSS pixels: lists (160, 320), a lead story and phones (640), the article page (1200). */
    static final List<Integer> WIDTHS = List.of(160, 320, 640, 1200);
    /** Longest side read: larger is a poster, or a bomb. */
    static final int MAX_SIDE = 12_000;
    /** Most pixels read (before subsampling): 40 megapixels, more than any news camera's photo. */
    static final long MAX_PIXELS = 40_000_000L;

    /** Why an image has no thumbnail. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private Thumbnailer() {}

    /** A thumbnail of {@code original}, {@code width} pixels wide at most, in {@code format}. */
    static byte[] thumbnail(byte[] original, int width, PictureFormat format) throws Refused {
        return thumbnail(original, width, format, JpegDecoder.installed());
    }

    /** A thumbnail as above, JPEG files decoded by {@code jpeg} (null: by ImageIO). */
    static byte[] thumbnail(byte[] original, int width, PictureFormat format, JpegDecoder jpeg) throws Refused {
        BufferedImage picture = resized(original, width, jpeg);
        try {
            return format.write(picture);
        } catch (IOException e) {
            throw new Refused("not written as " + format + ": " + e.getMessage());
        }
    }

    /** The picture a thumbnail shows, before it is written: {@code original} at most {@code width} wide. */
    static BufferedImage resized(byte[] original, int width, JpegDecoder jpeg) throws Refused {
        return scaled(read(original, width, jpeg), width);
    }

    /**
     * The first picture of {@code original}: a JPEG file decoded by libjpeg-turbo where this process has it, at the
     * smallest power-of-two fraction still {@code width} wide; else read by ImageIO, subsampled towards twice
     * {@code width}.
     */
    private static BufferedImage read(byte[] original, int width, JpegDecoder jpeg) throws Refused {
        if (jpeg != null && isJpeg(original)) {
            BufferedImage decoded = jpeg.decode(original, width);
            if (decoded != null) return decoded;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                checkSize(w, h);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, w / (2 * width));
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage picture = reader.read(0, param);
                if (picture == null) throw new Refused("no picture in it");
                return picture;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("unreadable: " + e);
        }
    }

    /** Refuses a picture whose header gives no size, or one too large to decode in bounded memory. */
    static void checkSize(int w, int h) throws Refused {
        if (w <= 0 || h <= 0) throw new Refused("no size in its header");
        if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) throw new Refused("too large to decode: " + w + "×" + h);
    }

    /** Whether {@code file} starts as a JPEG file does (start of image, then a marker). */
    private static boolean isJpeg(byte[] file) {
        return file.length > 3 && (file[0] & 0xff) == 0xff && (file[1] & 0xff) == 0xd8 && (file[2] & 0xff) == 0xff;
    }

    /** An ImageIO reader for the file's format (not libwebp's: its native reader is never given a publisher's file). */
    private static ImageReader reader(ImageInputStream in) throws Refused {
        if (in == null) throw new Refused("unreadable");
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!reader.getClass().getName().startsWith("com.luciad.")) return reader;
        }
        throw new Refused("not a raster image Tidings reads");
    }

    /**
     * {@code picture} at most {@code width} wide, opaque on white: halved (each pixel the mean of four) while it stays
     * at least {@code width} wide, then drawn to size bilinearly, a step of less than two that cannot alias.
     */
    private static BufferedImage scaled(BufferedImage picture, int width) {
        int targetWidth = Math.min(width, picture.getWidth());
        int targetHeight = Math.max(1, (int) Math.round((double) picture.getHeight() * targetWidth / picture.getWidth()));
        BufferedImage current = picture;
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() >= 2) current = halved(current);
        if (current.getWidth() == targetWidth && current.getHeight() == targetHeight && current.getType() == BufferedImage.TYPE_INT_RGB) {
            return current;
        }
        return drawn(current, targetWidth, targetHeight);
    }

    /**
     * {@code from} at half its width and height, each pixel the mean of the four it replaces (an odd last row or column
     * is left out). The decoders' usual layouts are averaged in their arrays; any other is drawn by Java 2D.
     */
    private static BufferedImage halved(BufferedImage from) {
        int w = from.getWidth() / 2;
        int h = from.getHeight() / 2;
        var raster = from.getRaster();
        BufferedImage to = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) to.getRaster().getDataBuffer()).getData();
        if (from.getType() == BufferedImage.TYPE_3BYTE_BGR && raster.getDataBuffer() instanceof DataBufferByte bytes
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel model && model.getPixelStride() == 3
                && java.util.Arrays.equals(model.getBandOffsets(), new int[] {2, 1, 0})
                && plain(raster)) {
            byte[] in = bytes.getData();
            int stride = model.getScanlineStride();
            for (int y = 0; y < h; y++) {
                int top = 2 * y * stride;
                int bottom = top + stride;
                int o = y * w;
                for (int x = 0; x < w; x++, top += 6, bottom += 6) {
                    int b = (in[top] & 0xff) + (in[top + 3] & 0xff) + (in[bottom] & 0xff) + (in[bottom + 3] & 0xff);
                    int g = (in[top + 1] & 0xff) + (in[top + 4] & 0xff) + (in[bottom + 1] & 0xff) + (in[bottom + 4] & 0xff);
                    int r = (in[top + 2] & 0xff) + (in[top + 5] & 0xff) + (in[bottom + 2] & 0xff) + (in[bottom + 5] & 0xff);
                    out[o + x] = ((r + 2) >> 2) << 16 | ((g + 2) >> 2) << 8 | (b + 2) >> 2;
                }
            }
            return to;
        }
        if (from.getType() == BufferedImage.TYPE_INT_RGB && raster.getDataBuffer() instanceof DataBufferInt ints
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && plain(raster)) {
            int[] in = ints.getData();
            int stride = model.getScanlineStride();
            for (int y = 0; y < h; y++) {
                int top = 2 * y * stride;
                int bottom = top + stride;
                int o = y * w;
                for (int x = 0; x < w; x++, top += 2, bottom += 2) {
                    int a = in[top], b = in[top + 1], c = in[bottom], d = in[bottom + 1];
                    int red = (a >> 16 & 0xff) + (b >> 16 & 0xff) + (c >> 16 & 0xff) + (d >> 16 & 0xff);
                    int green = (a >> 8 & 0xff) + (b >> 8 & 0xff) + (c >> 8 & 0xff) + (d >> 8 & 0xff);
                    int blue = (a & 0xff) + (b & 0xff) + (c & 0xff) + (d & 0xff);
                    out[o + x] = ((red + 2) >> 2) << 16 | ((green + 2) >> 2) << 8 | (blue + 2) >> 2;
                }
            }
            return to;
        }
        return drawn(from, w, h);
    }

    /** Whether {@code raster} starts at the first element of its one array. */
    private static boolean plain(java.awt.image.WritableRaster raster) {
        return raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getNumBanks() == 1 && raster.getDataBuffer().getOffset() == 0;
    }

    private static BufferedImage drawn(BufferedImage from, int w, int h) {
        BufferedImage to = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = to.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(from, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return to;
    }
}
