package org.tidings.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Resizing keeps fine detail from turning into false patterns: a picture halved takes the mean of the pixels each
 * new one replaces, so columns of alternating red and blue become an even purple, not stripes of one colour. Where
 * libjpeg-turbo decodes JPEG files (required in CI: {@code TIDINGS_REQUIRE_TURBOJPEG=true}), its thumbnails look as the
 * JDK reader's do, and what it cannot read goes to the JDK's reader.
 */
class ThumbnailerTest {

    @Test
    void finelyStripedPictureHalvedIsItsColoursMean() throws Exception {
        BufferedImage stripes = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 720; y++) {
            for (int x = 0; x < 1280; x++) stripes.setRGB(x, y, x % 2 == 0 ? 0xff0000 : 0x0000ff);
        }
        for (String container : new String[] {"png", "jpeg"}) {
            ByteArrayOutputStream original = new ByteArrayOutputStream();
            ImageIO.write(stripes, container, original);
            for (PictureFormat format : PictureFormat.values()) {
                if (format == PictureFormat.WEBP && !PictureFormat.WEBP_WRITTEN) continue;
                BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(Thumbnailer.thumbnail(original.toByteArray(), 640, format)));
                assertThat(thumbnail.getWidth()).isEqualTo(640);
                assertThat(thumbnail.getHeight()).isEqualTo(360);
                for (int x : new int[] {100, 101, 320, 321}) {
                    int rgb = thumbnail.getRGB(x, 180);
                    assertThat(new int[] {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff})
                            .as("%s from %s at x=%d", format, container, x)
                            .satisfies(c -> {
                                assertThat(c[0]).isBetween(100, 156);
                                assertThat(c[1]).isLessThan(40);
                                assertThat(c[2]).isBetween(100, 156);
                            });
                }
            }
        }
    }

    @Test
    void libjpegTurboMakesThumbnailsAtLeastAsTrueAsTheJdksReader() throws Exception {
        JpegDecoder turbo = turbo();
        byte[] photo = Pictures.scene(2400, 1600);
        BufferedImage drawn = Pictures.sceneDrawn(2400, 1600);
        for (int width : Thumbnailer.WIDTHS) {
            // the pictures before they are written: WebP and JPEG add their own losses, and which of ImageIO's readers
            // decodes them back may change from one process to the next
            BufferedImage fast = Thumbnailer.resized(photo, width, turbo);
            BufferedImage jdk = Thumbnailer.resized(photo, width, null);
            int height = (int) Math.round(width * 2 / 3.0);
            assertThat(size(fast)).as("%d", width).isEqualTo(width + "×" + height);
            assertThat(jdk.getHeight()).as("its rows, subsampled then rounded").isBetween(height - 1, height + 1);
            BufferedImage truth = areaAveraged(drawn, width, height);
            double fastError = meanDifference(fast, truth);
            double jdkError = meanDifference(jdk, truth);
            assertThat(fastError).as("at %d px: mean difference per channel from the area average of the scene drawn (the "
                    + "JDK reader's: %.2f)", width, jdkError).isLessThan(3.0).isLessThanOrEqualTo(jdkError + 0.25);
        }
        for (PictureFormat format : PictureFormat.values()) {
            if (format == PictureFormat.WEBP && !PictureFormat.WEBP_WRITTEN) continue;
            assertThat(size(picture(Thumbnailer.thumbnail(photo, 640, format, turbo)))).as("%s written", format)
                    .isEqualTo("640×427");
        }
    }

    /** {@code picture} resized by exact area averaging: each pixel the mean of the source area it covers, in part or whole. */
    private static BufferedImage areaAveraged(BufferedImage picture, int width, int height) {
        double sx = (double) picture.getWidth() / width;
        double sy = (double) picture.getHeight() / height;
        BufferedImage to = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] sum = new double[3];
                double area = 0;
                for (int v = (int) (y * sy); v < Math.min(picture.getHeight(), Math.ceil((y + 1) * sy)); v++) {
                    double wy = Math.min(v + 1, (y + 1) * sy) - Math.max(v, y * sy);
                    for (int u = (int) (x * sx); u < Math.min(picture.getWidth(), Math.ceil((x + 1) * sx)); u++) {
                        double w = wy * (Math.min(u + 1, (x + 1) * sx) - Math.max(u, x * sx));
                        int rgb = picture.getRGB(u, v);
                        sum[0] += w * (rgb >> 16 & 0xff);
                        sum[1] += w * (rgb >> 8 & 0xff);
                        sum[2] += w * (rgb & 0xff);
                        area += w;
                    }
                }
                to.setRGB(x, y, (int) Math.round(sum[0] / area) << 16 | (int) Math.round(sum[1] / area) << 8
                        | (int) Math.round(sum[2] / area));
            }
        }
        return to;
    }

    @Test
    void libjpegTurboDecodesAtThePowerOfTwoStillWideEnough() throws Exception {
        JpegDecoder turbo = turbo();
        byte[] photo = Pictures.scene(3000, 2000);
        assertThat(size(turbo.decode(photo, 1200))).isEqualTo("1500×1000");
        assertThat(size(turbo.decode(photo, 1500))).isEqualTo("1500×1000");
        assertThat(size(turbo.decode(photo, 1501))).isEqualTo("3000×2000");
        assertThat(size(turbo.decode(photo, 640))).isEqualTo("750×500");
        assertThat(size(turbo.decode(photo, 160))).isEqualTo("375×250");
        BufferedImage eighth = turbo.decode(photo, 160);
        assertThat(eighth.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(new Color(eighth.getRGB(2, 2))).as("the scene's top left corner is red")
                .satisfies(c -> assertThat(c.getRed()).isGreaterThan(200), c -> assertThat(c.getBlue()).isLessThan(60));
    }

    @Test
    void whatLibjpegTurboCannotReadIsLeftToTheJdksReaderOrRefused() throws Exception {
        JpegDecoder turbo = turbo();
        byte[] photo = Pictures.scene(800, 600);
        byte[] garbage = new byte[4000];
        new java.util.Random(14).nextBytes(garbage);
        garbage[0] = (byte) 0xff;
        garbage[1] = (byte) 0xd8;
        garbage[2] = (byte) 0xff;
        assertThat(turbo.decode(garbage, 160)).as("not a JPEG past its first bytes").isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Thumbnailer.thumbnail(garbage, 160, PictureFormat.JPEG, turbo))
                .isInstanceOf(Thumbnailer.Refused.class);

        byte[] bomb = withFrameSize(photo, 50_000, 50_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> turbo.decode(bomb, 160))
                .isInstanceOf(Thumbnailer.Refused.class).hasMessageContaining("too large to decode: 50000×50000");
    }

    /** The decoder in use; without one the tests skip, unless CI requires it. */
    private static JpegDecoder turbo() {
        JpegDecoder decoder = JpegDecoder.installed();
        if (decoder == null) {
            String message = "libjpeg-turbo is not in use here (it needs JDK 22+ and the library, Debian's libturbojpeg0)";
            if ("true".equalsIgnoreCase(System.getenv("TIDINGS_REQUIRE_TURBOJPEG"))) throw new IllegalStateException(message);
            Assumptions.abort(message);
        }
        return decoder;
    }

    /** {@code jpeg} with the size in its frame header replaced: a few kilobytes that claim a huge picture. */
    private static byte[] withFrameSize(byte[] jpeg, int width, int height) {
        byte[] patched = jpeg.clone();
        for (int i = 2; i + 8 < patched.length; i++) {
            if ((patched[i] & 0xff) == 0xff && ((patched[i + 1] & 0xff) == 0xc0 || (patched[i + 1] & 0xff) == 0xc2)) {
                patched[i + 5] = (byte) (height >> 8);
                patched[i + 6] = (byte) height;
                patched[i + 7] = (byte) (width >> 8);
                patched[i + 8] = (byte) width;
                return patched;
            }
        }
        throw new IllegalArgumentException("no frame header");
    }

    private static BufferedImage picture(byte[] file) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(file));
    }

    private static String size(BufferedImage picture) {
        return picture.getWidth() + "×" + picture.getHeight();
    }

    /** The mean absolute difference of two pictures of one width, per colour channel, in levels of 255. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        int rows = Math.min(a.getHeight(), b.getHeight());
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) sum += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
            }
        }
        return sum / (3.0 * a.getWidth() * rows);
    }
}
