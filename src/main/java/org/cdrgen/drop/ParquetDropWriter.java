package org.cdrgen.drop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.output.RowChunk;
import org.cdrgen.output.TypedFields;

/**
 * {@link DropWriter} for --format parquet: the same layout with .parquet files
 * (events/date=YYYY-MM-DD/part-NNNNN.parquet rotated at the size limit, subscribers.parquet, cells.parquet),
 * the same temporary names, journal and {@link OutputFile}s for the manifest. Chunks arrive in plan order.
 */
public final class ParquetDropWriter {
    private final Path root;
    private final long maxFileBytes;
    private final String codec;
    private final String fileTag;
    private final FileJournal journal;
    private final List<OutputFile> files = new ArrayList<>();
    private final RotatingParquetWriter<SubscriberRow> subscribers;
    private RotatingParquetWriter<EventRow> day;
    private LocalDate dayDate;

    public ParquetDropWriter(Path root, long maxFileBytes, String codec, String fileTag, FileJournal journal) {
        this.root = root;
        this.maxFileBytes = maxFileBytes;
        this.codec = codec;
        this.fileTag = fileTag;
        this.journal = journal;
        this.subscribers = new RotatingParquetWriter<>(root, root,
                n -> DropLayout.asParquet(DropLayout.subscribersName(fileTag)), TypedFields.SUBSCRIBERS, Long.MAX_VALUE,
                codec, journal);
    }

    /** As {@link DropWriter#writesPath}, for the .parquet names. */
    public static Predicate<String> writesPath(String fileTag, Set<LocalDate> dates) {
        Set<String> dayDirectories = new HashSet<>();
        dates.forEach(date -> dayDirectories.add(DropLayout.dayDirectory(date)));
        Set<String> fixed = Set.of(DropLayout.MANIFEST, DropLayout.SUCCESS, DropLayout.asParquet(DropLayout.CELLS),
                DropLayout.asParquet(DropLayout.subscribersName(fileTag)));
        return path -> {
            if (fixed.contains(path) || path.equals(DropLayout.EVENTS) || dayDirectories.contains(path)) {
                return true;
            }
            int slash = path.lastIndexOf('/');
            if (slash < 0 || !dayDirectories.contains(path.substring(0, slash))) {
                return false;
            }
            String name = path.substring(slash + 1);
            return name.endsWith(DropFormat.PARQUET_SUFFIX) && DropLayout.isPartName(name);
        };
    }

    public FileJournal journal() {
        return journal;
    }

    public void writeCells(RowChunk cellRows) throws IOException {
        RotatingParquetWriter<org.cdrgen.model.CellRow> cells = new RotatingParquetWriter<>(root, root,
                n -> DropLayout.asParquet(DropLayout.CELLS), TypedFields.CELLS, Long.MAX_VALUE, codec, journal);
        try {
            for (int i = 0; i < cellRows.cellRows(); i++) {
                cells.write(cellRows.cell(i));
            }
            cells.ensureOneFile();
            cells.close();
        } catch (IOException | RuntimeException e) {
            cells.abort();
            throw e;
        }
        files.addAll(cells.finishedFiles());
    }

    public void writeChunk(LocalDate date, RowChunk chunk) throws IOException {
        if (!date.equals(dayDate)) {
            endDay();
            dayDate = date;
            day = new RotatingParquetWriter<>(root, root.resolve(DropLayout.dayDirectory(date)),
                    n -> DropLayout.asParquet(DropLayout.partName(n, fileTag)), TypedFields.EVENTS, maxFileBytes, codec,
                    journal);
        }
        for (int i = 0; i < chunk.eventRows(); i++) {
            day.write(chunk.event(i));
        }
        for (int i = 0; i < chunk.subscriberRows(); i++) {
            subscribers.write(chunk.subscriber(i));
        }
    }

    private void endDay() throws IOException {
        if (day != null) {
            day.ensureOneFile();
            day.close();
            files.addAll(day.finishedFiles());
            day = null;
        }
    }

    public List<OutputFile> finish() throws IOException {
        endDay();
        subscribers.ensureOneFile();
        subscribers.close();
        files.addAll(subscribers.finishedFiles());
        return List.copyOf(files);
    }

    public void publishSuccessMarker() throws IOException {
        Path marker = root.resolve(DropLayout.SUCCESS);
        journal.willWrite(marker);
        Files.write(marker, new byte[0]);
    }

    public void abort() {
        if (day != null) {
            day.abort();
        }
        subscribers.abort();
    }
}
