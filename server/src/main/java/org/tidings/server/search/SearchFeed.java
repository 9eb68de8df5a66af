package org.tidings.server.search;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Search results as an Atom feed (RFC 4287), newest first, so that a feed reader follows a query.
 * Every entry links to the article's page here; its summary is the highlighted passage as plain
 * text. The XML writer escapes every value.
 */
final class SearchFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** Characters XML 1.0 cannot carry at all (control characters that slipped into a publisher's text). */
    private static final java.util.regex.Pattern NOT_XML = java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private SearchFeed() {}

    static void write(OutputStream out, SearchResults results, String base, String pagePath, String selfPath, String title,
            int limit) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", base + selfPath);
            element(xml, "title", title);
            link(xml, "self", base + selfPath, "application/atom+xml");
            link(xml, "alternate", base + pagePath, "text/html");
            Instant updated = results.hits().isEmpty() ? Instant.EPOCH : results.hits().getFirst().publishedAt();
            element(xml, "updated", updated.toString());
            element(xml, "generator", "Tidings");
            int n = 0;
            for (SearchResults.Hit hit : results.hits()) {
                if (n++ == limit) break;
                String url = base + "/article/" + hit.id();
                xml.writeStartElement("entry");
                element(xml, "id", url);
                element(xml, "title", hit.title().plainText());
                link(xml, "alternate", url, "text/html");
                element(xml, "published", hit.publishedAt().toString());
                element(xml, "updated", hit.publishedAt().toString());
                xml.writeStartElement("author");
                element(xml, "name", hit.publisher());
                xml.writeEndElement();
                if (hit.passage() != null && !hit.passage().plainText().isBlank()) element(xml, "summary", hit.passage().plainText());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the search feed", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(NOT_XML.matcher(text).replaceAll(""));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
