package org.tidings.server.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.testing.Fixtures;
import org.tidings.server.testing.MutableClock;

/**
 * One index directory shared by two processes: one writes, the other reads, and takes over when the writer ends; a
 * writer closed by a full disk is opened again once there is room.
 */
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

    @Test
    void aWriterClosedByAFullDiskIsOpenedAgainFromItsLastCommitOnceThereIsRoom() throws IOException {
        FillingDisk disk = new FillingDisk();
        Instant later = T0.plusSeconds(60);
        try (SearchIndex index = SearchIndex.on(disk)) {
            index.put(article(1, "Floods close the coast road"));
            index.commit(T0);
            disk.full = true;
            assertThatThrownBy(() -> {
                index.put(article(2, "Ferry sails again after the storm"));
                index.commit(later);
            }).hasStackTraceContaining("No space left on device");
            disk.full = false;
            assertThat(index.tryToWrite()).isTrue();
            assertThat(index.watermark()).as("the last commit's: what followed it is taken in again").isEqualTo(T0);
            index.put(article(2, "Ferry sails again after the storm"));
            index.commit(later);
            index.refresh();
            assertThat(found(index, "ferry")).containsExactly(2L);
            assertThat(found(index, "floods")).containsExactly(1L);
        }
    }

    private static IndexedArticle article(long id, String title) {
        return new IndexedArticle(id, 1, "A", title, "", "", "en", null, Set.of(), List.of(), T0, null);
    }

    /** A disk in memory that can fill up: while full, every file written fails as the operating system says it. */
    private static final class FillingDisk extends FilterDirectory {
        volatile boolean full;

        FillingDisk() {
            super(new ByteBuffersDirectory());
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            room();
            return new FilterIndexOutput("filling " + name, name, super.createOutput(name, context)) {
                @Override
                public void writeByte(byte b) throws IOException {
                    room();
                    super.writeByte(b);
                }

                @Override
                public void writeBytes(byte[] b, int offset, int length) throws IOException {
                    room();
                    super.writeBytes(b, offset, length);
                }
            };
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            room();
            return super.createTempOutput(prefix, suffix, context);
        }

        private void room() throws IOException {
            if (full) throw new IOException("No space left on device");
        }
    }

    private static List<Long> found(SearchIndex index, String query) {
        return new ArticleSearch(index, new MutableClock(T0)).search(Fixtures.search(query), List.of())
                .hits().stream().map(SearchResults.Hit::id).toList();
    }
}
