package org.tidings.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * This process's name in claims and leases: {@code <slot>#<instance>}. The instance is new at every start; the slot is
 * what a process started again keeps, so that it can tell the claims its crashed predecessor left (its slot, another
 * instance) and take them back at once, rather than wait minutes for them to lapse (the pipeline does, as it starts).
 *
 * <p>The slot is {@code tidings.scheduler.worker-id} when that is set. Otherwise it is the name written in a slot file
 * of the data directory ({@code <data-dir>/workers/1}, {@code 2}, ...: the host's name and a random part, written
 * when the file is made), and the process holds the operating system's lock on that file as long as it runs: the
 * first file nobody holds is its slot. The lock is what makes taking back safe. Two processes running at once never
 * have one slot, even on one data directory (they may share one, as a writer and a reader of one search index): the
 * second takes the next file. And the lock ends with its process however that ends, {@code kill -9} included, so a
 * process that finds a slot free knows that every earlier holder of it is gone. A configured worker id carries no
 * such lock: it must name one process among those running against the database at once.
 *
 * <p>The demo's database lives in memory and dies with its process: nothing to take back, and nothing is written.
 */
@Component
public class WorkerIdentity implements AutoCloseable {

    /** Between the slot and the instance; never in a slot's name. */
    static final String SEPARATOR = "#";
    /** A configured worker id, with the instance, fits the owner columns (100 characters). */
    static final int MAX_SLOT_LENGTH = 80;
    /** Slot files tried on one data directory: as many processes as could share one. */
    static final int MAX_SLOTS = 64;

    /** Slot files held in this JVM (two servers of one test): the operating system's lock is the whole process's. */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final String slot;
    private final String id;
    private final Path slotFile;
    private final FileChannel lockedFile;

    public WorkerIdentity(TidingsProperties properties) {
        String configured = properties.scheduler().workerId().strip();
        if (!configured.isEmpty()) {
            if (configured.contains(SEPARATOR) || configured.length() > MAX_SLOT_LENGTH) {
                throw new IllegalArgumentException("tidings.scheduler.worker-id must be at most " + MAX_SLOT_LENGTH
                        + " characters without '" + SEPARATOR + "': " + configured);
            }
            this.slot = configured;
            this.slotFile = null;
            this.lockedFile = null;
        } else if (properties.databaseInMemory()) {
            this.slot = newSlotName();
            this.slotFile = null;
            this.lockedFile = null;
        } else {
            Path workers = properties.dataDir().toAbsolutePath().normalize().resolve("workers");
            Path taken = null;
            FileChannel locked = null;
            for (int n = 1; n <= MAX_SLOTS && locked == null; n++) {
                taken = workers.resolve(Integer.toString(n));
                locked = lock(taken);
            }
            if (locked == null) {
                throw new IllegalStateException(MAX_SLOTS + " processes already run on the data directory " + properties.dataDir());
            }
            this.slotFile = taken;
            this.lockedFile = locked;
            this.slot = nameOf(locked);
        }
        this.id = slot + SEPARATOR + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The owner of this process's claims and leases: {@code <slot>#<instance>}. */
    public String id() {
        return id;
    }

    /**
     * What the ids of every instance of this slot begin with: a claim whose owner begins so and is not {@link #id()}
     * was left by an earlier instance, which has ended.
     */
    public String slotPrefix() {
        return slot + SEPARATOR;
    }

    /** Lets another process take the slot (the lock would end with the process anyway). */
    @Override
    public void close() throws IOException {
        if (lockedFile == null) return;
        lockedFile.close();
        HELD_HERE.remove(slotFile);
    }

    /** The slot file locked for this process, or null when another process (or another server in this one) holds it. */
    private static FileChannel lock(Path file) {
        if (!HELD_HERE.add(file)) return null;
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) return channel;
        } catch (OverlappingFileLockException e) {
            // held in this JVM by a channel not in HELD_HERE: not ours either
        } catch (IOException e) {
            HELD_HERE.remove(file);
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open the worker slot file " + file, e);
        }
        HELD_HERE.remove(file);
        closeQuietly(channel);
        return null;
    }

    /** The slot's name in its file, written now if the file is new (or was cut short by a crash while written). */
    private static String nameOf(FileChannel file) {
        try {
            ByteBuffer content = ByteBuffer.allocate((int) Math.min(file.size(), 4 * MAX_SLOT_LENGTH));
            file.read(content, 0);
            String name = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).strip();
            if (name.isEmpty() || name.contains(SEPARATOR) || name.length() > MAX_SLOT_LENGTH) {
                name = newSlotName();
                file.truncate(0);
                file.write(ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                file.force(true);
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the worker slot file", e);
        }
    }

    /** This host's name (as far as it fits, in letters, digits, dots and dashes) and a random part. */
    private static String newSlotName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        host = host.replaceAll("[^A-Za-z0-9.-]", "-");
        if (host.length() > 40) host = host.substring(0, 40);
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing held
        }
    }
}
