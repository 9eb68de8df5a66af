package org.tidings.server.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;
import org.tidings.server.store.DatabaseOutage;

/**
 * Deletes readers' expired sessions from the database at the times of {@code spring.session.jdbc.cleanup-cron} (every
 * minute by default), in place of Spring Session's own job: while the database is away, that job would log a stack
 * trace each time; here a failure the database's state explains is one line, as for the pipeline's work. Every process
 * does it: deleting what another process already deleted deletes nothing.
 */
@Component
final class ExpiredSessions implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessions.class);

    private final String cron;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private JdbcIndexedSessionRepository sessions;
    private volatile boolean running;

    ExpiredSessions(JdbcSessionProperties properties) {
        this.cron = properties.getCleanupCron();
        scheduler.setThreadNamePrefix("expired-sessions-");
        scheduler.setDaemon(true);
        scheduler.setErrorHandler(ExpiredSessions::failed);
    }

    /** Runs after Spring Boot's own customizer, which passes the cron on to the store: the store keeps no job of its own. */
    @Override
    public void customize(JdbcIndexedSessionRepository repository) {
        this.sessions = repository;
        repository.setCleanupCron(Scheduled.CRON_DISABLED);
    }

    @Override
    public void start() {
        running = true;
        if (sessions == null || Scheduled.CRON_DISABLED.equals(cron)) return;
        scheduler.initialize();
        scheduler.schedule(sessions::cleanUpExpiredSessions, new CronTrigger(cron));
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void failed(Throwable e) {
        if (DatabaseOutage.explains(e)) {
            String reason = DatabaseOutage.diskFull(e) ? "disk_full" : "database_unavailable";
            log.atWarn().addKeyValue("event", "expired_sessions_failed").addKeyValue("reason", reason)
                    .addKeyValue("error", e.toString()).log("Deleting expired sessions failed: {}; tried again next time",
                            reason.equals("disk_full") ? "the disk is full" : "the database is unavailable");
        } else {
            log.atError().addKeyValue("event", "expired_sessions_failed").setCause(e).log("Deleting expired sessions failed");
        }
    }
}
