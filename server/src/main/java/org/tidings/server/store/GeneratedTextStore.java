package org.tidings.server.store;

import static org.tidings.server.store.Columns.toDb;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a language model wrote, per subject (an article or a story), feature, language and model, while the text it
 * was given stays the same. A bounded in-memory map serves the articles being read right now without a query.
 */
@Repository
public class GeneratedTextStore {

    /** Outputs kept in memory: a few hundred articles' worth of a few kilobytes each. */
    static final int IN_MEMORY = 512;

    /** What was asked: the same key with another source hash is a different question. */
    public record Key(String subject, long subjectId, String feature, String lang, String model) {}

    private record Answer(String sourceHash, String output) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Key, Answer> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > IN_MEMORY;
        }
    });

    public GeneratedTextStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The output for the key, when it was made from the text of this hash. */
    public Optional<String> find(Key key, String sourceHash) {
        Answer remembered = recent.get(key);
        if (remembered != null && remembered.sourceHash().equals(sourceHash)) return Optional.of(remembered.output());
        Optional<String> stored = withKey("""
                SELECT output FROM ai_output WHERE subject = :subject AND subject_id = :id AND feature = :feature
                AND lang = :lang AND model = :model AND source_hash = :hash""", key, sourceHash)
                .query(String.class).optional();
        stored.ifPresent(output -> recent.put(key, new Answer(sourceHash, output)));
        return stored;
    }

    /** Keeps the output, replacing what an older text of the subject gave. */
    public void save(Key key, String sourceHash, String output) {
        recent.put(key, new Answer(sourceHash, output));
        if (update(key, sourceHash, output) == 1) return;
        try {
            withKey("""
                    INSERT INTO ai_output (subject, subject_id, feature, lang, model, source_hash, output, created_at)
                    VALUES (:subject, :id, :feature, :lang, :model, :hash, :output, :at)""", key, sourceHash)
                    .param("output", output).param("at", toDb(clock.instant())).update();
        } catch (DuplicateKeyException another) {
            update(key, sourceHash, output); // another reader's request stored it first: ours is as good
        }
    }

    private int update(Key key, String sourceHash, String output) {
        return withKey("""
                UPDATE ai_output SET source_hash = :hash, output = :output, created_at = :at
                WHERE subject = :subject AND subject_id = :id AND feature = :feature AND lang = :lang AND model = :model""",
                key, sourceHash)
                .param("output", output).param("at", toDb(clock.instant())).update();
    }

    private JdbcClient.StatementSpec withKey(String sql, Key key, String sourceHash) {
        return jdbc.sql(sql).param("subject", key.subject()).param("id", key.subjectId()).param("feature", key.feature())
                .param("lang", key.lang()).param("model", key.model()).param("hash", sourceHash);
    }
}
