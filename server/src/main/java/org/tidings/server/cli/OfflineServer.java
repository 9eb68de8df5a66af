package org.tidings.server.cli;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.tidings.server.TidingsApplication;
import org.tidings.server.config.TidingsProperties;

/** The server's settings and beans for a command that works on a data directory, without serving or fetching. */
final class OfflineServer {

    private OfflineServer() {}

    /** The settings {@code serve} would run with, given these arguments: nothing is opened. */
    static TidingsProperties settings(List<String> args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(String[]::new))) {
            return context.getBean(TidingsProperties.class);
        }
    }

    /** Only the settings (not a {@code @Configuration}: the application's own scan must not find it). */
    @EnableConfigurationProperties(TidingsProperties.class)
    static class SettingsOnly {}

    /** The whole application on the data directory, with the scheduler stopped: close it when done. */
    static ConfigurableApplicationContext start(List<String> args) {
        return TidingsApplication.start(Stream.concat(args.stream(), Stream.of(
                // the application's security needs a web context: a server on a free loopback port, unused and short-lived
                "--tidings.port=0",
                "--tidings.bind-address=127.0.0.1",
                "--tidings.scheduler.enabled=false",
                "--tidings.seed-default-sources=false",
                "--tidings.search.refresh=0s",
                "--spring.main.banner-mode=off")).toArray(String[]::new));
    }

    /** The innermost cause's message: what went wrong, without Spring's wrapping. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage();
    }
}
