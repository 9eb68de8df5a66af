package org.tidings.server.account;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.SourceStore;

/**
 * Creates the administrator on the first start: with {@code tidings.admin.password} when set, otherwise with a random
 * password that works once (the account must choose its own at the first sign-in) and is never stored in clear. That
 * password is printed once, in a framed block on the console, when start-up is over: after the server listens and the
 * first fetch of each source has been tried, so that it is the last thing on the screen, not one line among dozens of
 * feed failures.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    /** 20 characters from 56 unambiguous letters and digits: about 116 bits. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** The longest the block waits for the sources' first fetches (a host that never answers takes a whole time-out). */
    static final Duration FIRST_FETCHES = Duration.ofSeconds(15);

    private final AccountStore accounts;
    private final SourceStore sources;
    private final PasswordEncoder encoder;
    private final TidingsProperties properties;
    private final Environment environment;
    /** The generated password until it is printed; then null. */
    private final AtomicReference<String> toShow = new AtomicReference<>();

    AdminBootstrap(AccountStore accounts, SourceStore sources, PasswordEncoder encoder, TidingsProperties properties,
            Environment environment) {
        this.accounts = accounts;
        this.sources = sources;
        this.encoder = encoder;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.existsWithRole(Roles.ADMIN)) return;
        TidingsProperties.Admin admin = properties.admin();
        if (!admin.password().isBlank()) {
            if (accounts.create(admin.username(), encoder.encode(admin.password()), Roles.ADMIN)) {
                log.atInfo().addKeyValue("event", "admin_created").addKeyValue("username", admin.username())
                        .log("Administrator account {} created with the configured password", admin.username());
            }
            return;
        }
        String password = oneTimePassword();
        if (!accounts.createWithPasswordToChange(admin.username(), encoder.encode(password), Roles.ADMIN)) return;
        toShow.set(password);
        log.atWarn().addKeyValue("event", "admin_created").addKeyValue("username", admin.username())
                .log("Administrator account {} created with a one-time password: it is printed in a framed block when "
                        + "start-up ends", admin.username());
    }

    /**
     * Once the server listens: waits for the sources' first fetches (a while at most), then prints the block; on a
     * thread of its own, so that the server is reported ready meanwhile.
     */
    @EventListener(ApplicationReadyEvent.class)
    void startUpEnded() {
        if (toShow.get() == null) return;
        Thread.ofPlatform().name("admin-password").daemon().start(() -> {
            long deadline = System.nanoTime() + FIRST_FETCHES.toNanos();
            try {
                while (properties.scheduler().enabled() && sources.fetching().unfetched() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.atWarn().setCause(e).log("could not tell whether the sources were fetched; printing the password now");
            }
            show(System.out);
        });
    }

    /** Stopped before the block was printed (during the wait): printed all the same, or nobody could sign in. */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        show(System.out);
    }

    private void show(PrintStream console) {
        String password = toShow.getAndSet(null);
        if (password == null) return;
        console.print(frame(List.of(
                "Tidings is ready. Sign in as its administrator at",
                "  " + signInUrl(),
                "",
                "  User name:          " + properties.admin().username(),
                "  One-time password:  " + password,
                "",
                "This password works once: at the first sign-in you choose",
                "your own. It is shown only now. To set one in advance, start",
                "with tidings.admin.password (TIDINGS_ADMIN_PASSWORD).")));
        console.flush();
    }

    /** The lines in a box of '=' and '|', with an empty line before and after: it stands out among log lines. */
    static String frame(List<String> lines) {
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String rule = "+" + "=".repeat(width + 4) + "+";
        StringBuilder block = new StringBuilder("\n").append(rule).append('\n');
        for (String line : lines) block.append("|  ").append(line).append(" ".repeat(width - line.length())).append("  |\n");
        return block.append(rule).append("\n\n").toString();
    }

    /** The public address when one is configured, else the address and port this server listens on. */
    private String signInUrl() {
        String base = properties.publicUrl();
        if (base.isBlank()) {
            String host = environment.getProperty("server.address", "127.0.0.1");
            if (host.equals("0.0.0.0") || host.equals("::")) host = "localhost";
            else if (host.contains(":")) host = "[" + host + "]";
            base = "http://" + host + ":" + environment.getProperty("local.server.port", "8080");
        }
        return base.replaceAll("/+$", "") + "/login";
    }

    static String oneTimePassword() {
        return new SecureRandom().ints(20, 0, ALPHABET.length()).mapToObj(i -> String.valueOf(ALPHABET.charAt(i)))
                .collect(Collectors.joining());
    }
}
