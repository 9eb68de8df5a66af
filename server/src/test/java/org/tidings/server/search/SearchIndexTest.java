package org.tidings.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;

/** One index directory shared by two processes: one writes, the other reads, and takes over when the writer ends. */
class SearchIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSecondProcessOnTheSameDirectoryReadsAndTakesOverWhenTheWriterEnds() throws IOException {
        Path path = dir.resolve("shared");
        SearchIndex writer = SearchIndex.open(path);
        try (SearchIndex reader = SearchIndex.open(path)) {
            assertThat(writer.writable()).isTrue();
            assertThat(reader.writable()).isFalse();
            writer.put(new IndexedArticle(1, 1, "A", "Floods close the coast road", "", "", "en", null, Set.of(), List.of(), T0, null));
            writer.commit(T0);
            reader.refresh();
            assertThat(found(reader, "floods")).containsExactly(1L);
            writer.close();
            reader.refresh();
            assertThat(reader.writable()).isTrue();
            assertThat(reader.watermark()).isEqualTo(T0);
            assertThat(found(reader, "floods")).containsExactly(1L);
        }
    }

    private static List<Long> found(SearchIndex index, String query) {
        return new ArticleSearch(index, new MutableClock(T0)).search(Fixtures.search(query), List.of())
                .hits().stream().map(SearchResults.Hit::id).toList();
    }
}
