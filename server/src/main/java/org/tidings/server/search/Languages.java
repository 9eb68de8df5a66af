package org.tidings.server.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.tidings.text.LanguageTags;

/**
 * An article's title and text go into fields of its language ({@code title_en}, {@code text_ar}),
 * stemmed so "elections" finds "election"; other languages use the {@link #OTHER} fields.
 * No analyzer drops stop words: a query's words are all required, so a word one analyzer dropped
 * would be required in fields that never hold it (and "the who" must stay findable).
 */
public final class Languages {

    /** The fields of languages without an analyzer of their own. */
    public static final String OTHER = "other";

    /** Languages with a stemmer, by ISO 639-1 code: the languages of the default sources and their neighbours. */
    private static final Map<String, Function<CharArraySet, Analyzer>> ANALYZERS = new LinkedHashMap<>();

    static {
        ANALYZERS.put("en", EnglishAnalyzer::new);
        ANALYZERS.put("ar", ArabicAnalyzer::new);
        ANALYZERS.put("fr", FrenchAnalyzer::new);
        ANALYZERS.put("de", GermanAnalyzer::new);
        ANALYZERS.put("es", SpanishAnalyzer::new);
        ANALYZERS.put("pt", PortugueseAnalyzer::new);
        ANALYZERS.put("it", ItalianAnalyzer::new);
        ANALYZERS.put("nl", DutchAnalyzer::new);
        ANALYZERS.put("ru", RussianAnalyzer::new);
        ANALYZERS.put(OTHER, StandardAnalyzer::new);
    }

    /** Every field suffix: the languages with a stemmer, then {@link #OTHER}. */
    public static final List<String> SUFFIXES = List.copyOf(ANALYZERS.keySet());

    private Languages() {}

    /** The field suffix for an article's language tag ({@code en-GB} -> {@code en}; unknown or none -> {@link #OTHER}). */
    public static String suffix(String languageTag) {
        String primary = LanguageTags.primary(languageTag);
        return primary != null && ANALYZERS.containsKey(primary) && !primary.equals(OTHER) ? primary : OTHER;
    }

    /** One analyzer for the whole index: each language field with its own, the rest with {@code fallback}. */
    static Analyzer perField(Analyzer fallback) {
        Map<String, Analyzer> byField = new LinkedHashMap<>();
        for (var language : ANALYZERS.entrySet()) {
            Analyzer analyzer = language.getValue().apply(CharArraySet.EMPTY_SET); // no stop words: see above
            byField.put(SearchFields.title(language.getKey()), analyzer);
            byField.put(SearchFields.text(language.getKey()), analyzer);
        }
        return new PerFieldAnalyzerWrapper(fallback, byField);
    }
}
