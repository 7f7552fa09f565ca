package org.cdrgen.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.RatType;

/**
 * Writes one output directory ("drop") in the schema's layout: events/date=YYYY-MM-DD/part-NNNNN.csv rotated
 * at the size limit, subscribers.csv and cells.csv. Chunks must arrive in plan order (day by day).
 */
public final class DropWriter {
    private final Path root;
    private final long maxFileBytes;
    private final Compression compression;
    private final String fileTag;
    private final byte[] eventHeader = EventSchema.headerLine(EventSchema.COLUMNS);
    private final List<OutputFile> files = new ArrayList<>();
    private final RotatingCsvWriter subscribers;
    private RotatingCsvWriter day;
    private LocalDate dayDate;

    /** @param fileTag added to every file name but cells.csv (shards write to one place without collisions) */
    public DropWriter(Path root, long maxFileBytes, Compression compression, String fileTag) {
        this.root = root;
        this.maxFileBytes = maxFileBytes;
        this.compression = compression;
        this.fileTag = fileTag;
        this.subscribers = new RotatingCsvWriter(root, root, n -> "subscribers" + fileTag + ".csv",
                EventSchema.headerLine(EventSchema.SUBSCRIBER_COLUMNS), Long.MAX_VALUE, compression);
    }

    public static String dayDirectory(LocalDate date) {
        return "events/date=" + date;
    }

    public void writeCells(CellNetwork network, byte[] mcc, byte[] mnc) throws IOException {
        RotatingCsvWriter cells = new RotatingCsvWriter(root, root, n -> "cells.csv",
                EventSchema.headerLine(EventSchema.CELL_COLUMNS), Long.MAX_VALUE, compression);
        ChunkBuffer rows = new ChunkBuffer(128);
        try {
            for (int site = 0; site < network.siteCount(); site++) {
                for (RatType rat : RatType.values()) {
                    if (!network.hasLayer(site, rat)) {
                        continue;
                    }
                    for (int sector = 0; sector < CellNetwork.SECTORS; sector++) {
                        DimensionRowFormatter.cell(network, site, sector, rat, mcc, mnc, rows.events());
                        rows.endEventRow();
                    }
                }
                if (rows.events().size() > (1 << 20)) {
                    rows.writeEventsTo(cells);
                    rows.reset();
                }
            }
            rows.writeEventsTo(cells);
            cells.ensureOneFile();
            cells.close();
        } catch (IOException | RuntimeException e) {
            cells.abort();
            throw e;
        }
        files.addAll(cells.finishedFiles());
    }

    /** Appends a chunk's rows to its day's files (and its subscriber rows, if any, to subscribers.csv). */
    public void writeChunk(LocalDate date, ChunkBuffer chunk) throws IOException {
        if (!date.equals(dayDate)) {
            endDay();
            dayDate = date;
            day = new RotatingCsvWriter(root, root.resolve(dayDirectory(date)), n -> String.format("part-%05d%s.csv", n, fileTag),
                    eventHeader, maxFileBytes, compression);
        }
        chunk.writeEventsTo(day);
        if (chunk.subscriberRows() > 0) {
            chunk.writeSubscribersTo(subscribers);
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

    /** Closes every file and returns them all, in the order they were finished. */
    public List<OutputFile> finish() throws IOException {
        endDay();
        subscribers.ensureOneFile();
        subscribers.close();
        files.addAll(subscribers.finishedFiles());
        return List.copyOf(files);
    }

    /** Marks the drop complete: written last, after the manifest, so a consumer that waits for it sees whole files. */
    public void publishSuccessMarker() throws IOException {
        Files.write(root.resolve(SUCCESS_MARKER), new byte[0]);
    }

    public static final String SUCCESS_MARKER = "_SUCCESS";

    /** Removes the files still being written; finished files stay for the caller to clean up or keep. */
    public void abort() {
        if (day != null) {
            day.abort();
        }
        subscribers.abort();
    }
}
