package org.tidings.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A database that can be cut off: a TCP relay on 127.0.0.1 to the test PostgreSQL, whose {@link #cut()} drops every
 * connection and refuses new ones until {@link #restore()}, as an outage of the database server would.
 */
public final class DatabaseCut implements AutoCloseable {

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    public DatabaseCut() {
        URI database = URI.create(TestDatabase.PG_URL.substring("jdbc:".length()));
        host = database.getHost();
        port = database.getPort() < 0 ? 5432 : database.getPort();
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    /** Spring arguments that give a Tidings server a fresh PostgreSQL schema reached through this relay. */
    public String[] serverArguments() {
        TestDatabase.Fresh fresh = TestDatabase.POSTGRES.create();
        String url = fresh.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + listener.getLocalPort() + "/");
        return new TestDatabase.Fresh(url, fresh.user(), fresh.password()).serverArguments();
    }

    public void cut() {
        cut = true;
        open.forEach(DatabaseCut::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server;
                try {
                    server = new Socket(host, port);
                } catch (IOException refused) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pipe(client, server));
                Thread.ofVirtual().start(() -> pipe(server, client));
            } catch (IOException e) {
                // the relay was closed
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
