package org.tidings.server.search.cluster;

import static org.tidings.server.search.cluster.Cluster.object;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tidings.server.search.IndexedArticle;
import org.tidings.server.search.Languages;
import org.tidings.server.search.SearchFields;
import org.tidings.text.LanguageTags;

/**
 * The articles' index on a cluster: the embedded index's fields ({@link SearchFields}), each language's headline and
 * text analysed by that language's analyzer without stop words, as the embedded index does, with offsets for the
 * highlighter. One more document holds the watermark ({@link #WATERMARK_ID}); it has none of the articles' fields, so
 * no search finds it.
 */
final class ArticleMapping {

    static final String WATERMARK_ID = "watermark";
    static final String WATERMARK = "watermark";

    /** OpenSearch's analyzer for each language with a stemmer (its analysis-common module, in every distribution but the test one). */
    private static final Map<String, String> ANALYZERS = Map.of("en", "english", "ar", "arabic", "fr", "french", "de", "german",
            "es", "spanish", "pt", "portuguese", "it", "italian", "nl", "dutch", "ru", "russian");

    private ArticleMapping() {}

    static String analyzer(String suffix) {
        return "tidings_" + suffix;
    }

    /** The index's settings and mappings; {@code stemming} false: the cluster has no language analyzers, every language is split into words only. */
    static Map<String, Object> index(int shards, int replicas, boolean stemming) {
        Map<String, Object> analyzers = new LinkedHashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(SearchFields.ID, keyword());
        properties.put(SearchFields.SOURCE, keyword());
        properties.put(SearchFields.PUBLISHER, object("type", "text"));
        properties.put(SearchFields.SECTION, keyword());
        properties.put(SearchFields.LANG, keyword());
        properties.put(SearchFields.REGION, keyword());
        properties.put(SearchFields.TOPIC, keyword());
        properties.put(SearchFields.TOPICS, object("type", "text"));
        properties.put(SearchFields.PUBLISHED, object("type", "long"));
        properties.put(SearchFields.STORY, keyword());
        properties.put(SearchFields.LEAD, object("type", "text", "index", false));
        properties.put(WATERMARK, object("type", "keyword", "index", false));
        for (String suffix : Languages.SUFFIXES) {
            String type = stemming && ANALYZERS.containsKey(suffix) ? ANALYZERS.get(suffix) : "standard";
            analyzers.put(analyzer(suffix), object("type", type, "stopwords", "_none_"));
            Map<String, Object> words = object("type", "text", "analyzer", analyzer(suffix), "index_options", "offsets");
            properties.put(SearchFields.title(suffix), words);
            properties.put(SearchFields.text(suffix), words);
        }
        return object(
                "settings", object("number_of_shards", shards, "number_of_replicas", replicas,
                        "analysis", object("analyzer", analyzers)),
                "mappings", object("dynamic", "strict", "properties", properties));
    }

    private static Map<String, Object> keyword() {
        return object("type", "keyword");
    }

    /** The article as the cluster holds it: what the embedded index holds, under the same names. */
    static Map<String, Object> document(IndexedArticle a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(SearchFields.ID, Long.toString(a.id()));
        doc.put(SearchFields.SOURCE, Long.toString(a.sourceId()));
        doc.put(SearchFields.PUBLISHER, a.publisher());
        String suffix = Languages.suffix(a.lang());
        doc.put(SearchFields.title(suffix), a.title());
        String text = a.text() == null ? "" : a.text();
        if (text.length() > SearchFields.MAX_TEXT_CHARS) text = text.substring(0, SearchFields.MAX_TEXT_CHARS);
        if (!text.isEmpty()) doc.put(SearchFields.text(suffix), text);
        if (a.lead() != null && !a.lead().isEmpty()) doc.put(SearchFields.LEAD, a.lead());
        String lang = LanguageTags.primary(a.lang());
        if (lang != null) doc.put(SearchFields.LANG, lang);
        if (a.section() != null && !a.section().isBlank()) doc.put(SearchFields.SECTION, SearchFields.keyword(a.section()));
        List<String> regions = a.regions().stream().filter(r -> r != null && !r.isBlank()).map(SearchFields::keyword).toList();
        if (!regions.isEmpty()) doc.put(SearchFields.REGION, regions);
        if (!a.topics().isEmpty()) {
            List<String> slugs = new ArrayList<>(), labels = new ArrayList<>();
            for (IndexedArticle.Topic topic : a.topics()) {
                slugs.add(topic.slug());
                labels.add(topic.label());
            }
            doc.put(SearchFields.TOPIC, slugs);
            doc.put(SearchFields.TOPICS, labels);
        }
        doc.put(SearchFields.PUBLISHED, a.publishedAt().toEpochMilli());
        if (a.storyId() != null) doc.put(SearchFields.STORY, Long.toString(a.storyId()));
        return doc;
    }
}
