package org.tidings.server.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thumbnails kept on disk ({@code <data-dir>/images}), so that a picture is fetched and resized once, not at every
 * start or for every reader. The cache is bounded: past {@code limit} bytes the least recently used thumbnails are
 * deleted. Use is tracked in memory; after a restart the files count as used in the order they were written. A
 * thumbnail is written to a temporary file and moved into place, so a reader never gets half of one. The thumbnails
 * used last are also held in memory (at most {@link #HOT_BYTES}, or a quarter of the limit): the pictures of the
 * pages being read are answered without opening a file.
 */
final class ThumbnailCache {

    private static final Logger log = LoggerFactory.getLogger(ThumbnailCache.class);
    private static final String TEMPORARY = ".part";
    /** Thumbnails held in memory, at most: about a thousand 640 px WebP pictures, those of the pages read now. */
    static final long HOT_BYTES = 32L << 20;

    private final Path dir;
    private final long limit;
    /** File name to size, least recently used first. */
    private final LinkedHashMap<String, Long> files = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    /** The thumbnails used last, by file name, least recently used first; all of them are on the disk too. */
    private final LinkedHashMap<String, byte[]> hot = new LinkedHashMap<>(256, 0.75f, true);
    private final long hotLimit;
    private long hotBytes;

    ThumbnailCache(Path dir, long limit) {
        this.dir = dir;
        this.limit = limit;
        this.hotLimit = Math.min(HOT_BYTES, limit / 4);
        try {
            Files.createDirectories(dir);
            try (Stream<Path> found = Files.list(dir)) {
                List<Path> kept = found.filter(Files::isRegularFile).toList();
                kept.stream().map(ThumbnailCache::known).filter(java.util.Objects::nonNull)
                        .sorted(Comparator.comparing(Known::written))
                        .forEach(k -> {
                            if (k.path().getFileName().toString().endsWith(TEMPORARY)) delete(k.path().getFileName().toString());
                            else add(k.path().getFileName().toString(), k.size());
                        });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the image cache " + dir + " cannot be opened", e);
        }
        evict();
    }

    private record Known(Path path, long size, FileTime written) {}

    private static Known known(Path path) {
        try {
            return new Known(path, Files.size(path), Files.getLastModifiedTime(path));
        } catch (IOException e) {
            return null;
        }
    }

    /** The thumbnail kept under {@code name}, or null; shared with other readers, so never to be changed. */
    byte[] get(String name) {
        synchronized (this) {
            if (files.get(name) == null) return null;
            byte[] held = hot.get(name);
            if (held != null) return held;
        }
        try {
            byte[] read = Files.readAllBytes(dir.resolve(name));
            synchronized (this) {
                if (files.containsKey(name)) hold(name, read);
            }
            return read;
        } catch (NoSuchFileException e) {
            forget(name);
            return null;
        } catch (IOException e) {
            log.atWarn().addKeyValue("event", "image_cache_unreadable").log("image cache: {} unreadable: {}", name, e.toString());
            return null;
        }
    }

    /** Keeps {@code thumbnail} under {@code name}, making room for it. */
    void put(String name, byte[] thumbnail) {
        if (thumbnail.length > limit) return;
        Path target = dir.resolve(name);
        Path part = dir.resolve(name + "." + Thread.currentThread().threadId() + TEMPORARY);
        try {
            Files.write(part, thumbnail);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.atWarn().addKeyValue("event", "image_cache_unwritable").log("image cache: {} not written: {}", name, e.toString());
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // nothing more to do: the next start deletes it
            }
            return;
        }
        synchronized (this) {
            add(name, thumbnail.length);
            hold(name, thumbnail);
        }
        evict();
    }

    /** Bytes kept. */
    synchronized long bytes() {
        return bytes;
    }

    /** Bytes held in memory. */
    synchronized long heldBytes() {
        return hotBytes;
    }

    private synchronized void add(String name, long size) {
        Long before = files.put(name, size);
        bytes += size - (before == null ? 0 : before);
    }

    private synchronized void forget(String name) {
        Long size = files.remove(name);
        if (size != null) bytes -= size;
        drop(name);
    }

    /** Holds {@code thumbnail} in memory as the one used last, letting go of the least recently used past the limit. */
    private void hold(String name, byte[] thumbnail) {
        if (thumbnail.length > hotLimit) return;
        drop(name);
        hot.put(name, thumbnail);
        hotBytes += thumbnail.length;
        var eldest = hot.entrySet().iterator();
        while (hotBytes > hotLimit && eldest.hasNext()) {
            hotBytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    private void drop(String name) {
        byte[] held = hot.remove(name);
        if (held != null) hotBytes -= held.length;
    }

    private void evict() {
        List<String> doomed = new ArrayList<>();
        synchronized (this) {
            var eldest = files.entrySet().iterator();
            while (bytes > limit && eldest.hasNext()) {
                Map.Entry<String, Long> e = eldest.next();
                bytes -= e.getValue();
                doomed.add(e.getKey());
                eldest.remove();
                drop(e.getKey());
            }
        }
        doomed.forEach(this::delete);
    }

    private void delete(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name));
        } catch (IOException e) {
            log.atWarn().addKeyValue("event", "image_cache_undeletable").log("image cache: {} not deleted: {}", name, e.toString());
        }
    }
}
