package org.cdrgen.drop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The output directory of one run, held for the whole run. It takes an exclusive OS lock on
 * {@code DIR/.cdrgen.lock} (released by the OS however the process ends, kill -9 included), so two runs can
 * never write one directory. The lock file is also the run's journal: every file is listed there before it
 * is created, so after a killed run the next {@code --force} knows exactly what that run left. A finished
 * run removes the lock file; a failed one removes every file it wrote, then the lock file.
 *
 * <p>What {@code --force} may delete is what cdrgen provably wrote ({@link PreviousDrop}); a directory that
 * holds files but neither a manifest nor a journal is not a cdrgen drop, and is refused.
 */
public final class DropDirectory implements FileJournal {

    private final Path root;
    private final Path createdTop;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Set<String> previous;
    private final Set<String> written = new LinkedHashSet<>();

    private DropDirectory(Path root, Path createdTop, FileChannel lockChannel, FileLock lock, Set<String> previous) {
        this.root = root;
        this.createdTop = createdTop;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Checks, without writing anything, that a run could write into {@code dir} (for --dry-run, and as the
     * first step of {@link #claim}).
     *
     * @param runWrites whether the run would write a path (relative, with '/'), to find a user's file in the way
     */
    public static void check(Path dir, boolean force, Predicate<String> runWrites) {
        checkPath(dir);
        if (!Files.isDirectory(dir)) {
            return;
        }
        if (isLocked(dir)) {
            throw inUse(dir);
        }
        PreviousDrop.inventory(dir, force, runWrites, PreviousDrop.readJournal(dir));
    }

    /** Locks {@code dir} (creating it if needed) and checks it as {@link #check} does; throws if refused. */
    public static DropDirectory claim(Path dir, boolean force, Predicate<String> runWrites) throws IOException {
        checkPath(dir);
        Path createdTop = firstMissing(dir);
        Files.createDirectories(dir);
        Path lockPath = dir.resolve(DropLayout.LOCK);
        boolean lockExisted = Files.exists(lockPath, LinkOption.NOFOLLOW_LINKS);
        FileChannel channel = null;
        FileLock lock = null;
        // A run that just finished unlinks its lock file after we opened it: then we hold a lock on a file
        // nobody else will see, and must open the path again.
        for (int attempt = 0; attempt < 3 && lock == null; attempt++) {
            Object before = fileKey(lockPath);
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw inUse(dir);
            }
            if (before != null && !before.equals(fileKey(lockPath))) {
                lock.release();
                channel.close();
                lock = null;
            }
        }
        if (lock == null) {
            throw inUse(dir);
        }
        DropDirectory claimed = null;
        try {
            Set<String> previous = PreviousDrop.inventory(dir, force, runWrites, PreviousDrop.readJournal(channel));
            claimed = new DropDirectory(dir, createdTop, channel, lock, previous);
            return claimed;
        } finally {
            if (claimed == null) {
                // Refused: leave the directory as it was found.
                if (!lockExisted) {
                    Files.deleteIfExists(lockPath);
                }
                lock.release();
                channel.close();
                removeCreated(dir, createdTop);
            }
        }
    }

    /** Deletes what the earlier run wrote (the success marker first) and starts this run's journal. */
    public int removePrevious() throws IOException {
        int removed = 0;
        for (String path : previous) {
            Path file = root.resolve(path);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
                Files.delete(file);
                removed++;
            }
        }
        removeEmptyDayDirectories(root);
        lockChannel.truncate(0);
        lockChannel.write(ByteBuffer.wrap(PreviousDrop.JOURNAL_HEADER.getBytes(StandardCharsets.UTF_8)), 0);
        return removed;
    }

    /** Records a file this run is about to create (before it exists, so a kill can never hide it). */
    @Override
    public void willWrite(Path file) throws IOException {
        String path = relative(root, file);
        if (written.add(path)) {
            lockChannel.write(ByteBuffer.wrap((path + "\n").getBytes(StandardCharsets.UTF_8)), lockChannel.size());
        }
    }

    /** The run is published: the journal has done its work and the lock goes. */
    public void release() throws IOException {
        Files.deleteIfExists(root.resolve(DropLayout.LOCK));
        // An interrupt during a journal write closes the channel, and the lock with it.
        if (lockChannel.isOpen()) {
            lock.release();
        }
        lockChannel.close();
    }

    /**
     * The run failed or was stopped: every file it wrote goes (its temporary names too), then the directories
     * it created, so the directory is left as a new run would want to find it.
     */
    public void abandon() {
        // A signal's interrupt would close the lock's channel half-way through; it is handled by now.
        boolean interrupted = Thread.interrupted();
        for (String path : written) {
            deleteQuietly(root.resolve(path));
            deleteQuietly(root.resolve(DropLayout.temporaryName(path)));
        }
        try {
            removeEmptyDayDirectories(root);
        } catch (IOException e) {
            // best effort: the run is failing already, and its own error is the one to report
        }
        try {
            release();
        } catch (IOException e) {
            // as above
        } finally {
            removeCreated(root, createdTop);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void checkPath(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new DropRefusedException("output dir " + dir + " is the root of a file system: give a directory"
                    + " of its own for the drop");
        }
        if (Files.isSymbolicLink(dir) && !Files.exists(dir)) {
            throw new DropRefusedException("output dir " + dir + " is a symbolic link to " + linkTarget(dir)
                    + ", which does not exist");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DropRefusedException("output dir " + dir + " exists and is not a directory");
        }
        Path ancestor = absolute;
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor != null && !Files.isDirectory(ancestor)) {
            throw new DropRefusedException("output dir " + dir + " cannot be created: " + ancestor + " is not a directory");
        }
    }

    private static boolean isLocked(Path dir) {
        Path lockPath = dir.resolve(DropLayout.LOCK);
        if (!Files.isRegularFile(lockPath, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException sameJvm) {
            return true;
        } catch (IOException e) {
            return false; // cannot be opened for writing: the run's own claim will say why
        }
    }

    /** The lock file's identity (inode), or null when it does not exist. */
    private static Object fileKey(Path lockPath) {
        try {
            return Files.readAttributes(lockPath, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static Path firstMissing(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path missing = null;
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    private static void removeCreated(Path dir, Path createdTop) {
        if (createdTop == null) {
            return;
        }
        for (Path p = dir.toAbsolutePath().normalize(); p != null && p.startsWith(createdTop); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmpty) {
                return;
            }
        }
    }

    private static void removeEmptyDayDirectories(Path root) throws IOException {
        Path events = root.resolve(DropLayout.EVENTS);
        if (!Files.isDirectory(events, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> days = Files.list(events)) {
            for (Path day : (Iterable<Path>) days::iterator) {
                deleteIfEmptyDirectory(day);
            }
        }
        deleteIfEmptyDirectory(events);
    }

    private static void deleteIfEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> rest = Files.list(dir)) {
            if (rest.findAny().isPresent()) {
                return;
            }
        }
        Files.delete(dir);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort, see abandon()
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static DropRefusedException inUse(Path dir) {
        return new DropRefusedException("output dir " + dir + " is in use by another cdrgen run (it holds the"
                + " lock on " + dir.resolve(DropLayout.LOCK) + "); try again when that run has ended");
    }
}
