package org.tidings.server.store;

import static org.tidings.server.store.Columns.fromDb;
import static org.tidings.server.store.Columns.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts: a user name, an Argon2id password hash and a role; readers also an e-mail address (their user name) and a
 * display name. A deleted account keeps its row, anonymised, so that what others wrote in reply to it stays whole.
 */
@Repository
public class AccountStore {

    /**
     * A stored account; the hash never leaves the server. {@code mustChangePassword}: its password was generated and
     * shown once (the first administrator's), so the account must choose its own before anything else.
     */
    public record Account(long id, String username, String passwordHash, String role, boolean mustChangePassword) {}

    /** An account as its pages show it: a deleted one has no e-mail or display name, the first administrator no e-mail. */
    public record Profile(long id, String username, String email, String displayName, String role, Instant createdAt,
            Instant deletedAt, boolean historyEnabled) {

        public boolean deleted() {
            return deletedAt != null;
        }

        /** The name to show: the display name, else the user name; null when deleted. */
        public String shownName() {
            if (deleted()) return null;
            return displayName != null && !displayName.isBlank() ? displayName : username;
        }
    }

    private static final String PROFILES =
            "SELECT id, username, email, display_name, role, created_at, deleted_at, history_enabled FROM account";

    private final JdbcClient jdbc;
    private final Clock clock;

    public AccountStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** E-mail addresses are compared without regard to case or surrounding spaces. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The live account with this user name: a deleted account signs nobody in. */
    public Optional<Account> findByUsername(String username) {
        return account("username = :v AND deleted_at IS NULL", username);
    }

    /** The live account with this e-mail address (any case). */
    public Optional<Account> findByEmail(String email) {
        return account("email = :v AND deleted_at IS NULL", normalizeEmail(email));
    }

    public Optional<Account> findById(long id) {
        return account("id = :v", id);
    }

    private Optional<Account> account(String condition, Object value) {
        return jdbc.sql("SELECT id, username, password_hash, role, must_change_password FROM account WHERE " + condition).param("v", value)
                .query(Account.class).optional();
    }

    public Optional<Profile> profile(long id) {
        return jdbc.sql(PROFILES + " WHERE id = :id").param("id", id).query(AccountStore::profile).optional();
    }

    /** Accounts for the administrator's list, newest first; deleted ones left out. */
    public List<Profile> profiles(int limit, int offset) {
        return jdbc.sql(PROFILES + " WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(AccountStore::profile).list();
    }

    public boolean existsWithRole(String role) {
        return countWithRole(role) > 0;
    }

    /** Live (not deleted) accounts with this role. */
    public long countWithRole(String role) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = :r AND deleted_at IS NULL").param("r", role)
                .query(Long.class).single();
    }

    /** Creates the account unless the user name is taken; true if it was created. */
    public boolean create(String username, String passwordHash, String role) {
        return create(username, passwordHash, role, false);
    }

    /** As {@link #create(String, String, String)}, with a password that works until the account sets its own. */
    public boolean createWithPasswordToChange(String username, String passwordHash, String role) {
        return create(username, passwordHash, role, true);
    }

    private boolean create(String username, String passwordHash, String role, boolean mustChangePassword) {
        return jdbc.sql("""
                INSERT INTO account (username, password_hash, role, created_at, must_change_password)
                VALUES (:u, :h, :r, :now, :change) ON CONFLICT DO NOTHING""")
                .param("u", username).param("h", passwordHash).param("r", role)
                .param("now", toDb(clock.instant())).param("change", mustChangePassword)
                .update() == 1;
    }

    /** Creates a reader's account (its e-mail address is its user name) unless the address is taken; its id if created. */
    public OptionalLong createReader(String email, String displayName, String passwordHash, String role) {
        String address = normalizeEmail(email);
        int created = jdbc.sql("""
                INSERT INTO account (username, email, display_name, password_hash, role, created_at, password_changed_at)
                VALUES (:u, :e, :n, :h, :r, :now, :now) ON CONFLICT DO NOTHING""")
                .param("u", address).param("e", address).param("n", displayName.strip()).param("h", passwordHash)
                .param("r", role).param("now", toDb(clock.instant()))
                .update();
        return created == 1 ? OptionalLong.of(findByEmail(address).orElseThrow().id()) : OptionalLong.empty();
    }

    public boolean setRole(long id, String role) {
        return jdbc.sql("UPDATE account SET role = :r WHERE id = :id AND deleted_at IS NULL")
                .param("r", role).param("id", id).update() == 1;
    }

    /** The account's own password from now on: the one it had (a one-time one included) no longer signs in. */
    public void setPassword(long id, String passwordHash) {
        jdbc.sql("""
                UPDATE account SET password_hash = :h, password_changed_at = :now, must_change_password = FALSE
                WHERE id = :id AND deleted_at IS NULL""")
                .param("h", passwordHash).param("now", toDb(clock.instant())).param("id", id).update();
    }

    public void setHistoryEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE account SET history_enabled = :on WHERE id = :id").param("on", enabled).param("id", id).update();
    }

    /** Anonymises the account (no e-mail, no name, a hash nothing matches); the row stays for what refers to it. */
    public boolean markDeleted(long id) {
        return jdbc.sql("""
                UPDATE account SET username = :u, email = NULL, display_name = NULL, password_hash = '!deleted',
                       deleted_at = :now, history_enabled = FALSE
                WHERE id = :id AND deleted_at IS NULL""")
                .param("u", "deleted-" + id).param("now", toDb(clock.instant())).param("id", id).update() == 1;
    }

    /** Records a reset link by the SHA-256 of its token; it works once, until {@code expiresAt}. */
    public void addResetToken(long accountId, String tokenHash, Instant expiresAt) {
        jdbc.sql("INSERT INTO password_reset (token_hash, account_id, created_at, expires_at) VALUES (:t, :a, :now, :exp)")
                .param("t", tokenHash).param("a", accountId).param("now", toDb(clock.instant()))
                .param("exp", toDb(expiresAt)).update();
    }

    /** The account a live reset token belongs to, without using it up. */
    public OptionalLong resetTokenAccount(String tokenHash) {
        return jdbc.sql("""
                SELECT r.account_id FROM password_reset r JOIN account a ON a.id = r.account_id
                WHERE r.token_hash = :t AND r.used_at IS NULL AND r.expires_at > :now AND a.deleted_at IS NULL""")
                .param("t", tokenHash).param("now", toDb(clock.instant()))
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Uses a live reset token up: its account, once however many requests race; the account's other links die too. */
    public OptionalLong useResetToken(String tokenHash) {
        OptionalLong account = resetTokenAccount(tokenHash);
        if (account.isEmpty()) return account;
        Instant now = clock.instant();
        int used = jdbc.sql("UPDATE password_reset SET used_at = :now WHERE token_hash = :t AND used_at IS NULL AND expires_at > :now")
                .param("now", toDb(now)).param("t", tokenHash).update();
        if (used != 1) return OptionalLong.empty();
        jdbc.sql("UPDATE password_reset SET used_at = :now WHERE account_id = :a AND used_at IS NULL")
                .param("now", toDb(now)).param("a", account.getAsLong()).update();
        return account;
    }

    public void deleteResetTokens(long accountId) {
        jdbc.sql("DELETE FROM password_reset WHERE account_id = :a").param("a", accountId).update();
    }

    private static Profile profile(ResultSet rs, int row) throws SQLException {
        return new Profile(rs.getLong("id"), rs.getString("username"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("role"), fromDb(rs, "created_at"), fromDb(rs, "deleted_at"), rs.getBoolean("history_enabled"));
    }
}
