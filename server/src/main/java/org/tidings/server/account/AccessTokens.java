package org.tidings.server.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.AccessTokenStore;

/**
 * Personal access tokens: what a reader's apps and scripts send as {@code Authorization: Bearer tid_...}, each named by
 * the reader, with a scope, shown once and revocable on {@code /account}.
 *
 * <p>The secret is 32 random bytes; only its SHA-256 is stored. A fast hash is enough here, unlike for passwords: a
 * password is guessable, so its hash must be slow (Argon2id), but 256 random bits cannot be guessed however fast each
 * guess is, so a stolen table of hashes opens nothing. A fast hash also lets every request find its token by an index
 * lookup, where a slow one would cost each API request tens of milliseconds of CPU (and hand anyone a way to spend it).
 */
@Service
public class AccessTokens implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    /** What the secret starts with: recognisable in a leaked log or a secret scanner's rules. */
    public static final String PREFIX = "tid_";
    private static final int SECRET_BYTES = 32;
    static final int MAX_NAME = 100;
    /** Tokens one reader may hold: enough for every device and script, not a table to fill. */
    static final int MAX_PER_READER = 50;
    /** "Last used" is written at most this often per token, so that reading the API costs no write per request. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** What a token allows: reading the reader's things, or also changing them. */
    public enum Scope {
        READ("read"), READ_WRITE("read-write"),
        /** An app password: what a feed-reader app signs in with to the Google Reader API, never a bearer token. */
        APP_PASSWORD("app-password");

        /** The authority every token grants, and the one only read-write tokens add. */
        public static final String READING = "SCOPE_read", WRITING = "SCOPE_write";

        private final String code;

        Scope(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public List<String> authorities() {
            return this == READ_WRITE ? List.of(READING, WRITING) : List.of(READING);
        }

        public static Optional<Scope> of(String code) {
            for (Scope s : values()) if (s.code.equals(code)) return Optional.of(s);
            return Optional.empty();
        }
    }

    /** A token just made: its secret, which is shown this once and then never again; or why none was made. */
    public record Issued(String secret, Message problem) {}

    /** Whom a request with a valid token acts for, with what scope. */
    public record Bearer(long tokenId, long accountId, String username, String role, Scope scope) {}

    private final AccessTokenStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(AccessTokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Issued issue(long account, String name, String scopeCode) {
        String cleaned = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        Optional<Scope> scope = Scope.of(scopeCode);
        if (cleaned.isEmpty() || cleaned.length() > MAX_NAME || cleaned.codePoints().anyMatch(Character::isISOControl)) {
            return new Issued(null, Message.of("account.tokens.problem.name", MAX_NAME));
        }
        if (scope.isEmpty()) return new Issued(null, Message.of("account.tokens.problem.scope"));
        if (store.of(account).size() >= MAX_PER_READER) return new Issued(null, Message.of("account.tokens.problem.tooMany", MAX_PER_READER));
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = store.add(account, cleaned, scope.get().code(), ReaderAccounts.hash(secret), clock.instant());
        log.atInfo().addKeyValue("event", "access_token_issued").addKeyValue("account_id", account).addKeyValue("token_id", id)
                .addKeyValue("scope", scope.get().code()).log("Access token issued");
        return new Issued(secret, null);
    }

    public List<AccessTokenStore.Listed> of(long account) {
        return store.of(account);
    }

    public boolean revoke(long account, long tokenId) {
        boolean revoked = store.revoke(account, tokenId);
        if (revoked) {
            log.atInfo().addKeyValue("event", "access_token_revoked").addKeyValue("account_id", account)
                    .addKeyValue("token_id", tokenId).log("Access token revoked");
        }
        return revoked;
    }

    /** The live token with this secret; anything else (revoked, mistyped, another scheme's, a deleted account's) is empty. */
    public Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) return Optional.empty();
        return store.bySecretHash(ReaderAccounts.hash(secret)).flatMap(holder -> {
            Instant now = clock.instant();
            if (holder.lastUsedAt() == null || holder.lastUsedAt().plus(USE_RECORDED_EVERY).isBefore(now)) {
                store.used(holder.tokenId(), now);
            }
            return Scope.of(holder.scope()).filter(scope -> scope != Scope.APP_PASSWORD)
                    .map(scope -> new Bearer(holder.tokenId(), holder.accountId(), holder.username(), holder.role(), scope));
        });
    }

    /**
     * The reader whose account (by e-mail or user name) holds this app password: what the Google Reader API's
     * {@code ClientLogin} and every request after it check. Anything else is empty.
     */
    public Optional<Bearer> authenticateApp(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) return Optional.empty();
        return store.bySecretHash(ReaderAccounts.hash(secret)).filter(h -> Scope.APP_PASSWORD.code().equals(h.scope())).map(holder -> {
            Instant now = clock.instant();
            if (holder.lastUsedAt() == null || holder.lastUsedAt().plus(USE_RECORDED_EVERY).isBefore(now)) {
                store.used(holder.tokenId(), now);
            }
            return new Bearer(holder.tokenId(), holder.accountId(), holder.username(), holder.role(), Scope.APP_PASSWORD);
        });
    }

    @Override
    public String name() {
        return "accessTokens";
    }

    /** Names, scopes and times: never a secret or its hash. */
    @Override
    public Object export(long accountId) {
        return store.of(accountId).stream().map(t -> PersonalData.row("name", t.name(), "scope", t.scope(),
                "createdAt", String.valueOf(t.createdAt()), "lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString()))
                .toList();
    }

    @Override
    public void erase(long accountId) {
        store.revokeAll(accountId);
    }
}
