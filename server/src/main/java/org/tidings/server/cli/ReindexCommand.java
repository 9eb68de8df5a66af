package org.tidings.server.cli;

import java.io.PrintStream;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.tidings.server.search.SearchIndexer;

/** {@code tidings reindex}: the same database, data directory and settings as {@code serve}, without fetching. */
final class ReindexCommand {

    private ReindexCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        ConfigurableApplicationContext context;
        try {
            context = OfflineServer.start(args);
        } catch (RuntimeException e) {
            err.println("tidings reindex: cannot open the database or the search index (is a server running on this"
                    + " data directory? stop it first): " + OfflineServer.rootMessage(e));
            return 1;
        }
        try (context) {
            long started = System.nanoTime();
            int articles = context.getBean(SearchIndexer.class).rebuild();
            out.printf("reindexed %d articles in %.1f s%n", articles, (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (Exception e) {
            err.println("tidings reindex: " + OfflineServer.rootMessage(e));
            return 1;
        }
    }
}
