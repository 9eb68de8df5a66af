package org.tidings.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import org.tidings.server.backup.BackupManifest;
import org.tidings.server.backup.BackupRefused;
import org.tidings.server.backup.BackupRequests;
import org.tidings.server.backup.Backups;
import org.tidings.server.backup.Restore;
import org.tidings.server.config.TidingsProperties;

/**
 * {@code tidings backup DIR} and {@code tidings restore DIR}, on the data directory {@code serve} uses with the same
 * settings. A running server is asked to take the backup itself (its database is open in it alone); a stopped one's
 * data directory is opened here.
 */
final class BackupCommand {

    private BackupCommand() {}

    static int backup(List<String> args, PrintStream out, PrintStream err) {
        return run("backup", args, out, err);
    }

    static int restore(List<String> args, PrintStream out, PrintStream err) {
        return run("restore", args, out, err);
    }

    private static int run(String command, List<String> args, PrintStream out, PrintStream err) {
        List<String> settings = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String arg : args) (arg.startsWith("--") ? settings : dirs).add(arg);
        if (dirs.size() != 1) {
            err.println("usage: tidings " + command + " DIR [--tidings.KEY=VALUE ...]");
            return 2;
        }
        Path dir = Path.of(dirs.getFirst()).toAbsolutePath().normalize();
        try {
            TidingsProperties properties = OfflineServer.settings(settings);
            if (!properties.database().url().isBlank()) {
                err.println("tidings " + command + ": this server's database is PostgreSQL (tidings.database.url): "
                        + (command.equals("backup") ? "back it up with pg_dump" : "restore it with pg_restore")
                        + ", as the README's \"Backups\" says; the search index is rebuilt from it at start.");
                return 1;
            }
            if (properties.demo()) {
                err.println("tidings " + command + ": the demo keeps nothing to back up or restore.");
                return 1;
            }
            long started = System.nanoTime();
            BackupManifest manifest = command.equals("backup") ? backup(properties, settings, dir) : Restore.restore(dir, properties.dataDir());
            out.printf("%s %s: %s, in %.1f s%n", command.equals("backup") ? "backed up to" : "restored into",
                    command.equals("backup") ? dir : properties.dataDir().toAbsolutePath().normalize(), manifest.describe(),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (BackupRefused refused) {
            err.println("tidings " + command + ": " + refused.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("tidings " + command + ": " + OfflineServer.rootMessage(e));
            return 1;
        }
    }

    /** Asks the server running on the data directory; when none runs, opens the data directory here. */
    private static BackupManifest backup(TidingsProperties properties, List<String> settings, Path dir) throws IOException {
        Optional<BackupManifest> taken = BackupRequests.ask(properties.dataDir(), dir);
        if (taken.isPresent()) return taken.get();
        try (ConfigurableApplicationContext context = OfflineServer.start(settings)) {
            return context.getBean(Backups.class).take(dir);
        }
    }
}
