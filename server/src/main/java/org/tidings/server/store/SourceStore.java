package org.tidings.server.store;

import static org.tidings.server.store.Columns.fromDb;
import static org.tidings.server.store.Columns.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The sources table: settings, health, schedule and claims. Plain SQL that H2 and PostgreSQL both run. */
@Repository
public class SourceStore {

    private static final String SELECT = """
            SELECT id, feed_url, name, site_url, language, region, section, full_text, enabled, created_at,
                   last_fetch_at, last_success_at, last_status, last_http_status, last_error, consecutive_failures,
                   disabled_reason, next_fetch_at, fetch_interval_seconds, etag, last_modified, body_hash, published
            FROM source""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RowClaims claims;
    private final ArticleRegions articleRegions;

    public SourceStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.claims = new RowClaims(jdbc);
        this.articleRegions = new ArticleRegions(jdbc);
        this.clock = clock;
    }

    /** Registers a source of the edition, due at once; returns the existing one if the feed URL is known already. */
    @Transactional
    public Source add(SourceSettings settings, Duration interval) {
        return add(settings, interval, true);
    }

    /**
     * Registers a feed a reader subscribed to: private to its subscribers until an administrator publishes it; returns
     * the existing source (published or not) if the feed URL is known already.
     */
    @Transactional
    public Source addPrivate(SourceSettings settings, Duration interval) {
        return add(settings, interval, false);
    }

    private Source add(SourceSettings settings, Duration interval, boolean published) {
        Optional<Source> existing = findByFeedUrl(settings.feedUrl());
        if (existing.isPresent()) return existing.get();
        withSettings("""
                INSERT INTO source (feed_url, name, site_url, language, region, section, full_text, enabled,
                                    created_at, next_fetch_at, fetch_interval_seconds, published)
                VALUES (:feedUrl, :name, :siteUrl, :language, :region, :section, :fullText, :enabled,
                        :now, :now, :interval, :published)
                ON CONFLICT DO NOTHING""", settings)
                .param("now", toDb(clock.instant())).param("interval", (int) interval.toSeconds())
                .param("published", published)
                .update();
        return findByFeedUrl(settings.feedUrl()).orElseThrow();
    }

    /** Puts a reader's feed on the edition's pages and in its search. */
    public void publish(long id) {
        jdbc.sql("UPDATE source SET published = TRUE WHERE id = :id").param("id", id).update();
        jdbc.sql("UPDATE article SET changed_at = :now WHERE source_id = :id").param("now", toDb(clock.instant())).param("id", id).update();
    }

    @Transactional
    public void update(long id, SourceSettings settings) {
        withSettings("""
                UPDATE source SET feed_url = :feedUrl, name = :name, site_url = :siteUrl, language = :language,
                       region = :region, section = :section, full_text = :fullText, enabled = :enabled,
                       disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END
                WHERE id = :id""", settings)
                .param("id", id).update();
        // the articles carry their publisher's name, section and region into the search index
        jdbc.sql("UPDATE article SET changed_at = :now WHERE source_id = :id").param("now", toDb(clock.instant())).param("id", id).update();
        // and its region is the region of those it has not placed yet
        articleRegions.refreshSource(id);
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM source WHERE id = :id").param("id", id).update() > 0;
    }

    public Optional<Source> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(SourceStore::map).optional();
    }

    /** The regions the operator set on these sources, by source id (those without one left out). */
    public Map<Long, String> regions(Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<Long, String> regions = new HashMap<>();
        jdbc.sql("SELECT id, region FROM source WHERE region IS NOT NULL AND id IN (:ids)").param("ids", List.copyOf(ids))
                .query((rs, row) -> regions.put(rs.getLong("id"), rs.getString("region"))).list();
        return regions;
    }

    public Optional<Source> findByFeedUrl(String feedUrl) {
        return jdbc.sql(SELECT + " WHERE feed_url = :url").param("url", feedUrl).query(SourceStore::map).optional();
    }

    public List<Source> findAll() {
        return jdbc.sql(SELECT + " ORDER BY name, id").query(SourceStore::map).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM source").query(Long.class).single();
    }

    /**
     * How the enabled sources' fetches go, in counts: how many are enabled, wait for their first fetch, failed at their
     * last one, and failed there because the network did not reach the publisher (no address for its name, no
     * connection, no answer in time).
     */
    public record Fetching(int enabled, int unfetched, int failing, int unreachable) {

        /** Enough sources for a pattern (at least {@value #FEW}), and more than half of them failing. */
        public static final int FEW = 3;

        public boolean mostFailing() {
            return enabled >= FEW && failing * 2 > enabled;
        }

        /** Most failures are of the network: this server's own connection, DNS or proxy is the likely cause. */
        public boolean mostlyUnreachable() {
            return unreachable * 2 > failing;
        }
    }

    public Fetching fetching() {
        return jdbc.sql("""
                SELECT COUNT(*) AS enabled,
                       COALESCE(SUM(CASE WHEN last_fetch_at IS NULL THEN 1 ELSE 0 END), 0) AS unfetched,
                       COALESCE(SUM(CASE WHEN consecutive_failures > 0 THEN 1 ELSE 0 END), 0) AS failing,
                       COALESCE(SUM(CASE WHEN consecutive_failures > 0 AND last_status IN ('unreachable', 'timeout')
                                         THEN 1 ELSE 0 END), 0) AS unreachable
                FROM source WHERE enabled = TRUE""")
                .query((rs, row) -> new Fetching(rs.getInt("enabled"), rs.getInt("unfetched"), rs.getInt("failing"),
                        rs.getInt("unreachable")))
                .single();
    }

    /**
     * Claims up to {@code limit} due sources for {@code worker} until the lease ends; locked rows are skipped rather than
     * waited for, so several processes sharing one database split the work.
     */
    @Transactional
    public List<Source> claimDue(String worker, Duration lease, int limit) {
        Instant now = clock.instant();
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS); // found again by equality: as stored
        String free = "(lease_until IS NULL OR lease_until < :now)";
        List<Long> ids = jdbc.sql("""
                SELECT id FROM source
                WHERE enabled = TRUE AND next_fetch_at <= :now AND %s
                ORDER BY next_fetch_at
                LIMIT :limit
                %s""".formatted(free, claims.skipLocked()))
                .param("now", toDb(now)).param("limit", limit)
                .query(Long.class).list();
        if (ids.isEmpty()) return List.of();
        jdbc.sql("UPDATE source SET lease_owner = :worker, lease_until = :until WHERE id IN (:ids) AND " + free)
                .param("worker", worker).param("until", toDb(until)).param("ids", ids).param("now", toDb(now))
                .update();
        return jdbc.sql(SELECT + " WHERE id IN (:ids) AND lease_owner = :worker AND lease_until = :until ORDER BY next_fetch_at")
                .param("ids", ids).param("worker", worker).param("until", toDb(until)).query(SourceStore::map).list();
    }

    /**
     * Frees the sources an earlier instance of this worker's slot claimed and did not finish (it crashed: a slot has one
     * live process at a time), so that they are fetched now rather than when the claim lapses; returns how many.
     */
    public int releaseEarlierInstances(String slotPrefix, String self) {
        return RowClaims.bindEarlier(jdbc.sql("UPDATE source SET lease_owner = NULL, lease_until = NULL WHERE "
                + RowClaims.earlierInstance("lease_owner")), slotPrefix, self).update();
    }

    /** Makes a source due now (the operator's "refresh"), unless another process holds it. */
    public void makeDue(long id) {
        jdbc.sql("UPDATE source SET next_fetch_at = :now WHERE id = :id")
                .param("now", toDb(clock.instant())).param("id", id).update();
    }

    /**
     * Records a fetch that worked (new content or not modified), the interval to the next one, and releases the claim;
     * {@code problem} says what was wrong with a feed that was read all the same (entries left out, markup recovered), or null.
     */
    public void onFetched(long id, String status, int httpStatus, Source.Validators validators, Duration interval, String problem) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE source SET last_fetch_at = :now, last_success_at = :now, last_status = :status,
                       last_http_status = :http, last_error = :problem, consecutive_failures = 0,
                       etag = :etag, last_modified = :lastModified, body_hash = :bodyHash,
                       next_fetch_at = :next, fetch_interval_seconds = :interval, lease_owner = NULL, lease_until = NULL
                WHERE id = :id""")
                .param("now", toDb(now)).param("interval", (int) interval.toSeconds())
                .param("status", status).param("http", httpStatus).param("problem", truncate(problem, 2000))
                .param("etag", validators.etag()).param("lastModified", validators.lastModified())
                .param("bodyHash", validators.bodyHash()).param("next", toDb(now.plus(interval))).param("id", id)
                .update();
    }

    /** The feed moved for good (301/308 all the way): the source follows unless another has that address; whether it did. */
    public boolean moveFeedUrl(long id, String newUrl) {
        return jdbc.sql("""
                UPDATE source SET feed_url = :url
                WHERE id = :id AND NOT EXISTS (SELECT 1 FROM source other WHERE other.feed_url = :url)""")
                .param("url", newUrl).param("id", id).update() == 1;
    }

    /** The publisher says the feed is gone: the source stops being fetched, with the reason shown. */
    public void disable(long id, String status, Integer httpStatus, String reason) {
        jdbc.sql("""
                UPDATE source SET enabled = FALSE, disabled_reason = :reason, last_fetch_at = :now,
                       last_status = :status, last_http_status = :http, last_error = :reason,
                       consecutive_failures = consecutive_failures + 1, lease_owner = NULL, lease_until = NULL
                WHERE id = :id""")
                .param("reason", reason).param("now", toDb(clock.instant())).param("status", status)
                .param("http", httpStatus).param("id", id)
                .update();
    }

    /** Records a failed fetch with its reason, counts it, and releases the claim. */
    public void onFailed(long id, String status, Integer httpStatus, String error, Instant nextFetchAt) {
        jdbc.sql("""
                UPDATE source SET last_fetch_at = :now, last_status = :status, last_http_status = :http,
                       last_error = :error, consecutive_failures = consecutive_failures + 1,
                       next_fetch_at = :next, lease_owner = NULL, lease_until = NULL
                WHERE id = :id""")
                .param("now", toDb(clock.instant())).param("status", status).param("http", httpStatus)
                .param("error", truncate(error, 2000)).param("next", toDb(nextFetchAt)).param("id", id)
                .update();
    }

    /** A statement with the settings bound by their names ({@code :feedUrl}, {@code :name}, ...). */
    private JdbcClient.StatementSpec withSettings(String sql, SourceSettings s) {
        return jdbc.sql(sql).param("feedUrl", s.feedUrl()).param("name", s.name()).param("siteUrl", s.siteUrl())
                .param("language", s.language()).param("region", s.region()).param("section", s.section())
                .param("fullText", s.fullText()).param("enabled", s.enabled());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Source map(ResultSet rs, int row) throws SQLException {
        return new Source(rs.getLong("id"), rs.getString("feed_url"), rs.getString("name"), rs.getString("site_url"),
                rs.getString("language"), rs.getString("region"), rs.getString("section"), rs.getBoolean("full_text"),
                rs.getBoolean("enabled"), fromDb(rs, "created_at"),
                new Source.Health(fromDb(rs, "last_fetch_at"), fromDb(rs, "last_success_at"), rs.getString("last_status"),
                        rs.getObject("last_http_status", Integer.class), rs.getString("last_error"),
                        rs.getInt("consecutive_failures"), rs.getString("disabled_reason")),
                fromDb(rs, "next_fetch_at"), rs.getInt("fetch_interval_seconds"),
                new Source.Validators(rs.getString("etag"), rs.getString("last_modified"), rs.getString("body_hash")),
                rs.getBoolean("published"));
    }
}
