package org.tidings.server.search;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.tidings.text.LanguageTags;

/**
 * The fields of an article in the index. Words are indexed with their offsets so that passages are
 * highlighted from the postings, without analysing the text again at query time.
 */
public final class SearchFields {

    /** The article id: the key documents are replaced and deleted by. */
    public static final String ID = "id";
    /** The source id (filter by publisher; documents of a removed source are deleted by it). */
    public static final String SOURCE = "source";
    /** The publisher's name: searchable words, and stored for the result list. */
    public static final String PUBLISHER = "publisher";
    public static final String SECTION = "section";
    public static final String LANG = "lang";
    public static final String REGION = "region";
    /** Topic slugs, for filters. */
    public static final String TOPIC = "topic";
    /** Topic labels, searchable words. */
    public static final String TOPICS = "topics";
    /** Publication time in epoch milliseconds: points for ranges, doc values for sorting and recency. */
    public static final String PUBLISHED = "published";
    static final Sort NEWEST_FIRST = new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true));
    public static final String STORY = "story";
    /** The article's lead (stored, not searched): what the related block compares besides the headline. */
    public static final String LEAD = "lead";

    /** Text beyond this many characters is neither indexed nor highlighted: news articles are shorter, and it bounds the index. */
    public static final int MAX_TEXT_CHARS = 20_000;

    private static final FieldType WORDS_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        WORDS_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        WORDS_WITH_OFFSETS.freeze();
    }

    private SearchFields() {}

    public static String title(String languageSuffix) {
        return "title_" + languageSuffix;
    }

    public static String text(String languageSuffix) {
        return "text_" + languageSuffix;
    }

    /** A filter value as it is indexed: trimmed, lower case. */
    public static String keyword(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** The story id stored in a document, or null. */
    static Long story(Document doc) {
        for (IndexableField f : doc.getFields(STORY)) {
            if (f.numericValue() != null) return f.numericValue().longValue();
        }
        return null;
    }

    static Instant published(Document doc) {
        return Instant.ofEpochMilli(doc.getField(PUBLISHED).numericValue().longValue());
    }

    static Query sources(Collection<Long> sourceIds) {
        return new TermInSetQuery(SOURCE, sourceIds.stream().map(id -> new BytesRef(id.toString())).toList());
    }

    static Document document(IndexedArticle a) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        doc.add(new StringField(SOURCE, Long.toString(a.sourceId()), Field.Store.YES));
        doc.add(new TextField(PUBLISHER, a.publisher(), Field.Store.YES));
        String suffix = Languages.suffix(a.lang());
        doc.add(new Field(title(suffix), a.title(), WORDS_WITH_OFFSETS));
        String text = a.text() == null ? "" : a.text();
        if (text.length() > MAX_TEXT_CHARS) text = text.substring(0, MAX_TEXT_CHARS);
        if (!text.isEmpty()) doc.add(new Field(text(suffix), text, WORDS_WITH_OFFSETS));
        if (a.lead() != null && !a.lead().isEmpty()) doc.add(new StoredField(LEAD, a.lead()));
        String lang = LanguageTags.primary(a.lang());
        if (lang != null) doc.add(new StringField(LANG, lang, Field.Store.YES));
        if (a.section() != null && !a.section().isBlank()) doc.add(new StringField(SECTION, keyword(a.section()), Field.Store.YES));
        for (String region : a.regions()) {
            if (region != null && !region.isBlank()) doc.add(new StringField(REGION, keyword(region), Field.Store.NO));
        }
        for (IndexedArticle.Topic topic : a.topics()) {
            doc.add(new StringField(TOPIC, topic.slug(), Field.Store.NO));
            doc.add(new TextField(TOPICS, topic.label(), Field.Store.NO));
        }
        long published = a.publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        if (a.storyId() != null) {
            doc.add(new StringField(STORY, Long.toString(a.storyId()), Field.Store.NO));
            doc.add(new StoredField(STORY, a.storyId()));
        }
        return doc;
    }
}
