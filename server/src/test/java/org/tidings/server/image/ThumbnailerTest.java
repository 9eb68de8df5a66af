package org.tidings.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Resizing keeps fine detail from turning into false patterns: a picture halved takes the mean of the pixels each
 * new one replaces, so columns of alternating red and blue become an even purple, not stripes of one colour.
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
}
