package org.tidings.server.account;

import java.security.SecureRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.AccountStore;

/**
 * Creates the administrator on the first start: with {@code tidings.admin.password} when set,
 * otherwise with a random one-time password written once to the log (and never stored in clear).
 */
@Component
@Order(0)
record AdminBootstrap(AccountStore accounts, PasswordEncoder encoder, TidingsProperties properties) implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    /** 20 characters from 56 unambiguous letters and digits: about 116 bits. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.existsWithRole(Roles.ADMIN)) return;
        TidingsProperties.Admin admin = properties.admin();
        boolean generated = admin.password().isBlank();
        String password = generated ? oneTimePassword() : admin.password();
        if (!accounts.create(admin.username(), encoder.encode(password), Roles.ADMIN)) return;
        if (generated) {
            log.atWarn().addKeyValue("event", "admin_created").addKeyValue("username", admin.username())
                    .log("Administrator account created. User: {}  One-time password: {}  (shown only this once; "
                            + "set tidings.admin.password to choose your own)", admin.username(), password);
        } else {
            log.atInfo().addKeyValue("event", "admin_created").addKeyValue("username", admin.username())
                    .log("Administrator account {} created with the configured password", admin.username());
        }
    }

    static String oneTimePassword() {
        return new SecureRandom().ints(20, 0, ALPHABET.length()).mapToObj(i -> String.valueOf(ALPHABET.charAt(i)))
                .collect(Collectors.joining());
    }
}
