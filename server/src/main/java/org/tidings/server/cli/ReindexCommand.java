package org.tidings.server.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.tidings.server.TidingsApplication;
import org.tidings.server.search.SearchIndexer;

/** {@code tidings reindex}: the same database, data directory and settings as {@code serve}, without fetching. */
final class ReindexCommand {

    private ReindexCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String[] settings = Stream.concat(args.stream(), Stream.of(
                // the application's security needs a web context: a server on a free loopback port, unused and short-lived
                "--tidings.port=0",
                "--tidings.bind-address=127.0.0.1",
                "--tidings.scheduler.enabled=false",
                "--tidings.seed-default-sources=false",
                "--tidings.search.refresh=0s",
                "--spring.main.banner-mode=off")).toArray(String[]::new);
        ConfigurableApplicationContext context;
        try {
            context = TidingsApplication.start(settings);
        } catch (RuntimeException e) {
            err.println("tidings reindex: cannot open the database or the search index (is a server running on this"
                    + " data directory? stop it first): " + rootMessage(e));
            return 1;
        }
        try (context) {
            long started = System.nanoTime();
            int articles = context.getBean(SearchIndexer.class).rebuild();
            out.printf("reindexed %d articles in %.1f s%n", articles, (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (Exception e) {
            err.println("tidings reindex: " + rootMessage(e));
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage();
    }
}
