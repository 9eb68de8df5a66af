package org.tidings.server.search.cluster;

import static org.tidings.server.search.cluster.Cluster.object;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.search.ArticleIndex;
import org.tidings.server.search.IndexedArticle;
import org.tidings.server.search.SearchFields;
import tools.jackson.databind.JsonNode;

/**
 * The articles' index on an OpenSearch cluster. Searches and writes go to the alias {@code <prefix>-articles}; a
 * rebuild fills a new index beside it and then moves the alias in one request, so searches see the old index whole
 * until the new one is, and the old one is deleted. Every process on the cluster writes (the same articles are written
 * alike); the watermark is a document of the index, moved with it.
 */
public final class ClusterIndex implements ArticleIndex {

    private static final Logger log = LoggerFactory.getLogger(ClusterIndex.class);
    /** Names of a terms aggregation's buckets asked at most: more sources than any installation has. */
    private static final int MAX_SOURCES = 65_536;

    private final Cluster cluster;
    private final TidingsProperties.Search settings;
    private final Clock clock;
    /** Where documents go: the alias, or the index being built by a rebuild. */
    private final String target;
    private volatile boolean ready;
    private volatile boolean stems;
    private volatile boolean toldNoStemming;
    private volatile Instant watermark;

    public ClusterIndex(Cluster cluster, TidingsProperties.Search settings, Clock clock) {
        this(cluster, settings, clock, alias(settings));
        tryToWrite(); // an unreachable cluster is logged once here; the site serves everything but search meanwhile
    }

    private ClusterIndex(Cluster cluster, TidingsProperties.Search settings, Clock clock, String target) {
        this.cluster = cluster;
        this.settings = settings;
        this.clock = clock;
        this.target = target;
    }

    /** The alias searches read: {@code <prefix>-articles}. */
    public static String alias(TidingsProperties.Search settings) {
        return settings.indexPrefix() + "-articles";
    }

    /** The alias, or the index a rebuild fills. */
    String target() {
        return target;
    }

    /** The cluster answers and the alias exists (made, with a first index, when missing). */
    @Override
    public boolean tryToWrite() {
        if (ready && cluster.answering()) return true;
        try {
            stems = stemming();
            if (cluster.send("GET", "/_alias/" + alias(settings), null, 404).status() == 404) {
                createIndex(alias(settings) + "-1", true);
            }
            watermark = readWatermark();
            ready = true;
            return true;
        } catch (IOException e) {
            ready = false;
            return false;
        }
    }

    private void createIndex(String name, boolean withAlias) throws IOException {
        Map<String, Object> body = ArticleMapping.index(settings.shards(), settings.replicas(), stems);
        if (withAlias) body.put("aliases", object(alias(settings), Map.of()));
        // another process may have made it meanwhile: then it is there, as wanted
        Cluster.Answer made = cluster.send("PUT", "/" + name, body, 400);
        if (made.status() == 400 && !made.body().path("error").path("type").asString("").equals("resource_already_exists_exception")) {
            throw new IOException("OpenSearch refused to create the index " + name + ": " + made.body().path("error"));
        }
        if (made.status() < 300) {
            log.atInfo().addKeyValue("event", "search_index_created").addKeyValue("index", name).addKeyValue("url", cluster.url())
                    .log("Created the search index {} on OpenSearch at {}", name, cluster.url());
        }
    }

    /** Whether the cluster's analyzers stem each language's words (it has OpenSearch's analysis-common module). */
    public boolean stems() {
        return stems;
    }

    /** Whether the cluster has the language analyzers (the analysis-common module, in every distribution but the tests'). */
    private boolean stemming() throws IOException {
        JsonNode nodes = cluster.send("GET", "/_nodes/plugins", null).body().path("nodes");
        for (JsonNode node : nodes) {
            for (JsonNode module : node.path("modules")) {
                if (module.path("name").asString("").equals("analysis-common")) return true;
            }
        }
        if (toldNoStemming) return false;
        toldNoStemming = true;
        log.atWarn().addKeyValue("event", "search_cluster_no_stemming").addKeyValue("url", cluster.url())
                .log("OpenSearch at {} has no language analyzers (module analysis-common): words are matched as written,"
                        + " \"elections\" does not find \"election\"", cluster.url());
        return false;
    }

    private Instant readWatermark() throws IOException {
        Cluster.Answer answer = cluster.send("GET", "/" + target + "/_doc/" + ArticleMapping.WATERMARK_ID, null, 404);
        String committed = answer.body() == null ? "" : answer.body().path("_source").path(ArticleMapping.WATERMARK).asString("");
        return committed.isEmpty() ? Instant.EPOCH : Instant.parse(committed);
    }

    @Override
    public Instant watermark() {
        return watermark == null ? Instant.EPOCH : watermark;
    }

    @Override
    public void put(List<IndexedArticle> articles) throws IOException {
        if (articles.isEmpty()) return;
        List<Object> lines = new ArrayList<>(articles.size() * 2);
        for (IndexedArticle article : articles) {
            lines.add(object("index", object("_id", Long.toString(article.id()))));
            lines.add(ArticleMapping.document(article));
        }
        bulk(lines);
    }

    @Override
    public void remove(Collection<Long> articleIds) throws IOException {
        if (articleIds.isEmpty()) return;
        List<Object> lines = new ArrayList<>(articleIds.size());
        for (long id : articleIds) lines.add(object("delete", object("_id", Long.toString(id))));
        bulk(lines);
    }

    private void bulk(List<Object> lines) throws IOException {
        JsonNode answer = cluster.sendLines("/" + target + "/_bulk", lines).body();
        if (!answer.path("errors").asBoolean(false)) return;
        for (JsonNode item : answer.path("items")) {
            JsonNode result = item.values().iterator().next();
            int status = result.path("status").asInt();
            if (status >= 300 && status != 404) throw new IOException("OpenSearch refused a document: " + result.path("error"));
        }
    }

    @Override
    public void removeSources(Collection<Long> sourceIds) throws IOException {
        if (sourceIds.isEmpty()) return;
        cluster.send("POST", "/" + target + "/_delete_by_query?conflicts=proceed", object("query",
                object("terms", object(SearchFields.SOURCE, sourceIds.stream().map(String::valueOf).toList()))));
    }

    @Override
    public Set<Long> indexedSources() throws IOException {
        JsonNode answer = cluster.send("POST", "/" + target + "/_search", object("size", 0,
                "aggs", object("sources", object("terms", object("field", SearchFields.SOURCE, "size", MAX_SOURCES))))).body();
        Set<Long> sources = new HashSet<>();
        for (JsonNode bucket : answer.path("aggregations").path("sources").path("buckets")) {
            sources.add(Long.parseLong(bucket.path("key").asString()));
        }
        return sources;
    }

    /** Writes the watermark and refreshes: what came before it is searchable, and a restart resumes from it (the cluster's translog keeps each write). */
    @Override
    public void commit(Instant followedUpTo) throws IOException {
        cluster.send("PUT", "/" + target + "/_doc/" + ArticleMapping.WATERMARK_ID + "?refresh=true",
                object(ArticleMapping.WATERMARK, followedUpTo.toString()));
        watermark = followedUpTo;
    }

    @Override
    public void refresh() {
        try {
            cluster.send("POST", "/" + target + "/_refresh", null);
        } catch (IOException e) {
            ready = false; // searches say the cluster is away; the next round tries again
        }
    }

    @Override
    public int size() throws IOException {
        return cluster.send("POST", "/" + target + "/_count", object("query", object("exists", object("field", SearchFields.ID))))
                .body().path("count").asInt();
    }

    /**
     * Fills a new index, then moves the alias to it in one request (searches never see it half built) and deletes the
     * indexes the alias pointed to.
     */
    @Override
    public void rebuild(Filling fill) throws IOException {
        if (!tryToWrite()) throw new Cluster.Away(cluster.url(), null);
        String alias = alias(settings);
        String fresh = alias + "-" + clock.millis();
        createIndex(fresh, false);
        fill.into(new ClusterIndex(cluster, settings, clock, fresh));
        cluster.send("POST", "/" + fresh + "/_refresh", null);
        List<String> old = new ArrayList<>();
        cluster.send("GET", "/_alias/" + alias, null).body().propertyNames().forEach(old::add);
        cluster.send("POST", "/_aliases", object("actions", List.of(
                object("remove", object("indices", old, "alias", alias)),
                object("add", object("index", fresh, "alias", alias)))));
        for (String index : old) cluster.send("DELETE", "/" + index, null, 404);
        watermark = readWatermark();
        log.atInfo().addKeyValue("event", "search_index_switched").addKeyValue("index", fresh).addKeyValue("replaced", old)
                .log("Searches now read {}; {} deleted", fresh, old);
    }

    @Override
    public void close() throws IOException {
        // the cluster's client is closed with its bean
    }
}
