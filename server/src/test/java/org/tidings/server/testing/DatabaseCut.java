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
 * connection and refuses new ones until {@link #restore()}, as a stopped database server would, and whose
 * {@link #stall()} makes it go silent instead, as a host gone or a network cut would: connections stay open and carry
 * nothing.
 */
public final class DatabaseCut implements AutoCloseable {

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Connections accepted while stalled: open, never answered. */
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean stalled;

    public DatabaseCut() {
        this(URI.create(TestDatabase.PG_URL.substring("jdbc:".length())));
    }

    private DatabaseCut(URI database) {
        this(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort());
    }

    /** A relay to any TCP service, as to an OpenSearch node: {@code http://127.0.0.1:}{@link #port()} reaches it. */
    public DatabaseCut(String host, int port) {
        this.host = host;
        this.port = port;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    /** The relay's port on 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
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

    /** Silence: what is sent on open connections is held back, new connections are accepted and never answered. */
    public void stall() {
        stalled = true;
    }

    /** Connections work again: those stalled carry what was held back; those accepted meanwhile are closed. */
    public void restore() {
        cut = false;
        synchronized (this) {
            stalled = false;
            notifyAll();
        }
        held.forEach(DatabaseCut::closeQuietly);
        held.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                if (stalled) {
                    held.add(client);
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

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16384];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                awaitSound();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private synchronized void awaitSound() throws InterruptedException {
        while (stalled) wait();
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
        restore();
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
