package org.tidings.server.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The cost of readers' pictures, in one process: the first resize of a 2 MB JPEG (a news photo of 3,000 × 2,000
 * pixels with fine detail) to each width, as WebP and as JPEG, decoded by libjpeg-turbo where the process has it and
 * by the JDK's reader beside it, and a thumbnail read back from the disk cache. Issue
 * 14's goals: the first resize under 150 ms, a thumbnail from the cache under 5 ms p99 (this measures the cache's
 * part, without HTTP). Each resize is timed by the clock and by the thread's processor time, which a loaded machine
 * inflates far less than the clock.
 *
 * <pre>bench/run server org.tidings.server.image.ThumbnailBenchmark 20 2000</pre>
 *
 * Arguments: resizes per width and format (after two of warm-up), and reads from the cache.
 */
public final class ThumbnailBenchmark {

    /** The resizing thread's own processor time: on a shared machine, what the work costs apart from waiting for a core. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int resizes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        byte[] photo = photo(3000, 2000);
        System.out.printf("original: %,d bytes JPEG, 3000 × 2000; WebP written: %s%n", photo.length, PictureFormat.WEBP_WRITTEN);
        JpegDecoder installed = JpegDecoder.installed();
        System.out.printf("JPEG decoded by %s%n", installed == null ? "the JDK's reader" : installed.name() + ", and the JDK's reader beside it");
        if (installed != null) resizes(photo, installed, resizes);
        resizes(photo, null, resizes);
        Path dir = Files.createTempDirectory("thumbnail-bench");
        ThumbnailCache cache = new ThumbnailCache(dir, 512L << 20);
        byte[] thumbnail = Thumbnailer.thumbnail(photo, 640, PictureFormat.WEBP);
        for (int i = 0; i < 100; i++) cache.put("k" + i + "-640.webp", thumbnail);
        long[] ns = new long[reads];
        for (int i = -200; i < reads; i++) {
            long start = System.nanoTime();
            if (cache.get("k" + Math.floorMod(i, 100) + "-640.webp") == null) throw new IllegalStateException("not cached");
            if (i >= 0) ns[i] = System.nanoTime() - start;
        }
        System.out.printf("cache read of a %,d-byte thumbnail: %s%n", thumbnail.length, percentiles(ns));
    }

    /** Times the first resize of {@code photo} to each width and format, JPEG decoded by {@code decoder} (null: the JDK's reader). */
    private static void resizes(byte[] photo, JpegDecoder decoder, int resizes) throws Exception {
        String reader = decoder == null ? "JDK" : "turbo";
        for (PictureFormat format : PictureFormat.values()) {
            for (int width : Thumbnailer.WIDTHS) {
                long[] ms = new long[resizes];
                long[] cpu = new long[resizes];
                int size = 0;
                for (int i = -2; i < resizes; i++) {
                    long start = System.nanoTime();
                    long startCpu = THREADS.getCurrentThreadCpuTime();
                    size = Thumbnailer.thumbnail(photo, width, format, decoder).length;
                    if (i >= 0) {
                        ms[i] = System.nanoTime() - start;
                        cpu[i] = THREADS.getCurrentThreadCpuTime() - startCpu;
                    }
                }
                System.out.printf("%-5s resize to %4d %-4s: %,7d bytes  %s; processor time %s%n", reader, width, format, size,
                        percentiles(ms), percentiles(cpu));
            }
        }
    }

    /** A photo with detail everywhere (smooth gradients with noise), so that it compresses like one. */
    public static byte[] photo(int width, int height) throws Exception {
        return photo(width, height, 1);
    }

    /**
     * A photo as above whose noise comes in squares of {@code grain} pixels: at a fifth of its size, grain 5 keeps the
     * detail a real photo keeps in a thumbnail, where pixel-fine noise averages away.
     */
    public static byte[] photo(int width, int height, int grain) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(14);
        int[] noise = new int[3 * ((width + grain - 1) / grain)];
        for (int y = 0; y < height; y++) {
            if (y % grain == 0) for (int i = 0; i < noise.length; i++) noise[i] = random.nextInt(90);
            for (int x = 0; x < width; x++) {
                int n = 3 * (x / grain);
                int r = (x * 255 / width + noise[n]) & 0xff;
                int g = (y * 255 / height + noise[n + 1]) & 0xff;
                int b = ((x + y) * 127 / (width + height) + noise[n + 2]) & 0xff;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
