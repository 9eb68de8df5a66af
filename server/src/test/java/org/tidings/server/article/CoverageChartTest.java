package org.tidings.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.tidings.server.site.PublisherMark;
import org.tidings.server.store.ArticleView;

/** A story's coverage over time: reports per hour stacked by publisher, every report counted once, regions as set. */
class CoverageChartTest {

    private static final Instant NINE = Instant.parse("2026-03-01T09:00:00Z");

    private static ArticleView report(long id, long sourceId, String publisher, Instant at) {
        return new ArticleView(id, sourceId, publisher, null, "http://127.0.0.1/" + id, "Report " + id, "", null, null, at, at,
                null, false, null, "en", 1L, null);
    }

    @Test
    void reportsAreCountedPerHourAndStackedByPublisherInTheOrderTheyFirstReported() {
        List<ArticleView> timeline = List.of(
                report(1, 10, "Harbour Times", NINE.plus(Duration.ofMinutes(5))),
                report(2, 20, "Coastal Wire", NINE.plus(Duration.ofMinutes(50))),
                report(3, 10, "Harbour Times", NINE.plus(Duration.ofMinutes(55))),
                report(4, 30, "Bay Herald", NINE.plus(Duration.ofMinutes(190))),
                report(5, 20, "Coastal Wire", NINE.plus(Duration.ofMinutes(200))));
        CoverageChart chart = CoverageChart.of(timeline, Map.of(10L, "uk", 30L, " "));

        assertThat(chart.start()).isEqualTo(NINE);
        assertThat(chart.first()).isEqualTo(NINE.plus(Duration.ofMinutes(5)));
        assertThat(chart.latest()).isEqualTo(NINE.plus(Duration.ofMinutes(200)));
        assertThat(chart.barHours()).isEqualTo(1);
        assertThat(chart.bars()).extracting(CoverageChart.Bar::reports).containsExactly(3, 0, 0, 2);
        assertThat(chart.most()).isEqualTo(3);
        assertThat(chart.reports()).isEqualTo(5);
        assertThat(chart.busiest().at()).isEqualTo(NINE);
        assertThat(chart.bars().getFirst().segments()).containsExactly(
                new CoverageChart.Segment("Harbour Times", PublisherMark.hue("Harbour Times"), 0, 2),
                new CoverageChart.Segment("Coastal Wire", PublisherMark.hue("Coastal Wire"), 2, 1));
        assertThat(chart.bars().getLast().segments()).extracting(CoverageChart.Segment::publisher, CoverageChart.Segment::below)
                .as("the same publisher lower in the bar than those who reported after it").containsExactly(
                        Tuple.tuple("Coastal Wire", 0), Tuple.tuple("Bay Herald", 1));
        assertThat(chart.reported()).hasSize(2);
        assertThat(chart.publishers()).extracting(CoverageChart.Publisher::name, CoverageChart.Publisher::region, CoverageChart.Publisher::reports)
                .containsExactly(Tuple.tuple("Harbour Times", "uk", 2),
                        Tuple.tuple("Coastal Wire", null, 2), Tuple.tuple("Bay Herald", null, 1));
        // the full bar reaches the top of the drawing; heights are plain numbers whatever the reader's locale
        assertThat(chart.y(chart.bars().getFirst().segments().getLast())).isEqualTo("0.0");
        assertThat(chart.height(chart.bars().getFirst().segments().getFirst())).isEqualTo("80.0");
    }

    @Test
    void aLongStoryCountsSeveralHoursPerBarSoThatBarsStayVisible() {
        List<ArticleView> timeline = new ArrayList<>();
        for (int h = 0; h < 100; h += 5) timeline.add(report(h + 1, h % 3, "Publisher " + h % 3, NINE.plus(Duration.ofHours(h))));
        CoverageChart chart = CoverageChart.of(timeline, Map.of());
        assertThat(chart.barHours()).as("96 hours in 48 bars").isEqualTo(2);
        assertThat(chart.bars()).hasSize(48);
        assertThat(chart.reports()).isEqualTo(timeline.size());
        assertThat(chart.hours()).isGreaterThanOrEqualTo(96);
    }
}
