package org.tidings.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway's history as an earlier release recorded it, brought in line with the migrations as they are now, before
 * Flyway validates it at start-up. V10 was released first as an SQL script (commit c8c9eb1) and has been a Java
 * migration of the same effect since (its columns added in one statement on H2): a database that release migrated
 * records V10 as that script, which Flyway no longer finds, so the server would not start. Only that exact record (the
 * script's checksum) is rewritten, as the Java migration records itself; any other difference still stops the start.
 */
@Component
final class ReleasedMigrations extends BaseCallback {

    private static final Logger log = LoggerFactory.getLogger(ReleasedMigrations.class);

    /** Flyway's checksum of {@code V10__one_pipeline_one_text.sql} as released. */
    static final int V10_AS_SQL = 486930224;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        String history = context.getConfiguration().getTable();
        try {
            try (ResultSet table = connection.getMetaData().getTables(null, connection.getSchema(), history, null)) {
                if (!table.next()) return; // a new database
            }
            try (PreparedStatement v10 = connection.prepareStatement("UPDATE " + history + """
                     SET "type" = 'JDBC', "checksum" = NULL, "description" = 'One pipeline one text',
                         "script" = 'db.migration.V10__One_pipeline_one_text'
                    WHERE "version" = '10' AND "type" = 'SQL' AND "checksum" = ?""")) {
                v10.setInt(1, V10_AS_SQL);
                if (v10.executeUpdate() == 1) {
                    log.atInfo().addKeyValue("event", "migration_history_aligned").addKeyValue("version", 10)
                            .log("V10, applied from its first SQL form, is recorded as the Java migration of the same effect");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or align Flyway's history in " + history, e);
        }
    }
}
