package org.tidings.server.testing;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tidings.server.TidingsApplication;

/** A whole Tidings server started for a test, on a free port, talking real HTTP. */
public final class RunningServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Browser browser;

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.browser = new Browser(this);
    }

    /**
     * Starts a server with a test's settings: port 0, a data directory under {@code dataDir}, a
     * fast scheduler, fetching from 127.0.0.1 allowed, no default sources, no page cache; {@code extra}
     * arguments override.
     */
    public static RunningServer start(Path dataDir, String... extra) {
        return new RunningServer(TidingsApplication.start(settings(dataDir, 0, extra)));
    }

    /** The arguments of {@link #start}, on {@code port}: also for a server in a process of its own ({@link ServerProcess}). */
    static String[] settings(Path dataDir, int port, String... extra) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (String arg : List.of(
                "--tidings.port=" + port,
                "--tidings.data-dir=" + dataDir,
                "--tidings.seed-default-sources=false",
                "--tidings.admin.password=correct horse battery staple",
                "--tidings.fetch.allowed-networks=127.0.0.1/32",
                "--tidings.fetch.per-host-delay=0s",
                "--tidings.scheduler.tick=200ms",
                // tests read pages right after changing what they show; PageCacheTest turns the cache on
                "--tidings.page-cache=0s",
                "--spring.main.banner-mode=off")) {
            put(settings, arg);
        }
        for (String arg : extra) put(settings, arg); // a repeated key would be joined with commas: replace instead
        return settings.values().toArray(String[]::new);
    }

    private static void put(Map<String, String> settings, String arg) {
        int eq = arg.indexOf('=');
        settings.put(eq < 0 ? arg : arg.substring(0, eq), arg);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** How many articles are stored. */
    public long articleCount() {
        return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path;
    }

    /** The default browser of this server, for tests that need only one. */
    public HttpResponse<String> get(String path) {
        return browser.get(path);
    }

    public HttpResponse<String> post(String path, Map<String, String> form, String csrfFrom) {
        return browser.post(path, form, csrfFrom);
    }

    public void signInAsAdmin() {
        browser.signInAsAdmin();
    }

    /** Another browser, with cookies (and so a session) of its own. */
    public Browser browser() {
        return new Browser(this);
    }

    @Override
    public void close() {
        context.close();
    }
}
