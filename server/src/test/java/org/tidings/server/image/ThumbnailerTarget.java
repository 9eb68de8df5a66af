package org.tidings.server.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.tidings.fuzz.FuzzTarget;

/**
 * The thumbnailer as a fuzz target: whatever bytes a publisher serves as its picture, the thumbnailer refuses them
 * with a reason or writes a picture at most the width asked, and never throws anything else (nor crashes the process:
 * JPEG files go to libjpeg-turbo's native code where it is installed). Seeds: small JPEG files (baseline, progressive,
 * grey), a PNG and an animated GIF, made here.
 */
public final class ThumbnailerTarget {

    private static final int WIDTH = 160;

    private ThumbnailerTarget() {}

    public static FuzzTarget target() {
        return new FuzzTarget("thumbnailer", ThumbnailerTarget::seeds,
                List.of("\u00ff\u00d8\u00ff", "\u00ff\u00c0", "\u00ff\u00c2", "\u00ff\u00c4", "\u00ff\u00da", "\u00ff\u00db",
                        "\u00ff\u00dd", "\u00ff\u00d9", "\u00ff\u00e0", "\u00ff\u00e1", "\u00ff\u00ee", "IHDR", "IDAT", "GIF89a"),
                ThumbnailerTarget::check);
    }

    private static List<byte[]> seeds() {
        try {
            return List.of(Pictures.scene(320, 200), Pictures.progressiveScene(320, 200), Pictures.greyScene(240, 160),
                    Pictures.scene(17, 9), Pictures.png(200, 120), Pictures.animatedGif(120, 80, Color.RED, Color.BLUE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(byte[] input) throws Exception {
        for (PictureFormat format : List.of(PictureFormat.JPEG, PictureFormat.WEBP)) {
            if (format == PictureFormat.WEBP && !PictureFormat.WEBP_WRITTEN) continue;
            byte[] thumbnail;
            try {
                thumbnail = Thumbnailer.thumbnail(input, WIDTH, format);
            } catch (Thumbnailer.Refused refused) {
                if (refused.getMessage() == null || refused.getMessage().isBlank()) throw new AssertionError("refused without a reason");
                return;
            }
            BufferedImage written = ImageIO.read(new ByteArrayInputStream(thumbnail));
            if (written == null) throw new AssertionError("a " + format + " thumbnail no reader reads");
            if (written.getWidth() < 1 || written.getWidth() > WIDTH) throw new AssertionError("a thumbnail " + written.getWidth() + " px wide");
        }
    }
}
