package org.cdrgen.drop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
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
    private final DropFiles<RotatingParquetWriter<EventRow>, RotatingParquetWriter<SubscriberRow>> drop;

    public ParquetDropWriter(Path root, long maxFileBytes, String codec, String fileTag, FileJournal journal) {
        this.root = root;
        this.maxFileBytes = maxFileBytes;
        this.codec = codec;
        this.fileTag = fileTag;
        this.journal = journal;
        this.drop = new DropFiles<>(root, journal, new RotatingParquetWriter<>(root, root,
                n -> DropLayout.asParquet(DropLayout.subscribersName(fileTag)), TypedFields.SUBSCRIBERS, Long.MAX_VALUE,
                codec, journal));
    }

    /** As {@link DropWriter#writesPath}, for the .parquet names. */
    public static Predicate<String> writesPath(String fileTag, Set<LocalDate> dates) {
        return DropFiles.writesPath(Set.of(DropLayout.asParquet(DropLayout.CELLS),
                DropLayout.asParquet(DropLayout.subscribersName(fileTag))), DropFormat.PARQUET_SUFFIX, dates);
    }

    public FileJournal journal() {
        return journal;
    }

    public void writeCells(RowChunk cellRows) throws IOException {
        drop.writeWhole(new RotatingParquetWriter<org.cdrgen.model.CellRow>(root, root,
                n -> DropLayout.asParquet(DropLayout.CELLS), TypedFields.CELLS, Long.MAX_VALUE, codec, journal), cells -> {
                    for (int i = 0; i < cellRows.cellRows(); i++) {
                        cells.write(cellRows.cell(i));
                    }
                });
    }

    public void writeChunk(LocalDate date, RowChunk chunk) throws IOException {
        RotatingParquetWriter<EventRow> day = drop.day(date, d -> new RotatingParquetWriter<>(root,
                root.resolve(DropLayout.dayDirectory(d)), n -> DropLayout.asParquet(DropLayout.partName(n, fileTag)),
                TypedFields.EVENTS, maxFileBytes, codec, journal));
        for (int i = 0; i < chunk.eventRows(); i++) {
            day.write(chunk.event(i));
        }
        for (int i = 0; i < chunk.subscriberRows(); i++) {
            drop.subscribers().write(chunk.subscriber(i));
        }
    }

    public List<OutputFile> finish() throws IOException {
        return drop.finish();
    }

    public void publishSuccessMarker() throws IOException {
        drop.publishSuccessMarker();
    }

    public void abort() {
        drop.abort();
    }
}
