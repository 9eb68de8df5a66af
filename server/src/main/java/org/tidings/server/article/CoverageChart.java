package org.tidings.server.article;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tidings.server.site.PublisherMark;
import org.tidings.server.store.ArticleView;

/**
 * A story's coverage over time, as its page draws it beside the timeline: reports per hour (per few hours for a long
 * story), each bar stacked by publisher in the publisher's colour, and the publishers with their regions. Drawn on the
 * server as inline SVG: no script, no third-party request.
 *
 * @param start      the start of the first bar
 * @param first      the first report's time, which the drawing's start is labelled with
 * @param latest     the latest report's time, which its end is labelled with
 * @param barHours   how many hours one bar counts: one, unless the story is longer than {@value #MAX_BARS} hours
 * @param bars       oldest first, empty hours included
 * @param most       the most reports in one bar: the chart's height
 * @param publishers in order of their first report
 */
public record CoverageChart(Instant start, Instant first, Instant latest, int barHours, List<Bar> bars, int most, List<Publisher> publishers) {

    /** More bars than this and each counts several hours: a bar stays wide enough to see on a phone. */
    static final int MAX_BARS = 48;
    /** The drawing's size in its own units ({@code viewBox}); the page scales it to its column. */
    public static final int WIDTH = 480;
    public static final int HEIGHT = 120;

    /** A publisher of the story: its region is its source's, as the operator set it (null when not set). */
    public record Publisher(long sourceId, String name, String region, int reports, String hue) {}

    /** One publisher's reports in one bar, stacked on {@code below} reports of publishers drawn before it. */
    public record Segment(String publisher, String hue, int below, int count) {}

    public record Bar(Instant at, int reports, List<Segment> segments, List<String> publishers) {}

    /** The chart of a story's timeline (in order of publication); {@code regions} by source id. */
    static CoverageChart of(List<ArticleView> timeline, Map<Long, String> regions) {
        Instant first = timeline.getFirst().publishedAt().truncatedTo(ChronoUnit.HOURS);
        Instant last = timeline.getLast().publishedAt();
        long hours = Duration.between(first, last).toHours() + 1;
        int barHours = (int) Math.max(1, (hours + MAX_BARS - 1) / MAX_BARS);
        int count = (int) ((hours + barHours - 1) / barHours);
        List<Map<Long, Integer>> perBar = new ArrayList<>();
        for (int i = 0; i < count; i++) perBar.add(new LinkedHashMap<>());
        Map<Long, ArticleView> firstReport = new LinkedHashMap<>();
        Map<Long, Integer> reports = new LinkedHashMap<>();
        for (ArticleView a : timeline) {
            int bar = (int) Math.min(count - 1, Duration.between(first, a.publishedAt()).toHours() / barHours);
            perBar.get(bar).merge(a.sourceId(), 1, Integer::sum);
            firstReport.putIfAbsent(a.sourceId(), a);
            reports.merge(a.sourceId(), 1, Integer::sum);
        }
        List<Bar> bars = new ArrayList<>();
        int most = 1;
        for (int i = 0; i < count; i++) {
            List<Segment> segments = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int below = 0;
            for (var publisher : firstReport.entrySet()) { // the same publisher at the same height of each bar
                Integer n = perBar.get(i).get(publisher.getKey());
                if (n == null) continue;
                String name = publisher.getValue().sourceName();
                segments.add(new Segment(name, PublisherMark.hue(name), below, n));
                names.add(name);
                below += n;
            }
            most = Math.max(most, below);
            bars.add(new Bar(first.plus(Duration.ofHours((long) i * barHours)), below, List.copyOf(segments), List.copyOf(names)));
        }
        List<Publisher> publishers = firstReport.entrySet().stream().map(e -> new Publisher(e.getKey(), e.getValue().sourceName(),
                blankToNull(regions.get(e.getKey())), reports.get(e.getKey()), PublisherMark.hue(e.getValue().sourceName()))).toList();
        return new CoverageChart(first, timeline.getFirst().publishedAt(), last, barHours, List.copyOf(bars), most, publishers);
    }

    public int reports() {
        return bars.stream().mapToInt(Bar::reports).sum();
    }

    /** The bar with the most reports (the first of them). */
    public Bar busiest() {
        return bars.stream().filter(b -> b.reports() == most).findFirst().orElse(bars.getFirst());
    }

    /** The bars that have reports, for the table that says in words what the drawing shows. */
    public List<Bar> reported() {
        return bars.stream().filter(b -> b.reports() > 0).toList();
    }

    public int hours() {
        return bars.size() * barHours;
    }

    public String x(Bar bar) {
        return number(bars.indexOf(bar) * slot() + gap());
    }

    public String barWidth() {
        return number(slot() - 2 * gap());
    }

    /** The top of a segment, counted from the top of the drawing. */
    public String y(Segment s) {
        return number(HEIGHT - (double) (s.below() + s.count()) * HEIGHT / most);
    }

    public String height(Segment s) {
        return number((double) s.count() * HEIGHT / most);
    }

    private double slot() {
        return (double) WIDTH / bars.size();
    }

    private double gap() {
        return Math.min(2, slot() / 6);
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
