package org.tidings.server.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The smallest SMTP server a mail client accepts, on 127.0.0.1: it says yes to every command and
 * keeps each message's recipient and text, so that a test can read the mail Tidings sent.
 */
final class FakeSmtpServer implements AutoCloseable {

    record Mail(String to, String data) {}

    private final ServerSocket socket;
    private final List<Mail> received = new CopyOnWriteArrayList<>();

    FakeSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Mail> received() {
        return received;
    }

    /** Waits for the {@code n}th mail to arrive (mail leaves Tidings in the background). */
    Mail awaitMail(int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (received.size() < n && System.nanoTime() < end) Thread.sleep(20);
        if (received.size() < n) throw new AssertionError("expected " + n + " mails, got " + received.size());
        return received.get(n - 1);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> talk(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void talk(Socket client) {
        try (client) {
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            say(out, "220 fake ESMTP");
            String to = null;
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.toUpperCase(java.util.Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    say(out, "250 fake");
                } else if (command.startsWith("RCPT TO:")) {
                    to = line.substring(8).replaceAll("[<>\\s]", "");
                    say(out, "250 ok");
                } else if (command.startsWith("DATA")) {
                    say(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    for (String d; (d = in.readLine()) != null && !d.equals("."); ) data.append(d).append('\n');
                    received.add(new Mail(to, data.toString()));
                    say(out, "250 queued");
                } else if (command.startsWith("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "250 ok");
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
