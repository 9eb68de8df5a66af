package org.tidings.server.greader;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tidings.server.store.SubscriptionStore.Item;

/**
 * A stream as Google Reader's Atom: each entry's id in the long item form, its state as categories in Google's scheme
 * ({@code read}, or {@code fresh} while unread; {@code starred}), its feed as {@code source}. Newsboat's FeedHQ mode
 * reads this, and takes an entry's read state from those categories.
 */
final class AtomStream {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String GR = "http://www.google.com/schemas/reader/atom/";
    private static final String SCHEME = "http://www.google.com/reader/";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private AtomStream() {}

    static String write(long reader, String streamId, String title, List<Item> items, String continuation, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("utf-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            x.writeNamespace("gr", GR);
            text(x, "id", "tag:google.com,2005:reader/" + streamId);
            text(x, "title", title);
            text(x, "updated", now.toString());
            if (continuation != null) {
                x.writeStartElement(GR, "continuation");
                x.writeCharacters(continuation);
                x.writeEndElement();
            }
            for (Item i : items) entry(x, reader, i);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter x, long reader, Item i) throws XMLStreamException {
        x.writeStartElement("entry");
        x.writeAttribute(GR, "crawl-timestamp-msec", String.valueOf(i.firstSeenAt().toEpochMilli()));
        text(x, "id", ItemIds.longForm(i.id()));
        category(x, reader, "reading-list");
        category(x, reader, i.read() ? "read" : "fresh");
        if (i.starred()) category(x, reader, "starred");
        x.writeStartElement("title");
        x.writeAttribute("type", "text");
        x.writeCharacters(i.title());
        x.writeEndElement();
        text(x, "published", i.publishedAt().toString());
        text(x, "updated", (i.updatedAt() == null ? i.publishedAt() : i.updatedAt()).toString());
        x.writeEmptyElement("link");
        x.writeAttribute("rel", "alternate");
        x.writeAttribute("href", i.url());
        x.writeAttribute("type", "text/html");
        x.writeStartElement("content");
        x.writeAttribute("type", "html");
        x.writeCharacters(GoogleReaderApi.content(i));
        x.writeEndElement();
        if (i.author() != null && !i.author().isBlank()) {
            x.writeStartElement("author");
            text(x, "name", i.author());
            x.writeEndElement();
        }
        x.writeStartElement("source");
        x.writeAttribute(GR, "stream-id", StreamIds.FEED + i.feedUrl());
        text(x, "id", "tag:google.com,2005:reader/" + StreamIds.FEED + i.feedUrl());
        text(x, "title", i.sourceTitle());
        x.writeEmptyElement("link");
        x.writeAttribute("rel", "alternate");
        x.writeAttribute("href", i.siteUrl() == null ? i.feedUrl() : i.siteUrl());
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void category(XMLStreamWriter x, long reader, String state) throws XMLStreamException {
        x.writeEmptyElement("category");
        x.writeAttribute("term", "user/" + reader + "/state/com.google/" + state);
        x.writeAttribute("scheme", SCHEME);
        x.writeAttribute("label", state);
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }
}
