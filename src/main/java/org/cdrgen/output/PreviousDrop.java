package org.cdrgen.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recognises and removes what an earlier cdrgen run wrote into a directory (for --force), and only that:
 * its data files, dimension files, manifest, success marker and leftover temporary files. Anything else a
 * user keeps there is left alone.
 */
public final class PreviousDrop {
    private static final Pattern TOP_LEVEL = Pattern.compile(
            "(subscribers(-shard-\\d+-of-\\d+)?\\.csv|cells\\.csv)(\\.gz|\\.zst)?|manifest\\.json|_SUCCESS"
                    + "|\\..+\\.inprogress");
    private static final Pattern DAY_DIRECTORY = Pattern.compile("date=\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PART = Pattern.compile(
            "part-\\d{5}(-shard-\\d+-of-\\d+)?\\.csv(\\.gz|\\.zst)?|\\..+\\.inprogress");

    private PreviousDrop() {
    }

    /** Entries of a directory that are not cdrgen output (what makes it "not empty" for a new run). */
    public static List<Path> foreignEntries(Path dir) throws IOException {
        List<Path> foreign = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (name.equals("events") && Files.isDirectory(p)) {
                    foreign.addAll(foreignEventEntries(p));
                } else if (!TOP_LEVEL.matcher(name).matches() || Files.isDirectory(p)) {
                    foreign.add(p);
                }
            }
        }
        return foreign;
    }

    private static List<Path> foreignEventEntries(Path events) throws IOException {
        List<Path> foreign = new ArrayList<>();
        try (Stream<Path> days = Files.list(events)) {
            for (Path day : (Iterable<Path>) days.sorted()::iterator) {
                if (!DAY_DIRECTORY.matcher(day.getFileName().toString()).matches() || !Files.isDirectory(day)) {
                    foreign.add(day);
                    continue;
                }
                try (Stream<Path> parts = Files.list(day)) {
                    parts.filter(p -> !PART.matcher(p.getFileName().toString()).matches() || Files.isDirectory(p))
                            .sorted().forEach(foreign::add);
                }
            }
        }
        return foreign;
    }

    /**
     * Deletes the earlier run's files; the success marker first, so a consumer never sees a marker beside a
     * half-removed drop. Empty day directories go too.
     */
    public static int remove(Path dir) throws IOException {
        int removed = 0;
        if (Files.deleteIfExists(dir.resolve("_SUCCESS"))) {
            removed++;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (name.equals("events") && Files.isDirectory(p)) {
                    removed += removeEvents(p);
                } else if (TOP_LEVEL.matcher(name).matches() && Files.isRegularFile(p)) {
                    Files.delete(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static int removeEvents(Path events) throws IOException {
        int removed = 0;
        try (Stream<Path> days = Files.list(events)) {
            for (Path day : (Iterable<Path>) days.sorted()::iterator) {
                if (!DAY_DIRECTORY.matcher(day.getFileName().toString()).matches() || !Files.isDirectory(day)) {
                    continue;
                }
                try (Stream<Path> parts = Files.list(day)) {
                    for (Path part : (Iterable<Path>) parts.sorted()::iterator) {
                        if (PART.matcher(part.getFileName().toString()).matches() && Files.isRegularFile(part)) {
                            Files.delete(part);
                            removed++;
                        }
                    }
                }
                deleteIfEmpty(day);
            }
        }
        deleteIfEmpty(events);
        return removed;
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        try (Stream<Path> rest = Files.list(dir)) {
            if (rest.findAny().isEmpty()) {
                Files.delete(dir);
            }
        }
    }
}
