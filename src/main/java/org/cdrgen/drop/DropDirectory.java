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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cdrgen.IoReasons;

/**
 * The output directory of one run, held for the whole run. It takes an exclusive OS lock on
 * {@code DIR/.cdrgen.lock} (released by the OS however the process ends, kill -9 included), so two runs can
 * never write one directory. The lock file is also the run's journal: every file is listed there before it
 * is created, so after a killed run the next {@code --force} knows exactly what that run left. A finished
 * run removes the lock file; a failed one removes every file it wrote, then the lock file.
 *
 * <p>What {@code --force} may delete is what cdrgen provably wrote: the files listed in the earlier drop's
 * manifest.json or in a killed run's journal, their temporary names, the manifest and {@code _SUCCESS}.
 * A directory that holds files but neither is not a cdrgen drop, and is refused.
 */
public final class DropDirectory implements FileJournal {
    private static final String JOURNAL_HEADER = "cdrgen run in progress; the files it writes:\n";

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
        inventory(dir, force, runWrites, readJournal(dir));
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
            Set<String> previous = inventory(dir, force, runWrites, readJournal(channel));
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
        lockChannel.write(ByteBuffer.wrap(JOURNAL_HEADER.getBytes(StandardCharsets.UTF_8)), 0);
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

    /**
     * What the earlier run wrote here, to delete with --force; refuses a directory that is not empty without
     * --force, that holds files but no cdrgen manifest or journal, or that has a user's file where the run writes.
     */
    private static Set<String> inventory(Path dir, boolean force, Predicate<String> runWrites, List<String> journal) {
        List<String> present = presentFiles(dir);
        if (present.isEmpty()) {
            return Set.of();
        }
        if (!force) {
            throw new DropRefusedException("output dir " + dir + " is not empty (it holds " + present.get(0)
                    + "): choose a new directory, or --force to replace an earlier cdrgen run there");
        }
        Path manifestPath = dir.resolve(DropLayout.MANIFEST);
        if (Files.exists(manifestPath, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(manifestPath, LinkOption.NOFOLLOW_LINKS)) {
            throw new DropRefusedException("output dir " + dir + " holds " + DropLayout.MANIFEST
                    + ", which is not a regular file: move it away");
        }
        boolean hasManifest = Files.isRegularFile(manifestPath, LinkOption.NOFOLLOW_LINKS);
        if (!hasManifest && journal.isEmpty()) {
            throw new DropRefusedException("output dir " + dir + " holds " + present.get(0)
                    + " but no cdrgen manifest.json: --force replaces only what an earlier cdrgen run wrote;"
                    + " choose a new directory");
        }
        Set<String> previous = new LinkedHashSet<>();
        previous.add(DropLayout.SUCCESS);
        previous.add(DropLayout.MANIFEST);
        if (hasManifest) {
            try {
                for (OutputFile file : Manifest.read(dir).files()) {
                    Manifest.resolveInside(dir, file.path());
                    previous.add(file.path());
                }
            } catch (IOException e) {
                throw new DropRefusedException("--force: " + oneLine(e));
            }
        }
        for (String path : journal) {
            if (previous.contains(path)) {
                continue; // the manifest and the marker
            }
            try {
                Manifest.resolveInside(dir, path);
            } catch (IOException e) {
                throw new DropRefusedException("--force: " + dir.resolve(DropLayout.LOCK) + " lists " + path
                        + ", which is not a file of a drop");
            }
            previous.add(path);
        }
        for (String path : List.copyOf(previous)) {
            previous.add(DropLayout.temporaryName(path));
        }
        for (String path : present) {
            if (!previous.contains(path) && runWrites.test(path)) {
                throw new DropRefusedException("output dir " + dir + " holds " + path + ", which this run would"
                        + " overwrite but no earlier cdrgen run wrote: move it away");
            }
        }
        return previous;
    }

    private static String oneLine(IOException e) {
        String message = e instanceof Manifest.InvalidManifestException ? e.getMessage() : IoReasons.of(e);
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Every entry below {@code dir} but the lock and empty directories, as relative paths, sorted. */
    private static List<String> presentFiles(Path dir) {
        List<String> present = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !p.equals(dir) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> relative(dir, p))
                    .filter(p -> !p.equals(DropLayout.LOCK))
                    .sorted()
                    .forEach(present::add);
        } catch (IOException | RuntimeException e) {
            throw new DropRefusedException("output dir " + dir + " cannot be read: " + reason(e));
        }
        return present;
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() instanceof IOException io ? io : e;
        return cause instanceof IOException io ? IoReasons.of(io) : String.valueOf(e.getMessage());
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

    private static List<String> readJournal(Path dir) {
        Path lockPath = dir.resolve(DropLayout.LOCK);
        if (!Files.isRegularFile(lockPath, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try {
            return journalLines(Files.readString(lockPath, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> readJournal(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > (64L << 20)) {
            throw new DropRefusedException("the journal " + DropLayout.LOCK + " is " + size + " bytes: not cdrgen's");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) size);
        while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
            // read it whole
        }
        return journalLines(new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8));
    }

    private static List<String> journalLines(String text) {
        if (!text.startsWith(JOURNAL_HEADER)) {
            return List.of();
        }
        return text.substring(JOURNAL_HEADER.length()).lines().filter(l -> !l.isBlank()).toList();
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
