package org.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The W3C Feed Validator's test documents (copied under resources/feed/w3c, MIT): no document
 * crashes or hangs the parser, and every RSS/Atom document whose {@code Expect:} line names no
 * error yields all its items, counted independently with a regular expression over the source.
 */
class W3cCorpusTest {

    /** feedparser's format names, or "" for a document that is not a feed. */
    private static final String KNOWN_VERSION = "|rss|rss09[0-4]|rss091[un]|rss10|rss20|rdf|atom|atom0[123]|atom10|json|json1|json1[01]|cdf";
    private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(\\S+)");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern CDATA = Pattern.compile("(?s)<!\\[CDATA\\[.*?]]>");
    private static final Pattern FIRST_ELEMENT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
    private static final Pattern ITEM = Pattern.compile("<(/?)(?:[\\w-]+:)?item(?:[\\s/][^>]*)?>");
    private static final Pattern ENTRY = Pattern.compile("<(/?)(?:[\\w-]+:)?entry(?:[\\s/][^>]*)?>");

    private static List<Path> files;

    /**
     * Documents the JDK's strict parser rejects for their encoding, which the Universal Feed Parser reads
     * without complaint: a codec Python knows (mac-cyrillic), and an ASCII document under a UTF-8 mark
     * declared us-ascii (the mark is dropped and the ASCII bytes decode as declared).
     */
    private static final List<String> READ_AS_FEEDPARSER_READS =
            List.of("xml_obscure_encoding.xml", "xml_utf-8_bom_with_ascii_declaration.xml");

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path root = Path.of(W3cCorpusTest.class.getResource("/feed/w3c/testcases").toURI());
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void corpusIsThere() {
        assertThat(files).hasSizeGreaterThan(2000);
    }

    @Test
    void noDocumentCrashesOrHangsTheParser() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (Path file : files) {
                byte[] body = Files.readAllBytes(file);
                ParsedFeed feed = FeedParser.parse(body, null, "http://example.com/feed/" + file.getFileName());
                assertThat(feed.version()).as(file.toString()).matches(KNOWN_VERSION);
                assertThat(FeedparserJson.toMap(body, "application/xml", null)).containsKey("entries");
            }
        });
    }

    @Test
    void everyFeedWhoseExpectNamesNoErrorYieldsAllItsItems() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = checkItemCounts(true, failures);
        assertThat(checked).isGreaterThan(350);
        assertThat(failures).isEmpty();
    }

    /** Stronger than the issue asks: invalid and not-well-formed feeds too lose no item. */
    @Test
    void everyRssAndAtomDocumentYieldsAllItsItemsWhateverItsErrors() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = checkItemCounts(false, failures);
        assertThat(checked).isGreaterThan(1500);
        assertThat(failures).isEmpty();
    }

    @Test
    void mutatedDocumentsNeverCrashTheParser() {
        Random random = new Random(20261125);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < files.size(); i += 4) {
                byte[] body = Files.readAllBytes(files.get(i));
                if (body.length < 2) continue;
                byte[] truncated = Arrays.copyOf(body, random.nextInt(body.length));
                byte[] flipped = body.clone();
                for (int k = 0; k < 1 + body.length / 200; k++) flipped[random.nextInt(body.length)] = (byte) random.nextInt(256);
                for (byte[] mutated : List.of(truncated, flipped)) {
                    ParsedFeed feed = FeedParser.parse(mutated, null, "http://example.com/");
                    assertThat(feed.version()).matches(KNOWN_VERSION);
                }
            }
        });
    }

    private static int checkItemCounts(boolean onlyNoError, List<String> failures) throws IOException {
        int checked = 0;
        for (Path file : files) {
            String source = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (onlyNoError && !namesNoError(source)) continue;
            String root = rootElement(source);
            Pattern counter = root.matches("(?i)(\\w+:)?(rss|rdf)") ? ITEM : root.matches("(\\w+:)?feed") ? ENTRY : null;
            if (counter == null) continue;
            checked++;
            long expected = countOutermost(counter, strip(source));
            ParsedFeed feed = FeedParser.parse(Files.readAllBytes(file), null, null);
            if (feed.entries().size() != expected || !feed.isFeed()) {
                failures.add(file.getFileName() + ": expected " + expected + " got " + feed.entries().size() + " " + feed.version());
            }
        }
        return checked;
    }

    @Test
    void documentsTheValidatorFindsNotWellFormedAreFlaggedBozo() throws IOException {
        List<String> missed = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            String source = Files.readString(file, StandardCharsets.ISO_8859_1);
            Matcher m = EXPECT.matcher(source);
            if (!m.find() || !m.group(1).matches("(SAXError|UnicodeError|UnknownEncoding).*")) continue;
            checked++;
            ParsedFeed feed = FeedParser.parse(Files.readAllBytes(file), null, null);
            if (!feed.bozo() && !READ_AS_FEEDPARSER_READS.contains(file.getFileName().toString())) {
                missed.add(file.getFileName().toString());
            }
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(missed).isEmpty();
    }

    /**
     * Bozo agrees with a strict XML parser (the JDK's SAX parser, no DTD loading, no external
     * entities): every document it rejects is flagged, and a feed it accepts is flagged only for
     * reasons it does not check (encoding declaration overridden, an external entity we refuse to
     * read, a namespace URI with spaces).
     */
    @Test
    void bozoAgreesWithAStrictXmlParser() throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        List<String> missed = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        for (Path file : files) {
            byte[] body = Files.readAllBytes(file);
            ParsedFeed feed = FeedParser.parse(body, null, null);
            boolean wellFormed = isWellFormed(factory, body);
            if (!wellFormed && !feed.bozo() && !READ_AS_FEEDPARSER_READS.contains(file.getFileName().toString())) {
                missed.add(file.getFileName().toString());
            }
            if (wellFormed && feed.isFeed() && feed.bozo()
                    && !feed.bozoReason().matches("(CharacterEncodingOverride|undefined entity|invalid namespace URI).*")) {
                unexplained.add(file.getFileName() + ": " + feed.bozoReason());
            }
        }
        assertThat(missed).isEmpty();
        assertThat(unexplained).isEmpty();
    }

    private static boolean isWellFormed(SAXParserFactory factory, byte[] body) {
        try {
            factory.newSAXParser().parse(new ByteArrayInputStream(body), new DefaultHandler());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** No error named: the expectation is a "must not occur" (!X) or a positive check (ValidX). */
    static boolean namesNoError(String source) {
        Matcher m = EXPECT.matcher(source);
        if (!m.find()) return false;
        String expect = m.group(1);
        return expect.startsWith("!") || expect.startsWith("Valid");
    }

    /** Items not nested in another item (extensions such as feedsync and content:items nest them). */
    private static long countOutermost(Pattern tag, String source) {
        long count = 0;
        int depth = 0;
        Matcher m = tag.matcher(source);
        while (m.find()) {
            boolean close = !m.group(1).isEmpty();
            boolean selfClosing = m.group().endsWith("/>");
            if (close) depth = Math.max(0, depth - 1);
            else if (depth == 0) count++;
            if (!close && !selfClosing) depth++;
        }
        return count;
    }

    private static String strip(String source) {
        return CDATA.matcher(COMMENT.matcher(source).replaceAll("")).replaceAll("");
    }

    private static String rootElement(String source) {
        Matcher m = FIRST_ELEMENT.matcher(strip(source).replaceAll("(?s)<[?!][^>]*>", ""));
        return m.find() ? m.group(1) : "";
    }
}
