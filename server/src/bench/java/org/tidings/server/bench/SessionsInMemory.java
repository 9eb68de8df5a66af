package org.tidings.server.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.http.SpringHttpSessionConfiguration;

/**
 * Readers' sessions held in this process's memory (Spring Session's {@link MapSessionRepository}) instead of the
 * database, for {@link SessionBenchmark} only: a server started with
 * {@code --spring.main.sources=org.tidings.server.bench.SessionsInMemory}. Spring Boot's JDBC sessions stand back
 * when a session store is defined; the cookie, its name and "keep me signed in" stay as configured.
 *
 * <p>Deliberately neither a {@code @Configuration} nor a {@code @Component}: the server's component scan covers this
 * package when the benchmarks are on the class path (the tests'), and must not find it.
 */
@Import(SpringHttpSessionConfiguration.class)
@EnableConfigurationProperties(JdbcSessionProperties.class) // read by account/ExpiredSessions, which has no table to clean here
class SessionsInMemory {

    @Bean
    Sessions sessionRepository() {
        return new Sessions();
    }

    /** The map of sessions, and a reader's sessions found by looking at each (the account page lists them). */
    static final class Sessions implements FindByIndexNameSessionRepository<MapSession> {

        private final Map<String, Session> held = new ConcurrentHashMap<>();
        private final MapSessionRepository sessions = new MapSessionRepository(held);
        private final PrincipalNameIndexResolver<MapSession> principals = new PrincipalNameIndexResolver<>();

        @Override
        public MapSession createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(MapSession session) {
            sessions.save(session);
        }

        @Override
        public MapSession findById(String id) {
            return sessions.findById(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, MapSession> found = new LinkedHashMap<>();
            if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) return found;
            for (String id : held.keySet()) {
                MapSession session = sessions.findById(id); // null once expired
                if (session != null && indexValue.equals(principals.resolveIndexValueFor(session))) found.put(id, session);
            }
            return found;
        }
    }
}
