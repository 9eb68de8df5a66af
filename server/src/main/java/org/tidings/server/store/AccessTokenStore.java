package org.tidings.server.store;

import static org.tidings.server.store.Columns.fromDb;
import static org.tidings.server.store.Columns.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Readers' personal access tokens, by the SHA-256 of their secret: the secret itself is never stored. */
@Repository
public class AccessTokenStore {

    /** A token as its owner's list shows it. */
    public record Listed(long id, String name, String scope, Instant createdAt, Instant lastUsedAt) {}

    /** A token found by its secret, with its live account: whom a request that sends it acts for. */
    public record Holder(long tokenId, String scope, Instant lastUsedAt, long accountId, String username, String role) {}

    private final JdbcClient jdbc;

    public AccessTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(long account, String name, String scope, String secretHash, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO access_token (account_id, name, scope, secret_hash, created_at)
                VALUES (:account, :name, :scope, :hash, :at)""")
                .param("account", account).param("name", Columns.cut(name, 100)).param("scope", scope)
                .param("hash", secretHash).param("at", toDb(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The reader's tokens, newest first. */
    public List<Listed> of(long account) {
        return jdbc.sql("""
                SELECT id, name, scope, created_at, last_used_at FROM access_token WHERE account_id = :account
                ORDER BY created_at DESC, id DESC""")
                .param("account", account)
                .query((rs, row) -> new Listed(rs.getLong("id"), rs.getString("name"), rs.getString("scope"),
                        fromDb(rs, "created_at"), fromDb(rs, "last_used_at")))
                .list();
    }

    /** The token with this secret hash, if its account is live (a deleted account's tokens open nothing). */
    public Optional<Holder> bySecretHash(String secretHash) {
        return jdbc.sql("""
                SELECT t.id, t.scope, t.last_used_at, a.id AS account_id, a.username, a.role
                FROM access_token t JOIN account a ON a.id = t.account_id
                WHERE t.secret_hash = :hash AND a.deleted_at IS NULL""")
                .param("hash", secretHash)
                .query((rs, row) -> new Holder(rs.getLong("id"), rs.getString("scope"), fromDb(rs, "last_used_at"),
                        rs.getLong("account_id"), rs.getString("username"), rs.getString("role")))
                .optional();
    }

    public void used(long tokenId, Instant at) {
        jdbc.sql("UPDATE access_token SET last_used_at = :at WHERE id = :id").param("at", toDb(at)).param("id", tokenId).update();
    }

    /** Revokes one of the reader's tokens; false when the reader has no token of that id (another's included). */
    public boolean revoke(long account, long tokenId) {
        return jdbc.sql("DELETE FROM access_token WHERE id = :id AND account_id = :account")
                .param("id", tokenId).param("account", account).update() > 0;
    }

    public void revokeAll(long account) {
        jdbc.sql("DELETE FROM access_token WHERE account_id = :account").param("account", account).update();
    }
}
