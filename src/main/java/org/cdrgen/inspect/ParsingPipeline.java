package org.cdrgen.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses event files on worker threads, a few files ahead of the reader, and hands their records over in
 * file order. CSV parsing costs several times more than the statistics, so overlapping the parsing of the
 * next files with the statistics of the current one is what makes a large drop quick. Each file's queue is
 * bounded, so memory stays at a few thousand records per worker whatever the file size.
 */
final class ParsingPipeline implements AutoCloseable {
    private static final int BATCH = 1024;
    private static final int BATCHES_AHEAD = 4;
    private static final List<CSVRecord> END = List.of();

    /** The parsed records of one file, in order; a failure travels in place of a batch. */
    static final class FileFeed {
        final Path file;
        private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        private volatile Map<String, Integer> headerMap;

        private FileFeed(Path file) {
            this.file = file;
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
                item = batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreadableDropException("interrupted while reading " + file, e);
            }
            if (item instanceof UnreadableDropException failure) {
                throw new UnreadableDropException(failure.getMessage(), failure);
            }
            return (List<CSVRecord>) item;
        }

        private void parse() throws InterruptedException {
            try (CSVParser parser = DropReader.FORMAT.parse(DropReader.openText(file))) {
                headerMap = parser.getHeaderMap();
                List<CSVRecord> batch = new ArrayList<>(BATCH);
                for (CSVRecord record : parser) {
                    batch.add(record);
                    if (batch.size() == BATCH) {
                        batches.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.put(batch);
                }
                batches.put(END);
            } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
                // Commons CSV reports malformed input (e.g. an unterminated quote) as these.
                Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
                batches.put(new UnreadableDropException("cannot read " + file + ": " + cause.getMessage(), e));
            } catch (UnreadableDropException e) {
                batches.put(e);
            }
        }
    }

    private final ExecutorService workers;
    private final List<FileFeed> feeds = new ArrayList<>();

    /** Starts parsing {@code files}; workers take them in order, so the file read next is always under way. */
    ParsingPipeline(List<Path> files, int threads) {
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread t = new Thread(task, "cdrgen-stats-parser-" + number.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive after a failed report
            return t;
        });
        for (Path file : files) {
            FileFeed feed = new FileFeed(file);
            feeds.add(feed);
            workers.execute(() -> {
                try {
                    feed.parse();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the reader gave up: stop quietly
                }
            });
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
