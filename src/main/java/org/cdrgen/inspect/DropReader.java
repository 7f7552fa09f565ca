package org.cdrgen.inspect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a drop directory in the schema's layout from its files alone: the event files
 * events/date=YYYY-MM-DD/part-*.csv (also .csv.gz, and .csv.zst when zstd-jni is on the classpath) day by
 * day in date order, files of a day in name order, and the optional subscribers file(s).
 */
public final class DropReader {
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    private static final String ZSTD_STREAM = "com.github.luben.zstd.ZstdInputStream";
    private static final String[] SUFFIXES = {".csv", ".csv.gz", ".csv.zst"};
    private static final Pattern SUBSCRIBER_FILE =
            Pattern.compile("subscribers(-shard-\\d+-of-\\d+)?\\.csv(\\.gz|\\.zst)?");

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
                .filter(file -> SUBSCRIBER_FILE.matcher(file.getFileName().toString()).matches())
                .filter(Files::isRegularFile)
                .toList();
    }

    /** The served_imsi column of a subscribers file, in file order. */
    List<String> readSubscriberImsis(Path file) {
        List<String> imsis = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(openText(file))) {
            Integer position = parser.getHeaderMap().get("served_imsi");
            if (position == null) {
                throw new UnreadableDropException(file + " has no column 'served_imsi'");
            }
            for (CSVRecord record : parser) {
                if (position < record.size() && !record.get(position).isEmpty()) {
                    imsis.add(record.get(position));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(file, e);
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

    private static UnreadableDropException unreadable(Path file, Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return new UnreadableDropException("cannot read " + file + ": " + cause.getMessage(), e);
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

    /** Opens a data file as text, decompressing by its suffix. */
    static BufferedReader openText(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            String name = file.getFileName().toString();
            if (name.endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            } else if (name.endsWith(".zst")) {
                in = zstd(file, in);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** zstd-jni is not a dependency of cdrgen: use it if the classpath has it, else say so. */
    private static InputStream zstd(Path file, InputStream in) throws IOException {
        Class<?> type;
        try {
            type = Class.forName(ZSTD_STREAM);
        } catch (ClassNotFoundException e) {
            throw new UnreadableDropException("cannot read " + file + ": zstd files need zstd-jni ("
                    + ZSTD_STREAM + ") on the classpath");
        }
        try {
            return (InputStream) type.getConstructor(InputStream.class).newInstance(in);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("zstd: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IOException("zstd-jni is unusable: " + e, e);
        }
    }

    private static List<Path> sortedList(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UnreadableDropException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
