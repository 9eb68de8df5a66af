package org.tidings.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Parse throughput of {@link FeedParser} and of ROME 2.1 on the same corpus, in one run:
 * entries per second over the whole corpus and over the feeds both accept, and the count of
 * malformed feeds ROME rejects that we read.
 *
 * <pre>bench/run core org.tidings.feed.FeedParseBenchmark ../shared/data/feeds-w3c/testcases 15</pre>
 */
public final class FeedParseBenchmark {

    private static final Pattern FEED_ROOT = Pattern.compile("<(?:\\w+:)?(rss|RDF|feed)[\\s>]");

    private record Doc(Path path, byte[] body) {}

    private interface Parser {
        /** Entries read, or -1 when the parser rejects the document. */
        int parse(byte[] body);
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "core/src/test/resources/feed/w3c/testcases");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<Doc> docs = load(corpus);
        Parser ours = body -> FeedParser.parse(body, null, "http://example.com/feed").entries().size();
        Parser rome = FeedParseBenchmark::rome;

        int[] ourCounts = counts(ours, docs);
        int[] romeCounts = counts(rome, docs);
        List<Doc> common = new ArrayList<>();
        long commonEntries = 0;
        for (int i = 0; i < docs.size(); i++) {
            if (romeCounts[i] >= 0) {
                common.add(docs.get(i));
                commonEntries += Math.max(ourCounts[i], 0);
            }
        }
        report(docs, ourCounts, romeCounts);

        for (int i = 0; i < Math.max(3, rounds / 3); i++) {
            time(ours, docs);
            time(rome, docs);
        }
        long[] ourAll = new long[rounds];
        long[] romeAll = new long[rounds];
        long[] ourCommon = new long[rounds];
        long[] romeCommon = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            ourAll[r] = time(ours, docs);
            romeAll[r] = time(rome, docs);
            ourCommon[r] = time(ours, common);
            romeCommon[r] = time(rome, common);
        }
        long ourEntries = sumPositive(ourCounts);
        long romeEntries = sumPositive(romeCounts);
        long romeCommonEntries = romeEntries;
        System.out.printf(Locale.ROOT, "%nwhole corpus (%d feed documents), median of %d rounds:%n", docs.size(), rounds);
        line("tidings FeedParser", ourEntries, docs.size(), median(ourAll));
        line("ROME 2.1 SyndFeedInput", romeEntries, docs.size(), median(romeAll));
        System.out.printf(Locale.ROOT, "%nfeeds ROME accepts (%d documents):%n", common.size());
        line("tidings FeedParser", commonEntries, common.size(), median(ourCommon));
        line("ROME 2.1 SyndFeedInput", romeCommonEntries, common.size(), median(romeCommon));
        double ratio = (commonEntries / (median(ourCommon) / 1e9)) / (romeCommonEntries / (median(romeCommon) / 1e9));
        System.out.printf(Locale.ROOT, "%nspeed-up on the common set (entries/s): %.2fx%n", ratio);
    }

    private static void report(List<Doc> docs, int[] ours, int[] rome) {
        int romeRejects = 0;
        int romeRejectsWeRead = 0;
        int romeRejectsMalformedWeRead = 0;
        int weReject = 0;
        int withDoctype = 0;
        for (int i = 0; i < docs.size(); i++) {
            if (ours[i] < 0) weReject++;
            if (rome[i] >= 0) continue;
            romeRejects++;
            if (new String(docs.get(i).body(), StandardCharsets.ISO_8859_1).contains("<!DOCTYPE")) withDoctype++;
            ParsedFeed feed = FeedParser.parse(docs.get(i).body(), null, "http://example.com/feed");
            if (feed.isFeed()) romeRejectsWeRead++;
            if (feed.isFeed() && feed.bozo()) romeRejectsMalformedWeRead++;
        }
        System.out.printf(Locale.ROOT, "documents: %d; ROME rejects %d (%d of them carry a DOCTYPE); of those we read %d as feeds, "
                + "%d of them not well-formed (bozo); we fail to recognize %d as feeds%n",
                docs.size(), romeRejects, withDoctype, romeRejectsWeRead, romeRejectsMalformedWeRead, weReject);
    }

    private static int rome(byte[] body) {
        try {
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
            return feed.getEntries().size();
        } catch (Exception | StackOverflowError e) {
            return -1;
        }
    }

    private static int[] counts(Parser parser, List<Doc> docs) {
        int[] out = new int[docs.size()];
        for (int i = 0; i < docs.size(); i++) out[i] = parser.parse(docs.get(i).body());
        if (parser != (Parser) FeedParseBenchmark::rome) {
            for (int i = 0; i < docs.size(); i++) {
                if (!FeedParser.parse(docs.get(i).body(), null, null).isFeed()) out[i] = -1;
            }
        }
        return out;
    }

    private static long time(Parser parser, List<Doc> docs) {
        long start = System.nanoTime();
        long sink = 0;
        for (Doc doc : docs) sink += parser.parse(doc.body());
        long elapsed = System.nanoTime() - start;
        if (sink == Long.MIN_VALUE) System.out.println(sink);
        return elapsed;
    }

    private static void line(String name, long entries, int documents, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "  %-24s %6d entries in %7.1f ms: %,10.0f entries/s, %,8.0f documents/s%n",
                name, entries, seconds * 1000, entries / seconds, documents / seconds);
    }

    private static long sumPositive(int[] counts) {
        long sum = 0;
        for (int c : counts) if (c > 0) sum += c;
        return sum;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<Doc> load(Path corpus) throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] body = Files.readAllBytes(path);
                String head = new String(body, StandardCharsets.ISO_8859_1);
                if (FEED_ROOT.matcher(head).find()) docs.add(new Doc(path, body));
            }
        }
        return docs;
    }
}
