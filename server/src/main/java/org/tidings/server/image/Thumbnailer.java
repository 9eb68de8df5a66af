package org.tidings.server.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
 * the width wanted), then scaled down in halving steps, so a thumbnail stays sharp without aliasing. Only raster
 * formats are read, by pure-Java readers (the JDK's, TwelveMonkeys' JPEG and WebP); of an animated image the first
 * frame is the thumbnail. An image is never enlarged, and is always written anew: nothing of the publisher's file
 * (metadata, trailing bytes, other frames) reaches a reader.
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
        BufferedImage picture = read(original, width);
        try {
            return format.write(scaled(picture, width));
        } catch (IOException e) {
            throw new Refused("not written as " + format + ": " + e.getMessage());
        }
    }

    /** The first picture of {@code original}, subsampled towards twice {@code width}. */
    private static BufferedImage read(byte[] original, int width) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) throw new Refused("no size in its header");
                if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) throw new Refused("too large to decode: " + w + "×" + h);
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

    /** A pure-Java reader for the file's format; libwebp's native reader is never given a publisher's file. */
    private static ImageReader reader(ImageInputStream in) throws Refused {
        if (in == null) throw new Refused("unreadable");
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!reader.getClass().getName().startsWith("com.luciad.")) return reader;
        }
        throw new Refused("not a raster image Tidings reads");
    }

    /** {@code picture} at most {@code width} wide, opaque on white, scaled down by halves and then to size. */
    private static BufferedImage scaled(BufferedImage picture, int width) {
        int targetWidth = Math.min(width, picture.getWidth());
        int targetHeight = Math.max(1, (int) Math.round((double) picture.getHeight() * targetWidth / picture.getWidth()));
        BufferedImage current = picture;
        int w = picture.getWidth();
        int h = picture.getHeight();
        do {
            w = Math.max(targetWidth, w / 2);
            h = w == targetWidth ? targetHeight : Math.max(targetHeight, h / 2);
            current = drawn(current, w, h);
        } while (w > targetWidth);
        return current;
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
