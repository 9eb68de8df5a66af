package org.tidings.server.comment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tidings.server.account.PersonalData;

/**
 * A reader's comments, likes and reports in their export; when they delete their account, their
 * comments become "deleted" placeholders (text gone, replies by others kept in place) and their
 * likes and reports are forgotten.
 */
@Component
class CommentsPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    CommentsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "comments";
    }

    @Override
    public Object export(long accountId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("comments", jdbc.sql("""
                SELECT id, article_id, parent_id, body, status, created_at, edited_at FROM comment
                 WHERE author_id = :a AND status <> 'deleted' ORDER BY created_at, id""")
                .param("a", accountId).query((rs, n) -> row("id", rs.getLong("id"), "articleId", rs.getLong("article_id"),
                        "replyTo", rs.getObject("parent_id"), "text", rs.getString("body"), "status", rs.getString("status"),
                        "at", String.valueOf(rs.getTimestamp("created_at").toInstant()),
                        "edited", rs.getTimestamp("edited_at") == null ? null : String.valueOf(rs.getTimestamp("edited_at").toInstant())))
                .list());
        data.put("likes", jdbc.sql("SELECT comment_id, created_at FROM comment_reaction WHERE account_id = :a ORDER BY created_at")
                .param("a", accountId).query((rs, n) -> row("commentId", rs.getLong("comment_id"),
                        "at", String.valueOf(rs.getTimestamp("created_at").toInstant()))).list());
        data.put("reports", jdbc.sql("SELECT comment_id, reason, created_at FROM comment_report WHERE account_id = :a ORDER BY created_at")
                .param("a", accountId).query((rs, n) -> row("commentId", rs.getLong("comment_id"), "reason", rs.getString("reason"),
                        "at", String.valueOf(rs.getTimestamp("created_at").toInstant()))).list());
        return data;
    }

    @Override
    public void erase(long accountId) {
        jdbc.sql("UPDATE comment SET body = '', status = 'deleted' WHERE author_id = :a").param("a", accountId).update();
        jdbc.sql("DELETE FROM comment_reaction WHERE account_id = :a").param("a", accountId).update();
        jdbc.sql("DELETE FROM comment_report WHERE account_id = :a").param("a", accountId).update();
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }
}
