package org.tidings.server.ai;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tidings.server.store.Archive;
import org.tidings.server.store.ArticleView;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.SourceArticle;
import org.tidings.summary.StoryDigest;
import org.tidings.summary.Summarizer;

/**
 * The offline digest of a story told by several publishers; every item is a sentence of an article,
 * linked as {@code /article/{id}#cite=...} (the page's script highlights it).
 */
@Service
public class StoryAssistant {

    /** A front page's worth and then some: a digest costs tens of milliseconds on a large story. */
    static final int CACHED_STORIES = 256;

    public record Cite(long articleId, String publisher, String sentence) {
        public String href() {
            return "/article/" + articleId + "#cite=" + URLEncoder.encode(sentence, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** A fact of the story in the wording of its first report, with the publishers that report it. */
    public record Fact(String text, List<String> publishers, List<Cite> cites) {
        public Cite first() {
            return cites.getFirst();
        }

        /** One cite per publisher, its first: a publisher with two reports of the fact is named once. */
        public List<Cite> onePerPublisher() {
            Map<String, Cite> first = new LinkedHashMap<>();
            for (Cite c : cites) first.putIfAbsent(c.publisher(), c);
            return List.copyOf(first.values());
        }
    }

    /** What one article added first, in publication order. */
    public record Moment(Instant published, Cite cite) {}

    public record Digest(boolean available, List<Fact> agreed, List<Fact> reportedBySome, List<Moment> timeline) {
        static final Digest NONE = new Digest(false, List.of(), List.of(), List.of());
    }

    /** {@code generated} is null unless asked; {@code fellBack}: asked, but the model gave nothing usable. */
    public record Box(Digest digest, boolean modelOffered, Generated generated, boolean fellBack) {}

    private record Key(long storyId, List<String> versions) {}

    private final Map<Key, Digest> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Digest> eldest) {
            return size() > CACHED_STORIES;
        }
    });

    private final ModelAssistant model;
    private final Archive archive;
    private final EnrichmentStore enrichment;

    StoryAssistant(ModelAssistant model, Archive archive, EnrichmentStore enrichment) {
        this.model = model;
        this.archive = archive;
        this.enrichment = enrichment;
    }

    /** {@code feature} is the address's {@code ?ai=}: "summary" asks the language model. */
    public Box forStory(long storyId, List<ArticleView> articles, String feature) {
        Digest digest = forStory(storyId, articles);
        boolean offered = digest.available() && model.enabled();
        if (!offered || Feature.parse(feature) != Feature.SUMMARY) return new Box(digest, offered, null, false);
        List<ModelAssistant.StoryReport> reports = new ArrayList<>();
        Map<Long, String> text = archive.texts(articles.stream().map(ArticleView::id).toList());
        for (ArticleView a : articles) {
            EnrichmentStore.Digest stored = enrichment.digest(a.id(), text.getOrDefault(a.id(), ""));
            if (!stored.available()) continue;
            reports.add(new ModelAssistant.StoryReport(a.id(), a.sourceName(),
                    new ArticleDigest(a.lang(), List.of(), stored.summary(), stored.keyPoints())));
        }
        Generated generated = model.summarizeStory(storyId, reports).orElse(null);
        return new Box(digest, true, generated, generated == null);
    }

    /** Cached until any article of the story changes. */
    private Digest forStory(long storyId, List<ArticleView> articles) {
        Key key = new Key(storyId, articles.stream().map(a -> a.id() + "@" + a.updatedAt() + "/" + a.fullTextStatus()).toList());
        Digest cached = cache.get(key);
        if (cached != null) return cached;
        Digest digest = digest(articles, archive.texts(articles.stream().map(ArticleView::id).toList()));
        cache.put(key, digest);
        return digest;
    }

    static Digest digest(List<ArticleView> articles, Map<Long, String> text) {
        Map<String, ArticleView> byId = new HashMap<>();
        List<SourceArticle> sources = new ArrayList<>();
        for (ArticleView a : articles) {
            String t = text.getOrDefault(a.id(), "");
            if (t.isBlank()) continue;
            byId.put(Long.toString(a.id()), a);
            sources.add(new SourceArticle(Long.toString(a.id()), a.sourceName(), a.publishedAt(), t, a.lang()));
        }
        StoryDigest digest = Summarizer.digestStory(sources);
        if (!digest.available()) return Digest.NONE;
        return new Digest(true, facts(digest.agreed(), byId), facts(digest.reportedBySome(), byId),
                digest.timeline().stream().map(e -> new Moment(e.published(), cite(e.citation(), byId))).toList());
    }

    private static List<Fact> facts(List<StoryDigest.Point> points, Map<String, ArticleView> byId) {
        return points.stream().map(p -> new Fact(p.text(), p.publishers(),
                p.citations().stream().map(c -> cite(c, byId)).toList())).toList();
    }

    private static Cite cite(StoryDigest.Citation c, Map<String, ArticleView> byId) {
        ArticleView article = byId.get(c.articleId());
        return new Cite(article.id(), article.sourceName(), c.sentence().text());
    }
}
