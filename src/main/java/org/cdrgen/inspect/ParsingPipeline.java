package org.cdrgen.inspect;

import org.cdrgen.drop.ReadFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses event files on worker threads, a few files ahead of the reader, and hands their records over in
 * file order. CSV parsing costs several times more than the statistics, so overlapping the parsing of the
 * next files with the statistics of the current one is what makes a large drop quick. Each file's queue is
 * bounded, and so is a batch (in records and in memory), so memory stays at a few tens of MiB per worker
 * whatever the file: a line is at most 1 MiB ({@link LineLengthLimit}), a record has the header's fields.
 */
final class ParsingPipeline implements AutoCloseable {
    private static final int BATCH = 1024;
    /** A batch also ends at about this much memory, for files of long or many-field rows. */
    private static final long BATCH_BYTES = 4 << 20;
    /** What a field costs besides its characters: a String and its array (a byte per character, compact). */
    private static final int FIELD_BYTES = 48;
    private static final int BATCHES_AHEAD = 4;
    /** How often a reader waiting for a batch looks whether a worker died. */
    private static final long WATCH_MS = 200;
    private static final List<CSVRecord> END = List.of();
    /** Stands in the queue for a failure, so that a worker short of memory need not allocate to report it. */
    private static final Object FAILED = new Object();

    /** The parsed records of one file, in order; a failure travels in place of a batch. */
    static final class FileFeed {
        final Path file;
        private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        private volatile Map<String, Integer> headerMap;
        private volatile Throwable failure;

        private final AtomicReference<Throwable> workerDied;

        private FileFeed(Path file, AtomicReference<Throwable> workerDied) {
            this.file = file;
            this.workerDied = workerDied;
        }

        /** The header of the file; valid once the first batch (or the end) has been taken. */
        Map<String, Integer> headerMap() {
            return headerMap;
        }

        /** The next batch of records; empty at the end of the file. */
        @SuppressWarnings("unchecked")
        List<CSVRecord> next() {
            Object item;
            try {
                item = batches.poll(WATCH_MS, TimeUnit.MILLISECONDS);
                // A worker can die of an error even while reporting one (out of memory again): then no item
                // ever comes for its file, and the pipeline's watch on dead workers ends the wait.
                while (item == null) {
                    Throwable died = workerDied.get();
                    if (died != null) {
                        failure = died;
                        item = FAILED;
                    } else {
                        item = batches.poll(WATCH_MS, TimeUnit.MILLISECONDS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreadableDropException("interrupted while reading " + file, e);
            }
            if (item == FAILED) {
                RuntimeException failed = DropReader.readFailure(file, failure);
                // Thrown again here, so that its trace shows the reader's side too.
                if (failed instanceof ReadFailedException) {
                    throw new ReadFailedException(failed.getMessage(), failed);
                }
                throw new UnreadableDropException(failed.getMessage(), failed);
            }
            return (List<CSVRecord>) item;
        }

        /**
         * Runs on a worker. Every outcome ends in the queue, an error too (even OutOfMemoryError): a worker that
         * died silently would leave the reader waiting for ever.
         */
        private void parseOrFail() {
            try {
                parse();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the reader gave up: stop quietly
            } catch (Throwable e) {
                failure = e;
                try {
                    batches.put(FAILED);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void parse() throws IOException, InterruptedException {
            try (CSVParser parser = DropReader.parse(file)) {
                headerMap = parser.getHeaderMap();
                int columns = parser.getHeaderNames().size();
                List<CSVRecord> batch = new ArrayList<>(BATCH);
                long batchStart = 0;
                long batchFields = 0;
                for (CSVRecord record : parser) {
                    DropReader.checkFieldCount(file, record, columns);
                    batch.add(record);
                    batchFields += record.size();
                    // The batch's memory, roughly: its characters (to this record's start) and its fields.
                    long position = record.getCharacterPosition();
                    long bytes = position - batchStart + FIELD_BYTES * batchFields;
                    if (batch.size() == BATCH || bytes >= BATCH_BYTES) {
                        batches.put(batch);
                        batch = new ArrayList<>(BATCH);
                        batchStart = position;
                        batchFields = 0;
                    }
                }
                if (!batch.isEmpty()) {
                    batches.put(batch);
                }
                batches.put(END);
            }
        }
    }

    private final ExecutorService workers;
    private final List<FileFeed> feeds = new ArrayList<>();

    /** Starts parsing {@code files}; workers take them in order, so the file read next is always under way. */
    ParsingPipeline(List<Path> files, int threads) {
        AtomicInteger number = new AtomicInteger();
        AtomicReference<Throwable> workerDied = new AtomicReference<>();
        workers = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread t = new Thread(task, "cdrgen-stats-parser-" + number.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive after a failed report
            // Recorded for the reader to report in one line; never printed as a trace.
            t.setUncaughtExceptionHandler((thread, e) -> workerDied.compareAndSet(null, e));
            return t;
        });
        for (Path file : files) {
            FileFeed feed = new FileFeed(file, workerDied);
            feeds.add(feed);
            workers.execute(feed::parseOrFail);
        }
    }

    List<FileFeed> feeds() {
        return feeds;
    }

    /** Stops the workers, also those still parsing files nobody will read after a failure. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    static int defaultThreads() {
        return Math.min(4, Runtime.getRuntime().availableProcessors());
    }
}
