package org.tidings.server.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.tidings.server.i18n.Message;

/**
 * A reader's words as a query over every language's fields, the publisher and the topics: all words
 * required. What cannot be read is a {@link Problem} with a sentence for the reader, never a parser exception.
 */
public record QueryReader(Analyzer analyzer) {

    /** Longer queries are refused: nobody types them, and each word widens the work of a search. */
    static final int MAX_CHARS = 300;
    /** Letters before a {@code *}: shorter prefixes match a large part of the vocabulary and are slow without helping. */
    static final int MIN_PREFIX = 2;
    /**
     * A word with wildcards has an automaton built for every field, whose work grows with each wildcard and
     * each letter (most with letters beyond ASCII): these bound it to about 35 MiB and a tenth of a second;
     * unbounded, one query took a second and 130 MiB.
     */
    static final int MAX_WILDCARDS = 2;
    static final int MAX_WILDCARD_WORD = 24;

    /** Weight of a word in a headline over one in the text: the headline says what the article is about. */
    private static final float TITLE_BOOST = 3f;
    private static final float TEXT_BOOST = 1f;
    /** A topic the article is about weighs more than a passing mention in its text. */
    private static final float TOPICS_BOOST = 1.5f;
    /** The publisher's name matters little: "bbc" finds the BBC's articles, not articles about the BBC first. */
    private static final float PUBLISHER_BOOST = 0.5f;

    static final class Problem extends Exception {
        final transient Message message;

        Problem(Message message) {
            super(message.key(), null, false, false);
            this.message = message;
        }
    }

    /** Every field searched, in the order of its clauses, with its weight. */
    private static final Map<String, Float> BOOSTS = new LinkedHashMap<>();

    static {
        Languages.SUFFIXES.forEach(language -> BOOSTS.put(SearchFields.title(language), TITLE_BOOST));
        Languages.SUFFIXES.forEach(language -> BOOSTS.put(SearchFields.text(language), TEXT_BOOST));
        BOOSTS.put(SearchFields.TOPICS, TOPICS_BOOST);
        BOOSTS.put(SearchFields.PUBLISHER, PUBLISHER_BOOST);
    }

    /** Every field a reader's words are looked for in, with its weight (a cluster is asked the same). */
    public static Map<String, Float> fields() {
        return java.util.Collections.unmodifiableMap(BOOSTS);
    }

    /**
     * Why a reader's words cannot be searched, or null when they can: read with the embedded engine's analysis, so that
     * a cluster, whose query syntax is the same, refuses the same queries with the same sentences.
     */
    public static Message problemWith(String text) {
        try {
            Checking.READER.read(text);
            return null;
        } catch (Problem problem) {
            return problem.message;
        }
    }

    /** The embedded index's analysis, made once when first needed. */
    private static final class Checking {
        static final QueryReader READER = new QueryReader(Languages.perField(
                new org.apache.lucene.analysis.standard.StandardAnalyzer(org.apache.lucene.analysis.CharArraySet.EMPTY_SET)));
    }

    Query read(String text) throws Problem {
        if (text == null || text.isBlank()) throw new Problem(Message.of("search.problem.empty"));
        if (text.length() > MAX_CHARS) throw new Problem(Message.of("search.problem.tooLong", MAX_CHARS));
        Parser parser = new Parser(analyzer);
        try {
            Query query = parser.parse(text);
            if (query == null || isEmpty(query)) throw new Problem(Message.of("search.problem.noWords"));
            return query;
        } catch (ParseException e) {
            if (parser.shortPrefix != null) throw new Problem(Message.of("search.problem.shortPrefix", parser.shortPrefix, MIN_PREFIX));
            if (parser.tooComplex) throw new Problem(Message.of("search.problem.tooBroad"));
            throw new Problem(Message.of("search.problem.malformed"));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new Problem(Message.of("search.problem.tooBroad"));
        }
    }

    private static boolean isEmpty(Query query) {
        return query instanceof org.apache.lucene.search.BooleanQuery b && b.clauses().isEmpty()
                || query instanceof org.apache.lucene.search.MatchNoDocsQuery;
    }

    /**
     * The classic syntax with every word required, a floor under prefixes, bounded wildcards and no regular
     * expressions ({@code /.../}): one builds an automaton for every field, as costly as a reader cares to make it.
     */
    private static final class Parser extends MultiFieldQueryParser {
        String shortPrefix;
        boolean tooComplex;

        Parser(Analyzer analyzer) {
            super(BOOSTS.keySet().toArray(String[]::new), analyzer, BOOSTS);
            setDefaultOperator(QueryParser.AND_OPERATOR);
            setAllowLeadingWildcard(false);
            setSplitOnWhitespace(true); // each word is required in some field, not in every field
            setAutoGeneratePhraseQueries(true); // "e-mail" and "U.S." stay together
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            if (termStr.codePointCount(0, termStr.length()) < MIN_PREFIX) {
                shortPrefix = termStr + "*";
                throw new ParseException("prefix too short");
            }
            return super.getPrefixQuery(field, termStr);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            int firstWildcard = IntStream.of(termStr.indexOf('*'), termStr.indexOf('?')).filter(i -> i >= 0).min()
                    .orElse(termStr.length());
            if (firstWildcard < MIN_PREFIX) {
                shortPrefix = termStr;
                throw new ParseException("wildcard too early");
            }
            if (termStr.length() > MAX_WILDCARD_WORD || termStr.chars().filter(c -> c == '*' || c == '?').count() > MAX_WILDCARDS) {
                tooComplex = true;
                throw new ParseException("wildcard word too complex");
            }
            return super.getWildcardQuery(field, termStr);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("regular expressions are not read");
        }
    }
}
