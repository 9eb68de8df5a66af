package org.tidings.server.store;

import static java.util.stream.Collectors.toMap;
import static org.tidings.server.store.Columns.cut;
import static org.tidings.server.store.Columns.text;
import static org.tidings.server.store.Columns.toDb;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.tidings.enrich.Topic;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.summary.Sentence;

/** What enrichment learned of articles: language, section, regions, topics and the digest (sentences of the text). */
@Repository
public class EnrichmentStore {

    /** Longest region list kept: the column's width. */
    private static final int REGIONS_CHARS = 200;
    private static final int SLUG_CHARS = 120;
    private static final int LABEL_CHARS = 200;
    /** Ids in one {@code IN} list at most: well within every database's limit on parameters. */
    private static final int IN_LIST = 500;

    /** An article waiting for enrichment: its text (paragraphs), and the language its page declared, else its source's. */
    public record Pending(Job job, String title, String text, String langHint, String sourceSection, String sourceRegion) {}

    /** A topic of an article, as its hashtag link shows it. {@code kind} is person, organization, place or subject. */
    public record TopicTag(String slug, String label, String kind) {

        /** "#FederalReserve", "#الأمم_المتحدة". */
        public String hashtag() {
            return new Topic(Topic.Kind.SUBJECT, label, slug, 1).hashtag();
        }
    }

    /** What to store for one article: region codes strongest first; digest sentences, none when the text is too short. */
    public record Learned(String lang, String section, List<String> regions, List<TopicTag> topics,
            List<Sentence> summary, List<Sentence> keyPoints) {

        /** Nothing learned: the article goes on with what its page and source said. */
        public static final Learned NOTHING = new Learned(null, null, List.of(), List.of(), List.of(), List.of());
    }

    /** An article's digest: sentences of its text, by their places in it. */
    public record Digest(List<Sentence> summary, List<Sentence> keyPoints) {

        public static final Digest NONE = new Digest(List.of(), List.of());

        public boolean available() {
            return !summary.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ArticleRegions articleRegions;

    public EnrichmentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.articleRegions = new ArticleRegions(jdbc);
    }

    public List<Pending> pending(List<Job> jobs) {
        if (jobs.isEmpty()) return List.of();
        Map<Long, Job> byId = jobs.stream().collect(toMap(Job::id, job -> job));
        return jdbc.sql("""
                SELECT a.id, a.title, a.body_text, COALESCE(a.lang, s.language) AS lang_hint,
                       s.section AS source_section, s.region AS source_region
                FROM article a JOIN source s ON s.id = a.source_id
                WHERE a.id IN (:ids) ORDER BY a.id""")
                .param("ids", byId.keySet())
                .query((rs, row) -> new Pending(byId.get(rs.getLong("id")), rs.getString("title"), text(rs, "body_text"),
                        rs.getString("lang_hint"), rs.getString("source_section"), rs.getString("source_region")))
                .list();
    }

    /** Replaces what an earlier enrichment stored and hands the article to {@code next}; false if it changed since the claim. */
    @Transactional
    public boolean record(Job job, Learned learned, ArticleStage next) {
        String regions = String.join(" ", learned.regions());
        if (regions.length() > REGIONS_CHARS) regions = regions.substring(0, regions.lastIndexOf(' ', REGIONS_CHARS));
        boolean held = job.bind(jdbc.sql("""
                UPDATE article SET lang = COALESCE(:lang, lang), section = :section, regions = :regions, enriched_at = :now, changed_at = :now,
                       """ + Job.HAND_ON + " WHERE " + Job.STILL_HELD), next)
                .param("lang", learned.lang()).param("section", learned.section())
                .param("regions", regions.isEmpty() ? null : regions).param("now", toDb(clock.instant()))
                .update() == 1;
        if (!held) return false;
        long id = job.id();
        articleRegions.refresh(id);
        jdbc.sql("DELETE FROM article_topic WHERE article_id = :id").param("id", id).update();
        // one row per slug as the column keeps it: the first topic that has it
        List<TopicTag> topics = List.copyOf(learned.topics().stream()
                .collect(toMap(t -> cut(t.slug(), SLUG_CHARS), t -> t, (first, again) -> first, LinkedHashMap::new)).values());
        insertRows("article_topic (article_id, slug, label, kind)", "(:id, :slug%1$d, :label%1$d, :kind%1$d)", topics.size(), id,
                (statement, n) -> statement.param("slug" + n, cut(topics.get(n).slug(), SLUG_CHARS))
                        .param("label" + n, cut(topics.get(n).label(), LABEL_CHARS)).param("kind" + n, topics.get(n).kind()));
        jdbc.sql("DELETE FROM article_digest WHERE article_id = :id").param("id", id).update();
        List<Map.Entry<String, Sentence>> digest = new ArrayList<>();
        learned.summary().forEach(sentence -> digest.add(Map.entry("summary", sentence)));
        learned.keyPoints().forEach(sentence -> digest.add(Map.entry("point", sentence)));
        insertRows("article_digest (article_id, part, sentence, start_at, end_at)", "(:id, :part%1$d, :n%1$d, :start%1$d, :end%1$d)",
                digest.size(), id, (statement, n) -> {
                    Sentence sentence = digest.get(n).getValue();
                    return statement.param("part" + n, digest.get(n).getKey()).param("n" + n, sentence.index())
                            .param("start" + n, sentence.start()).param("end" + n, sentence.end());
                });
        return true;
    }

    /** One {@code INSERT} of {@code count} rows of the article {@code id}, each of {@code row} (its parameters numbered) bound by {@code bind}. */
    private void insertRows(String into, String row, int count, long id,
            BiFunction<JdbcClient.StatementSpec, Integer, JdbcClient.StatementSpec> bind) {
        if (count == 0) return;
        StringJoiner values = new StringJoiner(", ");
        for (int n = 0; n < count; n++) values.add(row.formatted(n));
        JdbcClient.StatementSpec statement = jdbc.sql("INSERT INTO " + into + " VALUES " + values).param("id", id);
        for (int n = 0; n < count; n++) statement = bind.apply(statement, n);
        statement.update();
    }

    /** The digest stored for the article, its sentences taken from {@code text} (the article's text). */
    public Digest digest(long articleId, String text) {
        List<Sentence> summary = new ArrayList<>();
        List<Sentence> points = new ArrayList<>();
        jdbc.sql("SELECT part, sentence, start_at, end_at FROM article_digest WHERE article_id = :id ORDER BY part, sentence")
                .param("id", articleId)
                .query((ResultSet rs) -> {
                    int start = rs.getInt("start_at");
                    int end = rs.getInt("end_at");
                    if (end > text.length() || start > end) return; // the text changed under a stale digest
                    Sentence s = new Sentence(rs.getInt("sentence"), start, end, text.substring(start, end));
                    ("summary".equals(rs.getString("part")) ? summary : points).add(s);
                });
        return new Digest(summary, points);
    }

    /** An article's topics: people, then organisations, places and subjects, each alphabetically. */
    public List<TopicTag> topicsOf(long articleId) {
        return jdbc.sql("""
                SELECT slug, label, kind FROM article_topic WHERE article_id = :id
                ORDER BY CASE kind WHEN 'person' THEN 0 WHEN 'organization' THEN 1 WHEN 'place' THEN 2 ELSE 3 END, label""")
                .param("id", articleId).query(TopicTag.class).list();
    }

    /** How a topic is named, from its newest article; empty when no article has it. */
    public Optional<TopicTag> topic(String slug) {
        return jdbc.sql("""
                SELECT t.slug, t.label, t.kind FROM article_topic t JOIN article a ON a.id = t.article_id
                WHERE t.slug = :slug ORDER BY a.published_at DESC LIMIT 1""")
                .param("slug", slug).query(TopicTag.class).optional();
    }

    /** The article's section: the enrichment's, else its source's; null when neither has one. */
    public String sectionOf(long articleId) {
        return jdbc.sql("SELECT COALESCE(a.section, s.section) FROM article a JOIN source s ON s.id = a.source_id WHERE a.id = :id")
                .param("id", articleId).query(String.class).optional().orElse(null);
    }

    /** The topic slugs of each of these articles (articles without topics are absent). */
    public Map<Long, Set<String>> topicSlugs(Collection<Long> articleIds) {
        Map<Long, Set<String>> slugs = new HashMap<>();
        List<Long> ids = List.copyOf(articleIds);
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            addSlugs(slugs, jdbc.sql("SELECT article_id, slug FROM article_topic WHERE article_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST))));
        }
        return slugs;
    }

    /** The articles published since {@code since} that have one of these topics, with those they have. */
    public Map<Long, Set<String>> withTopics(Set<String> slugs, Instant since) {
        Map<Long, Set<String>> found = new HashMap<>();
        if (slugs.isEmpty()) return found;
        addSlugs(found, jdbc.sql("""
                SELECT t.article_id, t.slug FROM article_topic t JOIN article a ON a.id = t.article_id
                WHERE t.slug IN (:slugs) AND a.published_at >= :since""")
                .param("slugs", List.copyOf(slugs)).param("since", toDb(since)));
        return found;
    }

    private static void addSlugs(Map<Long, Set<String>> slugs, JdbcClient.StatementSpec query) {
        query.query((ResultSet rs) -> {
            slugs.computeIfAbsent(rs.getLong("article_id"), k -> new HashSet<>()).add(rs.getString("slug"));
        });
    }
}
