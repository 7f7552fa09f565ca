package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads what a run wrote: the file tree, and CSV files parsed independently with Commons CSV (RFC 4180). */
public final class DropFiles {
    private DropFiles() {
    }

    /** Every regular file under root, hidden ones included, by path relative to root (with '/'), in name order. */
    public static TreeMap<String, byte[]> readTree(Path root) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(relative(root, p), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** The event files of each day ("2026-03-02" -> part files in part order), days in order. */
    public static TreeMap<String, List<Path>> eventFilesByDay(Path root) {
        TreeMap<String, List<Path>> days = new TreeMap<>();
        Path events = root.resolve("events");
        if (!Files.isDirectory(events)) {
            return days;
        }
        try (Stream<Path> dirs = Files.list(events)) {
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                if (!name.startsWith("date=")) {
                    throw new AssertionError("unexpected entry in events/: " + name);
                }
                try (Stream<Path> parts = Files.list(dir)) {
                    days.put(name.substring("date=".length()), parts.sorted().toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }

    /** A parsed CSV file: its header and data records. */
    public record Csv(String file, List<String> header, List<CSVRecord> records) {
        public int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new AssertionError(file + " has no column " + name);
            }
            return i;
        }
    }

    public static Csv readCsv(Path file) {
        try {
            return parseCsv(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses with Commons CSV's RFC 4180 format; the first record is the header. */
    public static Csv parseCsv(String name, String content) {
        try (CSVParser parser = CSVParser.parse(new StringReader(content), CSVFormat.RFC4180)) {
            List<CSVRecord> all = parser.getRecords();
            if (all.isEmpty()) {
                throw new AssertionError(name + " has no header");
            }
            return new Csv(name, all.get(0).toList(), new ArrayList<>(all.subList(1, all.size())));
        } catch (IOException e) {
            throw new AssertionError(name + " is not RFC 4180 CSV: " + e.getMessage(), e);
        }
    }

    /** The data lines of a CSV file as raw text (header dropped); our files never quote line breaks. */
    public static List<String> dataLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.subList(Math.min(1, lines.size()), lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects rule violations so a test reports how many rows break a rule and shows a few of them. */
    public static final class Violations {
        private final String rule;
        private final List<String> examples = new ArrayList<>();
        private long count;

        public Violations(String rule) {
            this.rule = rule;
        }

        public void check(boolean ok, Supplier<String> message) {
            if (!ok) {
                count++;
                if (examples.size() < 8) {
                    examples.add(message.get());
                }
            }
        }

        public void fail(String message) {
            check(false, () -> message);
        }

        public void assertNone() {
            if (count > 0) {
                throw new AssertionError(rule + ": " + count + " violation(s), e.g.\n  "
                        + String.join("\n  ", examples));
            }
        }
    }

    public static JsonNode readManifest(Path out) {
        try {
            return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks manifest.json against the files on disk: it lists every file of the drop (but itself and the
     * _SUCCESS marker) with its data rows, bytes and, where given, SHA-256; event_rows is the sum over the
     * event files. Returns the manifest for further checks.
     */
    public static JsonNode assertManifestMatchesFiles(Path out) {
        try {
            JsonNode manifest = readManifest(out);
            TreeSet<String> listed = new TreeSet<>();
            long eventRows = 0;
            for (JsonNode f : manifest.get("files")) {
                String path = f.get("path").asText();
                listed.add(path);
                Path file = out.resolve(path);
                assertTrue(Files.isRegularFile(file), "manifest lists " + path + " which does not exist");
                byte[] bytes = Files.readAllBytes(file);
                assertEquals(bytes.length, f.get("bytes").asLong(), path + ": bytes");
                long rows = dataLines(file).size();
                assertEquals(rows, f.get("rows").asLong(), path + ": rows");
                if (f.has("sha256")) {
                    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                            f.get("sha256").asText(), path + ": sha256");
                }
                if (path.startsWith("events/")) {
                    eventRows += rows;
                }
            }
            TreeSet<String> actual = new TreeSet<>(readTree(out).keySet());
            actual.remove("manifest.json");
            actual.remove("_SUCCESS");
            assertEquals(actual, listed, "manifest.json files vs the files on disk");
            assertEquals(eventRows, manifest.get("event_rows").asLong(), "event_rows");
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Counts of each value, for messages. */
    public static <K> Map<K, Long> histogram(Iterable<K> values) {
        Map<K, Long> counts = new TreeMap<>();
        for (K v : values) {
            counts.merge(v, 1L, Long::sum);
        }
        return counts;
    }
}
