package org.tidings.server.image;

import java.awt.image.BufferedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A faster reader of JPEG files than ImageIO's, where the machine has one. The JDK's reader (libjpeg 6b, without SIMD)
 * decodes every pixel of a 6-megapixel photo, about 100 ms, whatever size the thumbnail is; libjpeg-turbo (Debian's
 * {@code libturbojpeg0}) decodes it at an eighth, a quarter or half of its size in the inverse DCT itself, in a
 * fraction of that. It is reached through the JDK's foreign function API (final in JDK 22), so the class that calls it
 * is compiled for 22 and loaded by name: on JDK 21, or without the library, {@link #installed()} is null and every
 * picture is read by ImageIO as before.
 */
interface JpegDecoder {

    /**
     * {@code jpeg}'s picture, scaled down by a power of two to the smallest size still at least {@code width} wide, as
     * {@link BufferedImage#TYPE_INT_RGB}; or null when this decoder cannot read it (a CMYK picture, a damaged file),
     * for ImageIO to try.
     *
     * @throws Thumbnailer.Refused when the header gives a size too large to decode
     */
    BufferedImage decode(byte[] jpeg, int width) throws Thumbnailer.Refused;

    /** What reads JPEG files here, for the log: the library's name, or why ImageIO does. */
    String name();

    /** The decoder this process uses, or null for ImageIO's. */
    static JpegDecoder installed() {
        return Installed.DECODER;
    }

    /** Looks the decoder up once, and says in the log which one reads JPEG files. */
    final class Installed {
        private static final Logger log = LoggerFactory.getLogger(JpegDecoder.class);
        private static final JpegDecoder DECODER = find();

        private Installed() {}

        private static JpegDecoder find() {
            try {
                JpegDecoder found = (JpegDecoder) Class.forName("org.tidings.server.image.TurboJpeg")
                        .getDeclaredMethod("load").invoke(null);
                if (found != null) {
                    log.info("pictures: JPEG files decoded by {}", found.name());
                    return found;
                }
                log.info("pictures: JPEG files decoded by the JDK's reader (libturbojpeg not found: Debian's package "
                        + "libturbojpeg0 makes a first thumbnail two to three times faster)");
            } catch (ReflectiveOperationException | LinkageError e) {
                log.info("pictures: JPEG files decoded by the JDK's reader (libjpeg-turbo needs JDK 22 or newer: {})",
                        e.toString());
            }
            return null;
        }
    }
}
