package org.tidings.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The search index: one directory, written by the process holding Lucene's write lock; other
 * processes on it only read, and take the writing over when the writer's process ends.
 * Each commit records the watermark and the documents' format; an index of another format is
 * emptied on open and so rebuilt from the database. A writer that Lucene closed after a failure it
 * cannot undo (a full disk) is opened again from the last commit on the next try. A commit can be copied while the
 * writing goes on ({@link #copyCommitted}, for backups).
 */
public final class SearchIndex implements ArticleIndex {

    /** The documents' format: change it whenever fields or analysis change, and every index is rebuilt. */
    static final String FORMAT = "2";
    /** Large batches (a rebuild) flush less often. */
    private static final double RAM_BUFFER_MB = 64;

    private static final String WATERMARK_KEY = "watermark";
    private static final String FORMAT_KEY = "format";

    private final Directory directory;
    private final Analyzer analyzer;
    // read without the lock by searches, so that a commit's fsync never holds up a reader
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile Instant watermark = Instant.EPOCH;

    private SearchIndex(Directory directory) {
        this.directory = directory;
        this.analyzer = Languages.perField(new StandardAnalyzer(CharArraySet.EMPTY_SET));
        tryToWrite();
    }

    /** The index in {@code dir} (created when missing), writable unless another process writes it. */
    public static SearchIndex open(Path dir) {
        try {
            return new SearchIndex(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + dir, e);
        }
    }

    /** An index in memory, gone when closed (for a database that is itself in memory, as in the demo). */
    public static SearchIndex inMemory() {
        return new SearchIndex(new ByteBuffersDirectory());
    }

    /** The index in {@code directory}, as {@link #open} makes it of a path. */
    static SearchIndex on(Directory directory) {
        return new SearchIndex(directory);
    }

    public boolean writable() {
        return writer != null;
    }

    /**
     * Takes the writing over if no other process holds it, or opens it again after Lucene closed it (a write failed
     * in a way it cannot undo, as on a full disk: what was not committed is done again from the watermark); returns
     * whether this process writes now.
     */
    @Override
    public synchronized boolean tryToWrite() {
        if (writer != null && writer.isOpen()) return true;
        writer = null;
        try {
            Map<String, String> committed = lastCommitData();
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    // a commit being copied is kept until the copy is done (copyCommitted)
                    .setIndexDeletionPolicy(new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()))
                    // newest first on disk: the "newest" order stops after the first page instead of sorting every match
                    .setIndexSort(SearchFields.NEWEST_FIRST));
            if (FORMAT.equals(committed.get(FORMAT_KEY)) && committed.containsKey(WATERMARK_KEY)) {
                watermark = Instant.parse(committed.get(WATERMARK_KEY));
            } else {
                clear(); // a new or older index: rebuilt from the database
            }
            if (searchers != null) searchers.close();
            searchers = new SearcherManager(writer, null);
            return true;
        } catch (LockObtainFailedException e) {
            if (searchers == null) searchers = openForReading();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    private Map<String, String> lastCommitData() throws IOException {
        try {
            return SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IndexNotFoundException e) {
            return Map.of();
        }
    }

    private SearcherManager openForReading() {
        try {
            return new SearcherManager(directory, null);
        } catch (IndexNotFoundException e) {
            return null; // the writer has not committed yet; next refresh
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    @Override
    public Instant watermark() {
        return watermark;
    }

    /** Adds the article, or replaces its earlier version (safe from several threads, as IndexWriter is). */
    void put(IndexedArticle article) throws IOException {
        writer().updateDocument(new Term(SearchFields.ID, Long.toString(article.id())), SearchFields.document(article));
    }

    @Override
    public void put(List<IndexedArticle> articles) throws IOException {
        for (IndexedArticle article : articles) put(article);
    }

    @Override
    public void remove(Collection<Long> articleIds) throws IOException {
        delete(SearchFields.ID, articleIds);
    }

    @Override
    public synchronized void removeSources(Collection<Long> sourceIds) throws IOException {
        delete(SearchFields.SOURCE, sourceIds);
    }

    private void delete(String field, Collection<Long> ids) throws IOException {
        if (!ids.isEmpty()) writer().deleteDocuments(ids.stream().map(id -> new Term(field, Long.toString(id))).toArray(Term[]::new));
    }

    /** Emptied, then filled again in place: this process's searches see the index grow as it is filled. */
    @Override
    public synchronized void rebuild(Filling fill) throws IOException {
        clear();
        fill.into(this);
    }

    /** Empties the index, to be rebuilt from the start of the database. */
    synchronized void clear() throws IOException {
        writer().deleteAll();
        watermark = Instant.EPOCH;
        commit(watermark);
    }

    @Override
    public synchronized void commit(Instant followedUpTo) throws IOException {
        writer().setLiveCommitData(Map.of(WATERMARK_KEY, followedUpTo.toString(), FORMAT_KEY, FORMAT).entrySet());
        writer().commit();
        watermark = followedUpTo;
    }

    /**
     * Commits what was written so far (the watermark stays that of the last commit: what was written beyond it is
     * only read again) and copies that commit into {@code target}, a new or empty directory, while this process goes
     * on writing: the commit's files are kept until the copy is done. An index opened on the copy follows the database
     * on from the watermark, as after a restart. Only the writing process can copy.
     */
    public void copyCommitted(Path target) throws IOException {
        IndexWriter current;
        IndexCommit commit;
        synchronized (this) {
            current = writer();
            current.commit();
            commit = ((SnapshotDeletionPolicy) current.getConfig().getIndexDeletionPolicy()).snapshot();
        }
        try (Directory copy = FSDirectory.open(target)) {
            for (String file : commit.getFileNames()) copy.copyFrom(directory, file, file, IOContext.DEFAULT);
            copy.sync(commit.getFileNames());
            copy.syncMetaData();
        } finally {
            synchronized (this) {
                ((SnapshotDeletionPolicy) current.getConfig().getIndexDeletionPolicy()).release(commit);
                if (current.isOpen()) current.deleteUnusedFiles();
            }
        }
    }

    /** Makes what was written (or what the writing process committed) visible to searches. */
    @Override
    public void refresh() {
        try {
            SearcherManager current;
            synchronized (this) {
                if (writer == null && !tryToWrite() && searchers == null) return;
                current = searchers;
            }
            if (current != null) current.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the search index", e);
        }
    }

    @Override
    public Set<Long> indexedSources() throws IOException {
        return values(SearchFields.SOURCE, null).stream().map(Long::parseLong).collect(Collectors.toSet());
    }

    /**
     * The values of {@code field} in the index's live documents that {@code hidden} (null: none) does not match: each
     * value's documents are walked until one counts, so a value costs one document unless all of its are hidden.
     */
    Set<String> values(String field, Query hidden) throws IOException {
        return read(searcher -> {
            Set<String> values = new HashSet<>();
            Weight hiding = hidden == null ? null
                    : searcher.createWeight(searcher.rewrite(hidden), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) continue;
                Bits live = leaf.reader().getLiveDocs();
                FixedBitSet hiddenDocs = docs(hiding, leaf);
                TermsEnum all = terms.iterator();
                PostingsEnum postings = null;
                for (BytesRef value = all.next(); value != null; value = all.next()) {
                    if (values.contains(value.utf8ToString())) continue;
                    postings = all.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if ((live == null || live.get(doc)) && (hiddenDocs == null || !hiddenDocs.get(doc))) {
                            values.add(value.utf8ToString());
                            break;
                        }
                    }
                }
            }
            return values;
        });
    }

    /** The documents of {@code leaf} that {@code weight} matches, or null for no weight. */
    private static FixedBitSet docs(Weight weight, LeafReaderContext leaf) throws IOException {
        if (weight == null) return null;
        FixedBitSet docs = new FixedBitSet(leaf.reader().maxDoc());
        Scorer scorer = weight.scorer(leaf);
        if (scorer != null) docs.or(scorer.iterator());
        return docs;
    }

    interface Reading<T> {
        T from(IndexSearcher searcher) throws IOException;
    }

    <T> T read(Reading<T> reading) throws IOException {
        IndexSearcher searcher = acquire();
        try {
            return reading.from(searcher);
        } finally {
            release(searcher);
        }
    }

    /** A searcher on the latest visible state; hand it back with {@link #release}. */
    IndexSearcher acquire() throws IOException {
        SearcherManager current = searchers;
        return current == null ? new IndexSearcher(new org.apache.lucene.index.MultiReader()) : current.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        // a searcher of a manager replaced meanwhile (this process took the writing over) is released all the same
        if (searcher.getIndexReader() instanceof DirectoryReader) searcher.getIndexReader().decRef();
    }

    Analyzer analyzer() {
        return analyzer;
    }

    @Override
    public int size() throws IOException {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    private IndexWriter writer() {
        if (writer == null) throw new IllegalStateException("another process writes this search index");
        return writer;
    }

    @Override
    public synchronized void close() throws IOException {
        if (searchers != null) searchers.close();
        if (writer != null) writer.close();
        directory.close();
    }
}
