package org.tidings.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build of Tidings, as the build wrote it ({@code META-INF/build-info.properties}). */
public final class Version {

    private static final String CURRENT = read();

    private Version() {}

    /** "0.1.0-SNAPSHOT"; "unknown" for classes that did not come from a build. */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) return "unknown";
            Properties build = new Properties();
            build.load(in);
            return build.getProperty("build.version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
