package org.tidings.server.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tidings.enrich.Enricher;
import org.tidings.enrich.Enrichment;
import org.tidings.enrich.Place;
import org.tidings.enrich.Section;
import org.tidings.server.store.ArticleStage;
import org.tidings.server.store.EnrichmentStore;
import org.tidings.server.store.PipelineStore.Job;
import org.tidings.summary.ArticleDigest;
import org.tidings.summary.Summarizer;

/**
 * Learns an article's language, section, regions, topics and digest (the article page's summary
 * and key points) from its text. Idempotent, so processes sharing a database may share the work.
 */
@Component
public class EnrichmentDesk {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentDesk.class);

    /** Below this many sentences a summary says nothing the article does not say at a glance. */
    static final int MIN_DIGEST_SENTENCES = 6;

    private final EnrichmentStore store;
    private Enricher enricher;

    public EnrichmentDesk(EnrichmentStore store) {
        this.store = store;
    }

    /** Enriches the articles of these jobs and hands each to {@code next}; one whose text defeats it goes on without. */
    public void enrich(List<Job> jobs, ArticleStage next) {
        for (EnrichmentStore.Pending article : store.pending(jobs)) {
            EnrichmentStore.Learned learned;
            try {
                learned = learn(article);
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("event", "enrichment_failed").addKeyValue("article", article.job().id()).setCause(e)
                        .log("article {} could not be enriched", article.job().id());
                learned = EnrichmentStore.Learned.NOTHING;
            }
            store.record(article.job(), learned, next);
        }
    }

    EnrichmentStore.Learned learn(EnrichmentStore.Pending article) {
        Enrichment e = enricher().enrich(article.title(), article.text(), article.langHint(), article.sourceSection());
        Section bySource = Section.fromName(article.sourceSection());
        Section section = bySource != null && bySource != Section.GENERAL ? bySource : e.section();
        Set<String> regions = e.regions().stream().map(Place::code).collect(Collectors.toCollection(LinkedHashSet::new));
        if (article.sourceRegion() != null && !article.sourceRegion().isBlank()) {
            regions.add(article.sourceRegion().strip().toLowerCase(Locale.ROOT));
        }
        List<EnrichmentStore.TopicTag> topics = e.hashtags().stream()
                .map(t -> new EnrichmentStore.TopicTag(t.slug(), t.name(), t.kind().name().toLowerCase(Locale.ROOT))).toList();
        ArticleDigest digest = Summarizer.sentences(article.text(), e.lang()).size() < MIN_DIGEST_SENTENCES
                ? new ArticleDigest(e.lang(), List.of(), List.of(), List.of()) : Summarizer.digest(article.text(), e.lang());
        return new EnrichmentStore.Learned(e.lang(), section.slug(), List.copyOf(regions), topics, digest.summary(), digest.keyPoints());
    }

    /** The enricher loads its models on first use (about a second), not while the server starts. */
    private synchronized Enricher enricher() {
        if (enricher == null) enricher = new Enricher();
        return enricher;
    }
}
