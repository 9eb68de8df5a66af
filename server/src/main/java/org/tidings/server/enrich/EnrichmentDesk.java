package org.tidings.server.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tidings.enrich.Enricher;
import org.tidings.enrich.Enrichment;
import org.tidings.enrich.Place;
import org.tidings.enrich.Section;
import org.tidings.enrich.Topic;
import org.tidings.html.HtmlSanitizer;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.ingest.DeskRounds;
import org.tidings.server.store.EnrichmentStore;

/**
 * Files every stored article under its section, its regions and its topics, when it arrives and
 * again when its full text does. Enrichment is idempotent, so processes that share a database may
 * all run this desk: two that enrich one article at once store the same result.
 */
@Component
public class EnrichmentDesk implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentDesk.class);
    /** Articles enriched per round (a few milliseconds each); the next round follows at once while there are more. */
    private static final int BATCH = 200;
    /** Hashtags shown on an article: its most relevant topics, not every name it mentions. */
    static final int MAX_TOPICS = 8;
    /** Topics below this relevance are passing mentions, not what the article is about. */
    static final double MIN_TOPIC_SCORE = 0.2;

    private final EnrichmentStore store;
    private final TidingsProperties.Scheduler settings;
    private final DeskRounds rounds = new DeskRounds("enrichment-desk", this::round);
    private volatile Enricher enricher;

    @org.springframework.beans.factory.annotation.Autowired
    public EnrichmentDesk(EnrichmentStore store, TidingsProperties properties) {
        this(store, properties.scheduler());
    }

    EnrichmentDesk(EnrichmentStore store, TidingsProperties.Scheduler settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (settings.enabled()) rounds.start(settings.tick());
    }

    /** A round now rather than at the next tick (after articles arrived or their text did). */
    public void wakeUp() {
        rounds.wakeUp();
    }

    /** Enriches what is waiting, in batches, until nothing is; returns how many articles it enriched. */
    public int drain() {
        int total = 0;
        List<EnrichmentStore.Pending> batch;
        do {
            batch = store.pending(BATCH);
            for (EnrichmentStore.Pending article : batch) store.record(article.id(), learn(article));
            total += batch.size();
        } while (batch.size() == BATCH);
        return total;
    }

    private void round() {
        try {
            int n = drain();
            if (n > 0) log.atDebug().addKeyValue("event", "enriched").addKeyValue("articles", n).log("enriched {} articles", n);
        } catch (RuntimeException e) {
            if (!rounds.running()) return; // the server is stopping: the database may be gone already
            log.atError().addKeyValue("event", "enrichment_failed").setCause(e).log("enrichment round failed");
        }
    }

    EnrichmentStore.Learned learn(EnrichmentStore.Pending article) {
        Enrichment e = enricher().enrich(article.title(), HtmlSanitizer.toText(article.html()), article.lang(),
                article.sourceSection());
        Section bySource = Section.fromName(article.sourceSection());
        Section section = bySource != null && bySource != Section.GENERAL ? bySource : e.section();
        Set<String> regions = new LinkedHashSet<>();
        for (Place p : e.regions()) regions.add(p.code());
        if (article.sourceRegion() != null && !article.sourceRegion().isBlank()) {
            regions.add(article.sourceRegion().strip().toLowerCase(Locale.ROOT));
        }
        List<EnrichmentStore.TopicTag> topics = new ArrayList<>();
        for (Topic t : e.topics()) {
            if (topics.size() == MAX_TOPICS || t.score() < MIN_TOPIC_SCORE) break;
            if (t.slug() == null || t.slug().isBlank()) continue;
            topics.add(new EnrichmentStore.TopicTag(t.slug(), t.name(), t.kind().name().toLowerCase(Locale.ROOT)));
        }
        return new EnrichmentStore.Learned(section.slug(), List.copyOf(regions), topics);
    }

    /** The enricher loads its models on first use (about a second), not while the server starts. */
    private Enricher enricher() {
        Enricher e = enricher;
        if (e == null) {
            synchronized (this) {
                if (enricher == null) enricher = new Enricher();
                e = enricher;
            }
        }
        return e;
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.running();
    }
}
