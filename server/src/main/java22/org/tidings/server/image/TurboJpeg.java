package org.tidings.server.image;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.util.List;

/**
 * libjpeg-turbo's TurboJPEG API (the system's {@code libturbojpeg.so.0}), called through the foreign function API:
 * the header for the size, then one call that decodes at 1/8, 1/4, 1/2 or full size straight into the pixels of a
 * {@code TYPE_INT_RGB} picture. Anything the library reports, a warning included, hands the file back to ImageIO.
 * Compiled for JDK 22 (see {@link JpegDecoder}).
 */
final class TurboJpeg implements JpegDecoder {

    /** Blue, green, red, one unused byte: on a little-endian machine, the ints of {@code TYPE_INT_RGB}. */
    private static final int PIXELS_BGRX = 3;
    private static final int COLOURS_CMYK = 3;
    private static final int COLOURS_YCCK = 4;
    /** TJFLAG_LIMITSCANS: a progressive file of more than 500 scans (a way to spend minutes on a few kilobytes) fails. */
    private static final int LIMIT_SCANS = 32768;
    private static final List<String> LIBRARIES = List.of("libturbojpeg.so.0", "libturbojpeg.so", "libturbojpeg.0.dylib",
            "libturbojpeg.dylib", "turbojpeg.dll");

    private final String library;
    private final MethodHandle initDecompress;
    private final MethodHandle decompressHeader;
    private final MethodHandle decompress;
    private final MethodHandle destroy;

    private TurboJpeg(String library, SymbolLookup symbols) {
        Linker linker = Linker.nativeLinker();
        this.library = library;
        this.initDecompress = linker.downcallHandle(symbols.find("tjInitDecompress").orElseThrow(), FunctionDescriptor.of(ADDRESS));
        // int tjDecompressHeader3(tjhandle, const unsigned char *jpegBuf, unsigned long jpegSize,
        //                         int *width, int *height, int *jpegSubsamp, int *jpegColorspace)
        this.decompressHeader = linker.downcallHandle(symbols.find("tjDecompressHeader3").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        // int tjDecompress2(tjhandle, const unsigned char *jpegBuf, unsigned long jpegSize, unsigned char *dstBuf,
        //                   int width, int pitch, int height, int pixelFormat, int flags)
        this.decompress = linker.downcallHandle(symbols.find("tjDecompress2").orElseThrow(), FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        this.destroy = linker.downcallHandle(symbols.find("tjDestroy").orElseThrow(), FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }

    /** The decoder, or null when no TurboJPEG library is installed (or the machine is big-endian). */
    static JpegDecoder load() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN || JAVA_LONG.byteSize() != ADDRESS.byteSize()) return null;
        for (String library : LIBRARIES) {
            try {
                return new TurboJpeg(library, SymbolLookup.libraryLookup(library, Arena.global()));
            } catch (IllegalArgumentException | java.util.NoSuchElementException notHere) {
                // not this name: try the next
            }
        }
        return null;
    }

    @Override
    public String name() {
        return "libjpeg-turbo (" + library + ")";
    }

    @Override
    public BufferedImage decode(byte[] jpeg, int width) throws Thumbnailer.Refused {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment file = arena.allocate(jpeg.length);
            MemorySegment.copy(jpeg, 0, file, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, jpeg.length);
            MemorySegment handle = (MemorySegment) initDecompress.invokeExact();
            if (handle.equals(MemorySegment.NULL)) return null;
            try {
                MemorySegment header = arena.allocate(JAVA_INT, 4);
                int failed = (int) decompressHeader.invokeExact(handle, file, (long) jpeg.length, header,
                        header.asSlice(4), header.asSlice(8), header.asSlice(12));
                if (failed != 0) return null;
                int w = header.getAtIndex(JAVA_INT, 0);
                int h = header.getAtIndex(JAVA_INT, 1);
                int colours = header.getAtIndex(JAVA_INT, 3);
                Thumbnailer.checkSize(w, h);
                if (colours == COLOURS_CMYK || colours == COLOURS_YCCK) return null;
                int denominator = 1;
                while (denominator < 8 && scaled(w, denominator * 2) >= width) denominator *= 2;
                int scaledWidth = scaled(w, denominator);
                int scaledHeight = scaled(h, denominator);
                MemorySegment pixels = arena.allocate((long) scaledWidth * scaledHeight * Integer.BYTES, Integer.BYTES);
                failed = (int) decompress.invokeExact(handle, file, (long) jpeg.length, pixels, scaledWidth, 0,
                        scaledHeight, PIXELS_BGRX, LIMIT_SCANS);
                if (failed != 0) return null;
                BufferedImage picture = new BufferedImage(scaledWidth, scaledHeight, BufferedImage.TYPE_INT_RGB);
                int[] rgb = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
                MemorySegment.copy(pixels, JAVA_INT, 0, rgb, 0, rgb.length);
                return picture;
            } finally {
                int ignored = (int) destroy.invokeExact(handle);
            }
        } catch (Thumbnailer.Refused refused) {
            throw refused;
        } catch (Throwable e) {
            return null;
        }
    }

    /** A side at 1/{@code denominator}, rounded up as libjpeg-turbo rounds it. */
    private static int scaled(int side, int denominator) {
        return (side + denominator - 1) / denominator;
    }
}
