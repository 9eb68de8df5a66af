package org.tidings.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;

/**
 * How {@code ./tidings backup} reaches the server that runs on a data directory: a local socket,
 * {@code <data-dir>/run/backup.sock}, in a directory only the server's user may enter (the backup holds the accounts'
 * password hashes). The command sends the directory to write to; the server takes the backup and answers {@code ok},
 * or {@code refused} and the reason. Only for the embedded database, which no other process can open while the server
 * runs.
 */
@Component
public class BackupRequests implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackupRequests.class);
    private static final String OK = "ok";
    private static final String REFUSED = "refused";

    private final Backups backups;
    private final Path socket;
    private volatile ServerSocketChannel listening;

    public BackupRequests(Backups backups, TidingsProperties properties) {
        this.backups = backups;
        this.socket = socket(properties.dataDir());
    }

    static Path socket(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("run").resolve("backup.sock");
    }

    /**
     * Asks the server running on {@code dataDir} for a backup into {@code dir}, and waits for it; empty when no server
     * listens there. A backup refused or failed is thrown as {@link BackupRefused}.
     */
    public static Optional<BackupManifest> ask(Path dataDir, Path dir) throws IOException {
        Path socket = socket(dataDir);
        if (!Files.exists(socket)) return Optional.empty();
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (SocketException e) {
            return Optional.empty(); // left by a server that ended without removing it
        }
        try (channel; OutputStream out = Channels.newOutputStream(channel); InputStream in = Channels.newInputStream(channel)) {
            out.write((dir.toAbsolutePath().normalize() + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            channel.shutdownOutput();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (answer.equals(OK)) return Optional.of(BackupManifest.read(dir.toAbsolutePath().normalize()));
            if (answer.startsWith(REFUSED + "\n")) throw new BackupRefused(answer.substring(REFUSED.length() + 1));
            throw new IOException("the server answered the backup request unexpectedly: " + answer);
        }
    }

    @Override
    public void start() {
        if (!backups.possible()) return;
        try {
            Files.createDirectories(socket.getParent());
            if (Files.getFileStore(socket.getParent()).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwx------"));
            }
            // left by a server that ended without removing it: the database's own lock keeps a second server away
            Files.deleteIfExists(socket);
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socket));
            listening = channel;
            Thread.ofVirtual().name("backup-requests").start(() -> serve(channel));
        } catch (IOException | UnsupportedOperationException e) {
            log.atWarn().addKeyValue("event", "backup_socket_unavailable").addKeyValue("path", socket)
                    .log("./tidings backup cannot reach this server ({}): stop it to back its data directory up", e.getMessage());
        }
    }

    private void serve(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            try (SocketChannel client = channel.accept(); InputStream in = Channels.newInputStream(client);
                    OutputStream out = Channels.newOutputStream(client)) {
                String request = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                String answer;
                try {
                    backups.take(Path.of(request));
                    answer = OK;
                } catch (BackupRefused refused) {
                    answer = REFUSED + "\n" + refused.getMessage();
                } catch (RuntimeException failed) {
                    // the command says why rather than "answered unexpectedly"; the log has the whole story
                    log.atError().setCause(failed).addKeyValue("event", "backup_failed").log("Backup failed");
                    answer = REFUSED + "\nthe backup failed: " + failed.getMessage() + " (the server's log has the details)";
                }
                out.write(answer.getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                if (!channel.isOpen()) return; // stopped
                log.atWarn().addKeyValue("event", "backup_request_failed").log("a backup request failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        ServerSocketChannel channel = listening;
        if (channel == null) return;
        listening = null;
        try {
            channel.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log.atWarn().addKeyValue("event", "backup_socket_close_failed").log("could not close {}: {}", socket, e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
