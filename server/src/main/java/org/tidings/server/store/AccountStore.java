package org.tidings.server.store;

import static org.tidings.server.store.Timestamps.toDb;

import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts: a user name, an Argon2id password hash and a role. */
@Repository
public class AccountStore {

    /** A stored account; the hash never leaves the server. */
    public record Account(long id, String username, String passwordHash, String role) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public AccountStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, password_hash, role FROM account WHERE username = :u")
                .param("u", username)
                .query((rs, row) -> new Account(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), rs.getString("role")))
                .optional();
    }

    public boolean existsWithRole(String role) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = :r").param("r", role).query(Long.class).single() > 0;
    }

    /** Creates the account unless the user name is taken; true if it was created. */
    public boolean create(String username, String passwordHash, String role) {
        return jdbc.sql("""
                INSERT INTO account (username, password_hash, role, created_at)
                VALUES (:u, :h, :r, :now) ON CONFLICT DO NOTHING""")
                .param("u", username).param("h", passwordHash).param("r", role)
                .param("now", toDb(clock.instant()))
                .update() == 1;
    }
}
