package org.tidings.server.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.tidings.server.TidingsApplication;
import org.tidings.server.config.Version;

/**
 * The command line: {@code tidings COMMAND [ARGS]}. Each command is one line in {@link #COMMANDS}
 * and one case in {@link #run}.
 */
public final class Tidings {

    private static final String COMMANDS = """
            Usage: tidings COMMAND [OPTIONS]

            Commands:
              serve [--demo] [--tidings.KEY=VALUE ...]
                  Start the web server (http://127.0.0.1:8080 by default) and the feed scheduler.
                  --demo  serve a bundled sample edition, ingested from a local sample publisher
                          through the real pipeline (no internet needed; nothing is kept).
                  Settings: see the README's configuration table; environment variables
                  such as TIDINGS_PORT or TIDINGS_DATABASE_URL override the defaults.
              parse-feed [--content-type VALUE] [--url URL] FILE...
                  Parse feed documents (RSS, Atom, JSON Feed; liberally) and print one JSON
                  object per file in the Universal Feed Parser's model. --content-type plays
                  the HTTP header (charset, media type); --url is the document's address.
              extract [--url URL] FILE...
                  Extract the main text and metadata of article pages (a .gz file is read as
                  gzip) and print one JSON object per file: title, byline, published, lang,
                  site_name, image, excerpt, text, html.
              cluster [--window-days N]
                  Read articles as JSON lines on standard input ({"id", "title", "text"?,
                  "url"?, "publisher"?, "published"?, "lang"?}), group them into stories in
                  order of publication, and print {"id", "story", "duplicate_of"?} per line.
              reindex [--tidings.KEY=VALUE ...]
                  Empty the search index and fill it again from the database (the source of
                  truth), with the same settings as serve. Stop the server on this data
                  directory first.
              backup DIR [--tidings.KEY=VALUE ...]
                  Write a backup of the embedded database and the search index into DIR (new or
                  empty), with a manifest of what it holds. A running server on this data
                  directory writes it itself, while it goes on serving (so DIR must be writable
                  by the server's user); a stopped one's data directory is read here.
                  PostgreSQL: use pg_dump instead (README, "Backups").
              restore DIR [--tidings.KEY=VALUE ...]
                  Put the backup in DIR back into the data directory, which must hold no
                  database or search index yet (stop the server first). The backup is checked
                  first (manifest, checksums, schema version, room on the disk): on any problem
                  nothing is changed. PostgreSQL: use pg_restore instead (README, "Backups").
              version
                  Print the version of Tidings.
              help
                  Show this text.

            Launcher commands (./tidings, from a source checkout):
              test [MAVEN ARGS]
                  Run the whole test suite (./mvnw verify with a JDK 21+).
              find-jdk
                  Print the JDK the launcher uses.
            """;

    private Tidings() {}

    public static void main(String[] args) {
        int status = run(List.of(args), System.out, System.err);
        if (status != 0 || !isServe(args)) System.exit(status);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) return commands(err, 2);
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "serve" -> {
                if (rest.contains("--help") || rest.contains("-h")) yield commands(out, 0);
                TidingsApplication.start(serveArguments(rest));
                yield 0;
            }
            case "parse-feed" -> ParseFeedCommand.run(rest, out, err);
            case "extract" -> ExtractCommand.run(rest, out, err);
            case "cluster" -> ClusterCommand.run(rest, System.in, out, err);
            case "reindex" -> ReindexCommand.run(rest, out, err);
            case "backup" -> BackupCommand.backup(rest, out, err);
            case "restore" -> BackupCommand.restore(rest, out, err);
            case "version", "--version" -> {
                out.println("Tidings " + Version.current());
                yield 0;
            }
            case "help", "--help", "-h" -> commands(out, 0);
            default -> {
                err.println("tidings: unknown command '" + args.getFirst() + "'");
                yield commands(err, 2);
            }
        };
    }

    /** Prints the list of commands and returns the exit status that goes with it. */
    private static int commands(PrintStream stream, int status) {
        stream.print(COMMANDS);
        return status;
    }

    /** {@code --demo} is a shorthand for {@code --tidings.demo=true}; every other argument goes to Spring. */
    static String[] serveArguments(List<String> rest) {
        return rest.stream().map(arg -> arg.equals("--demo") ? "--tidings.demo=true" : arg).toArray(String[]::new);
    }

    private static boolean isServe(String[] args) {
        return args.length > 0 && args[0].equals("serve") && !Arrays.asList(args).contains("--help");
    }
}
