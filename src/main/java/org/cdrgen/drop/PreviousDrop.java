package org.cdrgen.drop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cdrgen.IoReasons;

/**
 * What an earlier cdrgen run left in a directory, and so what --force may delete: the files its manifest.json
 * lists, or, after a killed run, the files its journal ({@link DropLayout#LOCK}) lists, their temporary names,
 * the manifest and the marker. Everything else is the user's.
 */
final class PreviousDrop {
    static final String JOURNAL_HEADER = "cdrgen run in progress; the files it writes:\n";

    private PreviousDrop() {
    }

    /**
     * What the earlier run wrote here, to delete with --force; refuses a directory that is not empty without
     * --force, that holds files but no cdrgen manifest or journal, or that has a user's file where the run writes.
     */
    static Set<String> inventory(Path dir, boolean force, Predicate<String> runWrites, List<String> journal) {
        // One file is enough to refuse: a wrong --output-dir (a home directory, say) is not walked whole.
        List<String> first = presentFiles(dir, 1);
        if (first.isEmpty()) {
            return Set.of();
        }
        if (!force) {
            throw new DropRefusedException("output dir " + dir + " is not empty (it holds " + first.get(0)
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
            throw new DropRefusedException("output dir " + dir + " holds " + first.get(0)
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
        for (String path : presentFiles(dir, Long.MAX_VALUE)) {
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

    /** Up to {@code limit} entries below {@code dir} but the lock and empty directories, as relative paths. */
    private static List<String> presentFiles(Path dir, long limit) {
        List<String> present = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !p.equals(dir) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> relative(dir, p))
                    .filter(p -> !p.equals(DropLayout.LOCK))
                    .limit(limit)
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

    static List<String> readJournal(Path dir) {
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

    static List<String> readJournal(FileChannel channel) throws IOException {
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

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
