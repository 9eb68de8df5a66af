package org.tidings.server.store;

import static java.util.stream.Collectors.toMap;
import static org.tidings.server.store.Columns.cut;
import static org.tidings.server.store.Columns.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.tidings.article.ArticleText;
import org.tidings.article.ImageCaption;
import org.tidings.html.HtmlText;
import org.tidings.server.store.PipelineStore.Job;

/**
 * The articles table as ingestion writes it (pages read it through the {@link Archive}). Saving is idempotent: an
 * entry is found again by its key within its source, its canonical URL or its link, so a re-fetched or re-identified
 * entry updates its article, and two processes racing on one entry store it once (the unique constraints decide,
 * {@code ON CONFLICT DO NOTHING} absorbs the loser).
 */
@Repository
public class ArticleStore {

    public enum Outcome { INSERTED, UPDATED, UNCHANGED }

    /**
     * What the article's page gave: no {@code text} when it held only a teaser (the feed's body stays); keywords
     * comma-separated; {@code imageCaption}, what the page says under {@code imageUrl}.
     */
    public record Page(ArticleText text, String canonicalUrl, String byline, String lang, String imageUrl,
            Instant published, Instant modified, String keywords, ImageCaption imageCaption) {

        public Page {
            imageCaption = imageCaption == null || imageUrl == null ? ImageCaption.NONE : imageCaption;
        }
    }

    /**
     * The caption's columns, set where image_url is: a caption is its picture's. {@code :taken} (SQL) is true when the
     * picture offered ({@code :imageUrl}) becomes the article's; then its caption comes with it, unless it is the
     * picture already stored and comes without one (a page that does not caption the feed's picture keeps the feed's
     * caption). Otherwise the stored picture stays, and its caption.
     */
    private static String captionWith(String taken) {
        String keeps = "NOT (" + taken + ") OR (image_url IS NOT NULL AND image_url = :imageUrl"
                + " AND CAST(:imageCaption AS VARCHAR(300)) IS NULL AND CAST(:imageCredit AS VARCHAR(120)) IS NULL)";
        return "lead_image_caption = CASE WHEN " + keeps + " THEN lead_image_caption ELSE :imageCaption END, "
                + "lead_image_credit = CASE WHEN " + keeps + " THEN lead_image_credit ELSE :imageCredit END,";
    }

    /** An article whose page is to be fetched: its address, and what the feed said of it. */
    public record PageRequest(Job job, String url, String title, String summary) {}

    /** An article stored before the pipeline kept its text (migration V10), with what it had instead. */
    public record Legacy(Job job, String url, String title, String summary, String content, String fullTextStatus,
            String fullHtml) {

        /** Its body by the one rule: the page's, when it was extracted, else the feed's. */
        public ArticleText text() {
            return "done".equals(fullTextStatus) && fullHtml != null && !fullHtml.isBlank()
                    ? ArticleText.ofPage(title, summary, fullHtml, HtmlText.paragraphs(fullHtml))
                    : ArticleText.ofFeed(title, summary, content);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Archive archive;
    private final ArticleRegions articleRegions;

    public ArticleStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.archive = new Archive(jdbc);
        this.articleRegions = new ArticleRegions(jdbc);
    }

    /** Saves a feed entry: a new article waits for its page if its source wants full text, else for enrichment. */
    @Transactional
    public Outcome save(long sourceId, ArticleDraft draft, boolean wantsFullText) {
        Optional<Existing> existing = find(sourceId, draft);
        if (existing.isPresent()) {
            return existing.get().contentHash().equals(draft.contentHash()) ? Outcome.UNCHANGED : update(existing.get(), draft);
        }
        boolean page = wantsFullText && draft.url() != null;
        Instant now = clock.instant();
        int inserted = withDraft("""
                INSERT INTO article (source_id, entry_key, url, canonical_url, title, summary, body_html, body_text, lead,
                                     excerpt, author, image_url, lead_image_caption, lead_image_credit, published_at,
                                     updated_at, first_seen_at, content_hash, full_text_status, stage, changed_at)
                VALUES (:sourceId, :entryKey, :url, :canonicalUrl, :title, :summary, :html, :text, :lead,
                        :excerpt, :author, :imageUrl, :imageCaption, :imageCredit, :published,
                        :updated, :now, :contentHash, :fullTextStatus, :stage, :now)
                ON CONFLICT DO NOTHING""", draft, draft.text())
                .param("sourceId", sourceId).param("published", toDb(draft.publishedAt() != null ? draft.publishedAt() : now))
                .param("fullTextStatus", page ? "pending" : null)
                .param("stage", (page ? ArticleStage.FULL_TEXT : ArticleStage.ENRICH).column()).param("now", toDb(now))
                .update();
        if (inserted == 0) return Outcome.UNCHANGED;
        // listed under its source's region until enrichment finds its own
        articleRegions.refresh(jdbc.sql("SELECT id FROM article WHERE source_id = :sourceId AND entry_key = :key")
                .param("sourceId", sourceId).param("key", draft.entryKey()).query(Long.class).single());
        return Outcome.INSERTED;
    }

    /**
     * An edited entry: its title, summary and feed body change (a body from the page stays, with a lead of the new
     * summary), and it is enriched again; a stage working on the older version will not store its result.
     */
    private Outcome update(Existing existing, ArticleDraft draft) {
        ArticleText text = draft.text();
        if ("done".equals(existing.fullTextStatus())) {
            ArticleText page = archive.body(existing.id()).orElseThrow();
            text = ArticleText.ofPage(draft.title(), draft.summary(), page.html(), page.text());
        }
        // the feed's picture replaces the stored one unless the page gave it; its caption goes with it
        withDraft("""
                UPDATE article SET title = :title, summary = :summary, body_html = :html, body_text = :text, lead = :lead,
                       excerpt = :excerpt, author = :author,\s""" + captionWith("CAST(:imageUrl AS VARCHAR(2048)) IS NOT NULL"
                        + " AND (full_text_status IS NULL OR full_text_status <> 'done' OR image_url IS NULL)") + """
                       image_url = CASE WHEN full_text_status = 'done' THEN COALESCE(image_url, :imageUrl)
                                        ELSE COALESCE(:imageUrl, image_url) END,
                       updated_at = :updated, content_hash = :contentHash, changed_at = :now, revision = revision + 1,
                       stage = CASE WHEN stage IN ('backfill', 'fulltext') THEN stage ELSE 'enrich' END,
                       stage_lease_until = CASE WHEN stage IN ('backfill', 'fulltext') THEN stage_lease_until END,
                       stage_lease_owner = CASE WHEN stage IN ('backfill', 'fulltext') THEN stage_lease_owner END
                WHERE id = :id""", draft, text)
                .param("now", toDb(clock.instant())).param("id", existing.id())
                .param("updated", toDb(draft.updatedAt() != null ? draft.updatedAt() : clock.instant()))
                .update();
        return Outcome.UPDATED;
    }

    /** What fetching the article's page needs to know; empty when the article is gone. */
    public Optional<PageRequest> pageRequest(Job job) {
        return jdbc.sql("SELECT url, title, summary FROM article WHERE id = :id").param("id", job.id())
                .query((rs, row) -> new PageRequest(job, rs.getString("url"), rs.getString("title"), rs.getString("summary"))).optional();
    }

    /**
     * Stores what the article's page gave and hands the article to {@code next}: a teaser keeps the feed's body, a
     * canonical address another article has is not taken, the page's picture comes before the feed's, and its time of
     * publication counts only when the feed gave none. False when the article changed since the claim.
     */
    @Transactional
    public boolean onPage(Job job, Page page, ArticleStage next) {
        ArticleText text = page.text();
        boolean held = job.bind(jdbc.sql("""
                UPDATE article SET full_text_status = :status,
                       body_html = COALESCE(:html, body_html), body_text = COALESCE(:text, body_text),
                       lead = COALESCE(:lead, lead), excerpt = :excerpt,
                       canonical_url = CASE WHEN NOT EXISTS (SELECT 1 FROM article other
                                            WHERE other.canonical_url = :canonical AND other.id <> :id)
                                       THEN COALESCE(:canonical, canonical_url) ELSE canonical_url END,
                       byline = :byline, lang = COALESCE(:lang, lang),\s""" + captionWith("CAST(:imageUrl AS VARCHAR(2048)) IS NOT NULL") + """
                       image_url = COALESCE(:imageUrl, image_url), keywords = :keywords,
                       published_at = CASE WHEN published_at = first_seen_at AND :published < published_at
                                           THEN :published ELSE published_at END,
                       updated_at = CASE WHEN updated_at IS NULL OR :modified > updated_at
                                         THEN COALESCE(:modified, updated_at) ELSE updated_at END,
                       extracted_at = :now, full_text_error = NULL, changed_at = :now,\s""" + Job.HAND_ON
                + " WHERE " + Job.STILL_HELD), next)
                .param("status", text == null ? "excerpt" : "done").param("excerpt", text == null)
                .param("html", text == null ? null : text.html()).param("text", text == null ? null : text.text())
                .param("lead", text == null ? null : text.lead()).param("canonical", page.canonicalUrl())
                .param("byline", cut(page.byline(), 300)).param("lang", cut(page.lang(), 16))
                .param("imageUrl", cut(page.imageUrl(), 2048)).param("keywords", cut(page.keywords(), 1000))
                .param("imageCaption", cut(page.imageCaption().text(), 300)).param("imageCredit", cut(page.imageCaption().credit(), 120))
                .param("published", toDb(page.published())).param("modified", toDb(page.modified()))
                .param("now", toDb(clock.instant()))
                .update() == 1;
        if (held) articleRegions.refresh(job.id()); // its time of publication may be the page's now
        return held;
    }

    /**
     * Records a failed attempt at the article's page: it is tried again after waits.get(attempts so far); after the
     * last, it ends with {@code finalStatus} and the article goes on to {@code next} with the feed's text.
     */
    public void onPageFailed(Job job, String error, String finalStatus, List<Duration> waits, ArticleStage next) {
        int attempts = jdbc.sql("SELECT full_text_attempts FROM article WHERE id = :id").param("id", job.id())
                .query(Integer.class).optional().orElse(0) + 1;
        boolean last = attempts > waits.size();
        job.bind(jdbc.sql("""
                UPDATE article SET full_text_attempts = :attempts, full_text_error = :error,
                       full_text_status = :status, stage = :stageNow, stage_lease_until = :retry, stage_lease_owner = NULL
                """ + " WHERE " + Job.STILL_HELD), next)
                .param("attempts", attempts).param("error", cut(error, 500)).param("status", last ? finalStatus : "pending")
                .param("stageNow", (last ? next : job.stage()).column())
                .param("retry", last ? null : toDb(clock.instant().plus(waits.get(attempts - 1))))
                .update();
    }

    /** The articles stored before the pipeline kept its text, with what they had instead. */
    public List<Legacy> legacy(List<Job> jobs) {
        if (jobs.isEmpty()) return List.of();
        Map<Long, Job> byId = jobs.stream().collect(toMap(Job::id, job -> job));
        return jdbc.sql(LEGACY + " WHERE id IN (:ids)").param("ids", byId.keySet())
                .query((rs, row) -> legacy(rs, byId.get(rs.getLong("id")))).list();
    }

    static final String LEGACY = "SELECT id, url, title, summary, content, full_text_status, full_html FROM article";

    static Legacy legacy(ResultSet rs, Job job) throws SQLException {
        return new Legacy(job, rs.getString("url"), rs.getString("title"), rs.getString("summary"), rs.getString("content"),
                rs.getString("full_text_status"), rs.getString("full_html"));
    }

    /**
     * Stores an older article's text and canonical address as the pipeline keeps them now (emptying the columns they
     * replace) and hands it to {@code next}; when another article has the address, this one is a copy of it. False
     * when the article changed since the claim.
     */
    @Transactional
    public boolean onBackfilled(Job job, String canonicalUrl, ArticleText text, ArticleStage next) {
        Long holder = canonicalUrl == null ? null
                : jdbc.sql("SELECT id FROM article WHERE canonical_url = :url AND id <> :id")
                        .param("url", canonicalUrl).param("id", job.id()).query(Long.class).optional().orElse(null);
        return job.bind(jdbc.sql("""
                UPDATE article SET canonical_url = :canonical, body_html = :html, body_text = :text, lead = :lead,
                       excerpt = :excerpt, content = NULL, full_html = NULL,
                       duplicate_of = COALESCE(:copyOf, duplicate_of), changed_at = :now,\s""" + Job.HAND_ON
                + " WHERE " + Job.STILL_HELD), next)
                .param("canonical", holder == null ? canonicalUrl : null)
                .param("html", text.html()).param("text", text.text()).param("lead", text.lead())
                .param("excerpt", text.excerpt()).param("copyOf", holder).param("now", toDb(clock.instant()))
                .update() == 1;
    }

    /**
     * The stored article of this entry: the same entry of the same source, else the same page by its canonical address,
     * else by its link. One lookup per unique index (an OR of them would scan the table on H2), in one statement.
     */
    private Optional<Existing> find(long sourceId, ArticleDraft draft) {
        return jdbc.sql("""
                SELECT id, content_hash, full_text_status FROM (
                    SELECT 1 AS rank, id, content_hash, full_text_status FROM article WHERE source_id = :sourceId AND entry_key = :key
                    UNION ALL
                    SELECT 2, id, content_hash, full_text_status FROM article WHERE canonical_url = :canonical
                    UNION ALL
                    SELECT 3, id, content_hash, full_text_status FROM article WHERE url = :url) found
                ORDER BY rank LIMIT 1""")
                .param("sourceId", sourceId).param("key", draft.entryKey()).param("canonical", draft.canonicalUrl())
                .param("url", draft.url()).query(Existing.class).optional();
    }

    /** A statement with the entry bound by its names ({@code :title}, {@code :html}, ...), with {@code text} as its text. */
    private JdbcClient.StatementSpec withDraft(String sql, ArticleDraft d, ArticleText text) {
        return jdbc.sql(sql).param("entryKey", d.entryKey()).param("url", d.url()).param("canonicalUrl", d.canonicalUrl())
                .param("title", d.title()).param("summary", d.summary()).param("html", text.html()).param("text", text.text())
                .param("lead", text.lead()).param("excerpt", text.excerpt()).param("author", d.author())
                .param("imageUrl", d.imageUrl()).param("imageCaption", cut(d.imageCaption().text(), 300))
                .param("imageCredit", cut(d.imageCaption().credit(), 120))
                .param("updated", toDb(d.updatedAt())).param("contentHash", d.contentHash());
    }

    private record Existing(long id, String contentHash, String fullTextStatus) {}
}
