package org.tidings.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.tidings.story.RelatedCoverage.Candidate;

/**
 * Candidates for the "related" block, which {@link org.tidings.story.RelatedCoverage} ranks and cuts.
 * The article's own story is left out: those reports have a block of their own.
 */
public record SimilarArticles(SearchIndex index) {

    /** A headline and lead hold a few dozen words; beyond the most telling ones the rest ("said", "on Tuesday") match everything. */
    static final int QUERY_WORDS = 25;

    /**
     * Best match first; each with its source id as its publisher and its lead cut to {@code leadChars}.
     * {@code lang} is used when the article itself is not in the index (yet, or as a copy of another).
     */
    public List<Candidate> recentLike(Candidate article, String lang, Instant since, Collection<Long> hiddenSources,
            int limit, int leadChars) {
        try {
            return index.read(searcher -> {
                String suffix = indexedLanguage(searcher, article.id(), lang);
                String title = SearchFields.title(suffix);
                String text = SearchFields.text(suffix);
                Query like = like(searcher, article, title, text);
                if (like == null) return List.of();
                BooleanQuery.Builder query = new BooleanQuery.Builder()
                        .add(like, Occur.MUST)
                        .add(LongPoint.newRangeQuery(SearchFields.PUBLISHED, since.toEpochMilli(), Long.MAX_VALUE), Occur.FILTER)
                        .add(new TermQuery(new Term(SearchFields.ID, article.id())), Occur.MUST_NOT);
                if (article.storyId() != null) {
                    query.add(new TermQuery(new Term(SearchFields.STORY, article.storyId())), Occur.MUST_NOT);
                }
                if (!hiddenSources.isEmpty()) query.add(SearchFields.sources(hiddenSources), Occur.MUST_NOT);
                return candidates(searcher, searcher.search(query.build(), limit).scoreDocs, title, leadChars);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("looking for similar articles failed", e);
        }
    }

    /** The field suffix the article was indexed with, or that of {@code lang} when it is not in the index. */
    private static String indexedLanguage(IndexSearcher searcher, String articleId, String lang) throws IOException {
        ScoreDoc[] own = searcher.search(new TermQuery(new Term(SearchFields.ID, articleId)), 1).scoreDocs;
        if (own.length == 0) return Languages.suffix(lang);
        return Languages.suffix(searcher.storedFields().document(own[0].doc, Set.of(SearchFields.LANG)).get(SearchFields.LANG));
    }

    /** The article's most telling words as a query on the headline and text fields, or null when it has no words. */
    private Query like(IndexSearcher searcher, Candidate article, String title, String text) throws IOException {
        Map<String, Collection<Object>> fields = new HashMap<>();
        if (article.title() != null && !article.title().isBlank()) fields.put(title, List.of(article.title()));
        if (article.text() != null && !article.text().isBlank()) fields.put(text, List.of(article.text()));
        if (fields.isEmpty()) return null;
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(index.analyzer());
        mlt.setFieldNames(new String[] {title, text});
        mlt.setMinTermFreq(1); // a headline names each thing once
        mlt.setMinDocFreq(1); // a word only this article and one other use is the best evidence there is
        mlt.setMaxQueryTerms(QUERY_WORDS);
        return mlt.like(fields);
    }

    private static List<Candidate> candidates(IndexSearcher searcher, ScoreDoc[] hits, String title, int leadChars)
            throws IOException {
        Set<String> wanted = Set.of(SearchFields.ID, SearchFields.SOURCE, SearchFields.PUBLISHED, SearchFields.STORY, title,
                SearchFields.LEAD);
        List<Candidate> found = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            Document doc = searcher.storedFields().document(hit.doc, wanted);
            Long story = SearchFields.story(doc);
            String lead = doc.get(SearchFields.LEAD);
            if (lead != null && lead.length() > leadChars) lead = lead.substring(0, leadChars);
            found.add(new Candidate(doc.get(SearchFields.ID), story == null ? null : story.toString(), doc.get(SearchFields.SOURCE),
                    doc.get(title), lead, SearchFields.published(doc), null));
        }
        return found;
    }
}
