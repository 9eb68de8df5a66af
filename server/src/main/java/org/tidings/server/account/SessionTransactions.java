package org.tidings.server.account;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.tidings.server.store.DatabaseOutage;

/**
 * The transactions of the readers' session store, by the name Spring Session looks for. While the database is away,
 * Spring Session looks a reader's session up again when the lookup fails (as it finishes the request, and for the
 * error page), each lookup waiting its while for a connection: after one fails for a reason the database's state
 * explains, the lookups of the next {@link #AT_ONCE} fail at once, with that failure, so that a signed-in reader gets
 * the 503 page as soon as any other. On a full disk the database still reads: a session that cannot be saved is let
 * go (logged), so that readers still read, rather than a 503 without a page as the response is committed.
 */
@Configuration(proxyBeanMethods = false)
class SessionTransactions {

    /** Far below the time a reader waits for the 503 page, and a second at most of it after the database is back. */
    static final Duration AT_ONCE = Duration.ofSeconds(1);

    @Bean
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW); // as Spring Session's own
        return new FailingAtOnce(template);
    }

    private static final class FailingAtOnce implements TransactionOperations {

        private static final Logger log = LoggerFactory.getLogger(SessionTransactions.class);

        private record Failure(RuntimeException cause, long until) {}

        private final TransactionOperations transactions;
        private volatile Failure last;

        FailingAtOnce(TransactionOperations transactions) {
            this.transactions = transactions;
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            Failure recent = last;
            if (recent != null && System.nanoTime() - recent.until() < 0) throw recent.cause();
            try {
                return transactions.execute(action);
            } catch (RuntimeException e) {
                if (DatabaseOutage.diskFull(e)) {
                    // the database still reads: the page is served, and only the session's change (most often its time
                    // of last access) is not kept; a write of the page's own fails on its own with the clear 503
                    log.atWarn().addKeyValue("event", "session_not_saved").addKeyValue("reason", "disk_full")
                            .log("A reader's session could not be saved: the disk is full");
                    return null;
                }
                if (DatabaseOutage.explains(e)) last = new Failure(e, System.nanoTime() + AT_ONCE.toNanos());
                throw e;
            }
        }
    }
}
