package org.cdrgen.drop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a drop writer does the same way in every format: one day's rotating part files open at a time, the
 * subscriber file open all run, the finished files in order, the success marker, and giving it all up.
 *
 * @param <D> the day's part writer
 * @param <S> the subscriber file's writer
 */
final class DropFiles<D extends RotatingFiles, S extends RotatingFiles> {
    /** Writes rows into a one-file writer (cells). */
    interface Rows<W> {
        void writeTo(W writer) throws IOException;
    }

    private final Path root;
    private final FileJournal journal;
    private final S subscribers;
    private final List<OutputFile> files = new ArrayList<>();
    private D day;
    private LocalDate dayDate;

    DropFiles(Path root, FileJournal journal, S subscribers) {
        this.root = root;
        this.journal = journal;
        this.subscribers = subscribers;
    }

    FileJournal journal() {
        return journal;
    }

    S subscribers() {
        return subscribers;
    }

    /** The part writer of {@code date}, opened by {@code open} when the day changes (the day before finished). */
    D day(LocalDate date, Function<LocalDate, D> open) throws IOException {
        if (!date.equals(dayDate)) {
            endDay();
            dayDate = date;
            day = open.apply(date);
        }
        return day;
    }

    /** Writes a file that is whole at once (cells): published, or removed if writing fails. */
    <W extends RotatingFiles> void writeWhole(W file, Rows<W> rows) throws IOException {
        try {
            rows.writeTo(file);
            file.ensureOneFile();
            file.close();
        } catch (IOException | RuntimeException e) {
            file.abort();
            throw e;
        }
        files.addAll(file.finishedFiles());
    }

    private void endDay() throws IOException {
        if (day != null) {
            day.ensureOneFile();
            day.close();
            files.addAll(day.finishedFiles());
            day = null;
        }
    }

    /** Closes every file and returns them all, in the order they were finished. */
    List<OutputFile> finish() throws IOException {
        endDay();
        subscribers.ensureOneFile();
        subscribers.close();
        files.addAll(subscribers.finishedFiles());
        return List.copyOf(files);
    }

    /** Marks the drop complete: written last, after the manifest, so a consumer that waits for it sees whole files. */
    void publishSuccessMarker() throws IOException {
        Path marker = root.resolve(DropLayout.SUCCESS);
        journal.willWrite(marker);
        Files.write(marker, new byte[0]);
    }

    /** Removes the files still being written; finished files stay for the caller to clean up or keep. */
    void abort() {
        if (day != null) {
            day.abort();
        }
        subscribers.abort();
    }

    /**
     * Whether a run writes {@code path} (relative, with '/'): the manifest, the marker, the given dimension
     * files, the day directories and the part files in them whose names end in {@code partSuffix}.
     */
    static Predicate<String> writesPath(Set<String> dimensionFiles, String partSuffix, Set<LocalDate> dates) {
        Set<String> dayDirectories = new HashSet<>();
        dates.forEach(date -> dayDirectories.add(DropLayout.dayDirectory(date)));
        Set<String> fixed = new HashSet<>(dimensionFiles);
        fixed.add(DropLayout.MANIFEST);
        fixed.add(DropLayout.SUCCESS);
        return path -> {
            if (fixed.contains(path) || path.equals(DropLayout.EVENTS) || dayDirectories.contains(path)) {
                return true;
            }
            int slash = path.lastIndexOf('/');
            if (slash < 0 || !dayDirectories.contains(path.substring(0, slash))) {
                return false;
            }
            String name = path.substring(slash + 1);
            return name.endsWith(partSuffix) && DropLayout.isPartName(name);
        };
    }
}
