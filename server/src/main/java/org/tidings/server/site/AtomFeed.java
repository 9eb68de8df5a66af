package org.tidings.server.site;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tidings.article.ArticleText;
import org.tidings.server.store.ArticleView;

/** A list of articles as an Atom feed (RFC 4287), so that feed readers show what the page shows. */
public final class AtomFeed {

    /** Entries per feed: what feed readers keep; older articles are on the pages. */
    public static final int ENTRIES = 40;
    /** The excerpt of each entry: a lead, not the article (the publisher's text stays theirs). */
    private static final int EXCERPT_CHARS = 400;
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** One article of a feed; {@code via} is its page at the publisher, or null. */
    public record Entry(long articleId, String title, String via, Instant published, Instant updated, String author,
            String summary) {

        public static Entry of(ArticleView a) {
            return new Entry(a.id(), a.title(), a.url(), a.publishedAt(),
                    a.updatedAt() != null && a.updatedAt().isAfter(a.publishedAt()) ? a.updatedAt() : a.publishedAt(),
                    a.displayByline() != null ? a.displayByline() + " (" + a.sourceName() + ")" : a.sourceName(),
                    ArticleText.cut(a.lead(), EXCERPT_CHARS));
        }
    }

    private AtomFeed() {}

    /** The feed at {@code selfPath} (with its query) of the page at {@code pagePath}; {@code base} has no trailing slash. */
    public static ResponseEntity<String> of(String base, String title, String selfPath, String pagePath, List<Entry> entries,
            Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(x, "id", base + selfPath);
            element(x, "title", title);
            element(x, "updated", Times.iso(entries.isEmpty() ? now : entries.getFirst().published()));
            link(x, "self", base + selfPath, "application/atom+xml");
            link(x, "alternate", base + pagePath, "text/html");
            element(x, "generator", "Tidings");
            for (Entry e : entries) {
                x.writeStartElement("entry");
                element(x, "id", base + "/article/" + e.articleId());
                element(x, "title", e.title());
                link(x, "alternate", base + "/article/" + e.articleId(), "text/html");
                if (e.via() != null) link(x, "via", e.via(), "text/html");
                element(x, "published", Times.iso(e.published()));
                element(x, "updated", Times.iso(e.updated()));
                x.writeStartElement("author");
                element(x, "name", e.author());
                x.writeEndElement();
                if (e.summary() != null && !e.summary().isBlank()) {
                    x.writeStartElement("summary");
                    x.writeAttribute("type", "text");
                    x.writeCharacters(clean(e.summary()));
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a feed", e);
        }
        return ResponseEntity.ok().contentType(ATOM).body(out.toString());
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(clean(text));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }

    /** XML 1.0 cannot carry most control characters; a publisher's title sometimes does. */
    private static String clean(String s) {
        if (s == null) return "";
        return s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
