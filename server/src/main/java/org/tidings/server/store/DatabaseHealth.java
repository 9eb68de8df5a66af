package org.tidings.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, in a second or two at most: part of readiness ({@code /actuator/health/readiness}),
 * so that while the database is away this process says it cannot serve pages rather than timing out. It replaces
 * Spring's own check, which waits as long as the connection allows when the database has gone silent.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator {

    /** How long the database has to answer once a connection is in hand. */
    static final Duration ANSWER = Duration.ofSeconds(1);

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        // the connection is waited for as briefly as a page's (this runs on a request's thread)
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) ANSWER.toSeconds()) ? Health.up().build()
                    : Health.down().withDetail("reason", "no answer").build();
        } catch (SQLException | RuntimeException e) {
            return Health.down().withDetail("reason", DatabaseOutage.diskFull(e) ? "disk full" : "unreachable").build();
        }
    }
}
