package org.cdrgen.drop;

import org.cdrgen.output.EventSchema;
import org.cdrgen.output.ChunkBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes one output directory ("drop") in the schema's layout: events/date=YYYY-MM-DD/part-NNNNN.csv rotated
 * at the size limit, subscribers.csv and cells.csv. Chunks must arrive in plan order (day by day).
 */
public final class DropWriter {
    private final Path root;
    private final long maxFileBytes;
    private final Frames frames;
    private final FileChecksum checksum;
    private final String fileTag;
    private final FileJournal journal;
    private final byte[] eventHeader = EventSchema.headerLine(EventSchema.COLUMNS);
    private final DropFiles<RotatingCsvWriter, RotatingCsvWriter> drop;

    /**
     * @param frames   how files are compressed, null for plain CSV
     * @param checksum the manifest's checksum of each file
     * @param fileTag  added to every file name but cells.csv (shards write to one place without collisions)
     */
    public DropWriter(Path root, long maxFileBytes, Frames frames, FileChecksum checksum, String fileTag,
            FileJournal journal) {
        this.root = root;
        this.checksum = checksum;
        this.journal = journal;
        this.maxFileBytes = maxFileBytes;
        this.frames = frames;
        this.fileTag = fileTag;
        this.drop = new DropFiles<>(root, journal, new RotatingCsvWriter(root, root,
                n -> DropLayout.subscribersName(fileTag), EventSchema.headerLine(EventSchema.SUBSCRIBER_COLUMNS),
                Long.MAX_VALUE, frames, checksum, journal));
    }

    /**
     * Whether a run with these settings writes {@code path} (relative, with '/'): the manifest, the marker,
     * the dimension files, the day directories and the part files in them. Used to find a user's file in the run's way.
     */
    public static Predicate<String> writesPath(String fileTag, Compression compression, Set<LocalDate> dates) {
        return DropFiles.writesPath(Set.of(DropLayout.CELLS + compression.suffix(),
                DropLayout.subscribersName(fileTag) + compression.suffix()), compression.suffix(), dates);
    }

    /** Told of every file of the drop before it is created. */
    public FileJournal journal() {
        return journal;
    }

    /** Writes cells.csv: the formatted cell rows, held as the event rows of {@code cellRows}. */
    public void writeCells(ChunkBuffer cellRows) throws IOException {
        drop.writeWhole(new RotatingCsvWriter(root, root, n -> DropLayout.CELLS,
                EventSchema.headerLine(EventSchema.CELL_COLUMNS), Long.MAX_VALUE, frames, checksum, journal),
                cells -> cells.write(cellRows.events().array(), cellRows.eventRowEnds(), cellRows.eventRows()));
    }

    /** Appends a chunk's rows to its day's files (and its subscriber rows, if any, to subscribers.csv). */
    public void writeChunk(LocalDate date, ChunkBuffer chunk) throws IOException {
        RotatingCsvWriter day = drop.day(date, d -> new RotatingCsvWriter(root, root.resolve(DropLayout.dayDirectory(d)),
                n -> DropLayout.partName(n, fileTag), eventHeader, maxFileBytes, frames, checksum, journal));
        day.write(chunk.events().array(), chunk.eventRowEnds(), chunk.eventRows());
        if (chunk.subscriberRows() > 0) {
            drop.subscribers().write(chunk.subscribers().array(), chunk.subscriberRowEnds(), chunk.subscriberRows());
        }
    }

    /** Closes every file and returns them all, in the order they were finished. */
    public List<OutputFile> finish() throws IOException {
        return drop.finish();
    }

    /** Marks the drop complete: written last, after the manifest, so a consumer that waits for it sees whole files. */
    public void publishSuccessMarker() throws IOException {
        drop.publishSuccessMarker();
    }

    /** Removes the files still being written; finished files stay for the caller to clean up or keep. */
    public void abort() {
        drop.abort();
    }
}
