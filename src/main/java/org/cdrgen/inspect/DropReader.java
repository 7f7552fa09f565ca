package org.cdrgen.inspect;

import org.cdrgen.drop.ReadFailedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.IoReasons;
import org.cdrgen.drop.Compression;
import org.cdrgen.drop.DropLayout;

/**
 * Reads a drop directory in the schema's layout from its files alone: the event files
 * events/date=YYYY-MM-DD/part-*.csv (also .csv.gz and .csv.zst) day by
 * day in date order, files of a day in name order, and the optional subscribers file(s).
 */
public final class DropReader {
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    private static final String[] SUFFIXES = {".csv", ".csv.gz", ".csv.zst"};
    /** cdrgen's files have a few dozen columns; a header of thousands would make every record costly. */
    static final int MAX_COLUMNS = 1024;

    /** The event files of one date partition. */
    public record DayFiles(LocalDate date, List<Path> files) {
    }

    /** Receives the rows in drop order: every day begins with {@link #beginDay}, then its rows. */
    interface EventVisitor {
        void beginDay(int dayIndex, LocalDate date);

        void event(EventRecord row);
    }

    private final Path root;
    private final List<DayFiles> days;

    private DropReader(Path root, List<DayFiles> days) {
        this.root = root;
        this.days = days;
    }

    /** Lists the drop's files; fails if {@code root} is not a directory or holds no event file. */
    public static DropReader open(Path root) {
        if (!Files.exists(root)) {
            throw new UnreadableDropException(root + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new UnreadableDropException(root + " is not a directory");
        }
        List<DayFiles> days = new ArrayList<>();
        Path events = root.resolve("events");
        if (Files.isDirectory(events)) {
            for (Path folder : sortedList(events)) {
                String name = folder.getFileName().toString();
                if (!Files.isDirectory(folder) || !name.startsWith("date=")) {
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(name.substring("date=".length()));
                } catch (DateTimeParseException e) {
                    continue; // not a partition this schema writes
                }
                List<Path> files = sortedList(folder).stream().filter(DropReader::isEventFile).toList();
                if (!files.isEmpty()) {
                    days.add(new DayFiles(date, files));
                }
            }
        }
        if (days.isEmpty()) {
            if (Files.isRegularFile(root.resolve("cells.parquet"))) {
                throw new UnreadableDropException(root + " is a Parquet drop (--format parquet): stats reads CSV"
                        + " drops; query Parquet with DuckDB or Spark (see the README)");
            }
            throw new UnreadableDropException(
                    root + " has no event files (expected events/date=YYYY-MM-DD/part-*.csv)");
        }
        // Folder names sort as dates already (ISO form), but a sort by date does not rely on it.
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return new DropReader(root, List.copyOf(days));
    }

    public Path root() {
        return root;
    }

    public List<DayFiles> days() {
        return days;
    }

    public int eventFileCount() {
        return days.stream().mapToInt(d -> d.files().size()).sum();
    }

    /**
     * subscribers.csv, or the subscribers-shard-K-of-N.csv files of a sharded drop, each possibly compressed;
     * empty if the drop has none.
     */
    public List<Path> subscriberFiles() {
        return sortedList(root).stream()
                .filter(file -> DropLayout.isSubscribersName(file.getFileName().toString()))
                .filter(Files::isRegularFile)
                .toList();
    }

    /**
     * The sites of cells.csv (or its compressed copy), by {@link MobilityStatistics#key}, in km from the first
     * cell; empty when the drop has none.
     */
    Map<Long, double[]> readCellSites() {
        Map<Long, double[]> sites = new HashMap<>();
        Path file = sortedList(root).stream()
                .filter(f -> f.getFileName().toString().startsWith(DropLayout.CELLS) && Files.isRegularFile(f))
                .findFirst().orElse(null);
        if (file == null) {
            return sites;
        }
        try (CSVParser parser = parse(file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            int columns = parser.getHeaderNames().size();
            double[] origin = null;
            for (CSVRecord record : parser) {
                checkFieldCount(file, record, columns);
                double latitude = Double.parseDouble(record.get(header.get("latitude")));
                double longitude = Double.parseDouble(record.get(header.get("longitude")));
                if (origin == null) {
                    origin = new double[] {latitude, longitude};
                }
                sites.put(MobilityStatistics.key(record.get(header.get("rat_type")),
                        Long.parseLong(record.get(header.get("tac"))), Long.parseLong(record.get(header.get("cell_id")))),
                        MobilityStatistics.position(latitude, longitude, origin[0], origin[1]));
            }
        } catch (IOException e) {
            throw readFailure(file, e);
        } catch (RuntimeException e) {
            throw new UnreadableDropException(file + ": not a cells file of the schema (" + e.getMessage() + ")", e);
        }
        return sites;
    }

    /** The served_imsi column of a subscribers file, in file order. */
    List<String> readSubscriberImsis(Path file) {
        List<String> imsis = new ArrayList<>();
        try (CSVParser parser = parse(file)) {
            Integer position = parser.getHeaderMap().get("served_imsi");
            if (position == null) {
                throw new UnreadableDropException(file + " has no column 'served_imsi'");
            }
            int columns = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                checkFieldCount(file, record, columns);
                if (!record.get(position).isEmpty()) {
                    imsis.add(record.get(position));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw readFailure(file, e);
        }
        return imsis;
    }

    /** Streams every event row to {@code visitor}, day by day in date order, files of a day in name order. */
    void readEvents(EventVisitor visitor) {
        List<Path> files = new ArrayList<>();
        days.forEach(day -> files.addAll(day.files()));
        try (ParsingPipeline pipeline = new ParsingPipeline(files, ParsingPipeline.defaultThreads())) {
            int feed = 0;
            for (int d = 0; d < days.size(); d++) {
                visitor.beginDay(d, days.get(d).date());
                for (int f = 0; f < days.get(d).files().size(); f++) {
                    ParsingPipeline.FileFeed file = pipeline.feeds().get(feed++);
                    List<CSVRecord> batch = file.next();
                    EventRecord row = new EventRecord(file.file, file.headerMap());
                    for (; !batch.isEmpty(); batch = file.next()) {
                        for (CSVRecord record : batch) {
                            row.set(record);
                            visitor.event(row);
                        }
                    }
                }
            }
        }
    }

    /**
     * Opens a data file as CSV with its header read: line lengths are limited, and a header of too many
     * columns, or with an empty or repeated name, is refused.
     */
    static CSVParser parse(Path file) throws IOException {
        Reader text = openText(file);
        CSVParser parser;
        try {
            parser = FORMAT.parse(text);
        } catch (IllegalArgumentException e) {
            text.close();
            // Commons CSV's words for this quote the whole header line.
            throw new UnreadableDropException(file + " has an empty or repeated column name in its header", e);
        } catch (IOException | RuntimeException e) {
            text.close();
            throw e;
        }
        int columns = parser.getHeaderNames().size();
        if (columns > MAX_COLUMNS) {
            parser.close();
            throw new UnreadableDropException(file + " has " + columns + " columns, more than " + MAX_COLUMNS
                    + ": not a cdrgen file");
        }
        return parser;
    }

    /** Every record has the header's fields, no more, no fewer: anything else is a damaged or foreign file. */
    static void checkFieldCount(Path file, CSVRecord record, int columns) {
        if (record.size() != columns) {
            throw new UnreadableDropException(file + ", record " + record.getRecordNumber() + ": " + record.size()
                    + (record.size() == 1 ? " field" : " fields") + " where the header has " + columns);
        }
    }

    /**
     * What a failure while reading {@code file} means to the user, as one line: bad input (malformed content,
     * exit 2) or a failure of the read itself (the OS's reason, or memory; exit 1).
     */
    static RuntimeException readFailure(Path file, Throwable failure) {
        Throwable cause = failure instanceof UncheckedIOException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof UnreadableDropException || cause instanceof ReadFailedException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof LineLengthLimit.LineTooLongException) {
            return new UnreadableDropException(cause.getMessage(), cause);
        }
        if (cause instanceof FileSystemException e) {
            return new ReadFailedException("cannot read " + file + ": " + IoReasons.of(e), e);
        }
        if (cause instanceof IOException e) {
            // A decompressor's or the CSV parser's: a truncated gzip, an unterminated quote.
            return new UnreadableDropException("cannot read " + file + ": " + IoReasons.of(e), e);
        }
        if (cause instanceof OutOfMemoryError) {
            return new ReadFailedException("out of memory while reading " + file + " (the JVM may use "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): give it more with -Xmx", cause);
        }
        return new ReadFailedException("cannot read " + file + ": unexpected internal error", cause);
    }

    static boolean isEventFile(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith("part-") || !Files.isRegularFile(file)) {
            return false;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** Opens a data file as text, decompressing by its suffix, with lines of at most 1 MiB. */
    static Reader openText(Path file) throws IOException {
        InputStream in = new FileReadErrors(file, Files.newInputStream(file));
        try {
            in = Compression.ofFileName(file.getFileName().toString()).unwrap(in);
            return new LineLengthLimit(file,
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        } catch (Compression.CodecUnavailableException e) {
            in.close();
            throw new ReadFailedException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static List<Path> sortedList(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new ReadFailedException("cannot list " + dir + ": " + IoReasons.of(e), e);
        } catch (UncheckedIOException e) {
            throw new ReadFailedException("cannot list " + dir + ": " + IoReasons.of(e.getCause()), e);
        }
    }
}
