package org.tidings.server.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tidings.server.i18n.Message;

/**
 * Refuses passwords too short or too long, among the 30,000 most used ({@code account/common-passwords.txt}),
 * even with digits or symbols tacked on, or containing the reader's own address or name.
 */
@Component
public class PasswordPolicy {

    /** Keeps a leaked Argon2id hash out of reach of offline guessing; two or three words clear it. */
    static final int MIN_LENGTH = 10;
    /** Argon2id hashes whatever it is given; a ceiling keeps one sign-in from costing a megabyte of hashing. */
    static final int MAX_LENGTH = 200;

    private final Set<String> common = load("/account/common-passwords.txt");

    public Optional<Message> problem(String password, String email, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Message.of("password.tooShort", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH) return Optional.of(Message.of("password.tooLong", MAX_LENGTH));
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(withoutDecoration(lower)) || oneRepeatedCharacter(lower)) {
            return Optional.of(Message.of("password.common"));
        }
        for (String own : new String[] {email, displayName}) {
            if (own != null && !own.isBlank() && lower.contains(own.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(Message.of("password.personal"));
            }
        }
        return Optional.empty();
    }

    /** "password123!" is "password" to a guesser: strip the digits and symbols people add at the ends. */
    static String withoutDecoration(String password) {
        int start = 0, end = password.length();
        while (start < end && !Character.isLetter(password.charAt(start))) start++;
        while (end > start && !Character.isLetter(password.charAt(end - 1))) end--;
        return password.substring(start, end);
    }

    private static boolean oneRepeatedCharacter(String password) {
        return password.codePoints().distinct().count() <= 2;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .map(line -> line.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
