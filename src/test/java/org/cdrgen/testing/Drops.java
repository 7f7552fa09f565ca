package org.cdrgen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads what a run wrote, independently of the code under test: the file tree, checksums, decompression,
 * CSV parsed with Commons CSV (RFC 4180), and manifest.json parsed with Jackson. Paths are relative to the
 * drop, with '/'.
 */
public final class Drops {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Drops() {
    }

    // ---------------------------------------------------------------- the file tree

    public static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Every entry under root (directories end in '/'), hidden ones included, sorted; works on any file system. */
    public static List<String> listing(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root))
                    .map(p -> relative(root, p) + (Files.isDirectory(p) ? "/" : ""))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under root (all of {@link #listing} but directories), sorted. */
    public static List<String> files(Path root) {
        return listing(root).stream().filter(s -> !s.endsWith("/")).toList();
    }

    /** Relative path -> bytes of every file under root, in name order: two drops are equal if these are. */
    public static TreeMap<String, byte[]> contents(Path root) {
        TreeMap<String, byte[]> map = new TreeMap<>();
        for (String f : files(root)) {
            map.put(f, read(root.resolve(f)));
        }
        return map;
    }

    public static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a file, decompressed according to its name (.gz, .zst). */
    public static byte[] plain(Path p) {
        String name = p.getFileName().toString();
        try (InputStream raw = Files.newInputStream(p);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw)
                        : name.endsWith(".zst") ? new ZstdInputStream(raw) : raw) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(p.toString(), e);
        }
    }

    /** Names of hidden or temporary files anywhere under root. */
    public static List<String> leftovers(Path root) {
        return files(root).stream().filter(f -> {
            String name = f.substring(f.lastIndexOf('/') + 1);
            return name.startsWith(".") || name.endsWith(".inprogress");
        }).toList();
    }

    /** Copies a directory tree (a pristine drop, for a test to damage its own copy); returns the target. */
    public static Path copyTree(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
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

    // ---------------------------------------------------------------- CSV

    /** Data lines (header dropped) of a CSV file as raw text, decompressed if need be; cdrgen never quotes a line break. */
    public static List<String> rows(Path p) {
        List<String> lines = new String(plain(p), StandardCharsets.UTF_8).lines().toList();
        return lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
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

    /** The key of the cell of a row of cells.csv or of an event file: rat_type/tac/cell_id. */
    public static String cellKey(Csv csv, CSVRecord row) {
        return row.get(csv.column("rat_type")) + "/" + row.get(csv.column("tac")) + "/" + row.get(csv.column("cell_id"));
    }

    /** Every cell of a drop's cells.csv, by {@link #cellKey}, to its site as "latitude,longitude". */
    public static Map<String, String> cellSites(Path drop) {
        Csv cells = readCsv(drop.resolve("cells.csv"));
        Map<String, String> sites = new java.util.HashMap<>();
        for (CSVRecord c : cells.records()) {
            sites.put(cellKey(cells, c), c.get(cells.column("latitude")) + "," + c.get(cells.column("longitude")));
        }
        return sites;
    }

    /** Parses an uncompressed CSV file, see {@link #parseCsv}. */
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

    /** Counts of each value, for messages. */
    public static <K> Map<K, Long> histogram(Iterable<K> values) {
        Map<K, Long> counts = new TreeMap<>();
        for (K v : values) {
            counts.merge(v, 1L, Long::sum);
        }
        return counts;
    }

    // ---------------------------------------------------------------- manifest and completion

    public static JsonNode manifest(Path dir) {
        try {
            return JSON.readTree(dir.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> manifestPaths(JsonNode manifest) {
        List<String> paths = new ArrayList<>();
        manifest.get("files").forEach(f -> paths.add(f.get("path").asText()));
        return paths;
    }

    /**
     * A complete drop that its manifest describes exactly: the files present are the ones it lists plus
     * manifest.json and _SUCCESS; each listed file has the size, SHA-256 and data rows (decompressed) it says;
     * event_rows is the sum over the event files. Returns the manifest for further checks.
     */
    public static JsonNode assertManifestMatches(Path dir) {
        JsonNode manifest = manifest(dir);
        List<String> expected = new ArrayList<>(manifestPaths(manifest));
        expected.add("_SUCCESS");
        expected.add("manifest.json");
        expected.sort(null);
        assertEquals(expected, files(dir), "files present vs manifest.json");
        long eventRows = 0;
        for (JsonNode f : manifest.get("files")) {
            String path = f.get("path").asText();
            Path p = dir.resolve(path);
            byte[] bytes = read(p);
            assertEquals(bytes.length, f.get("bytes").asLong(), p + ": bytes");
            if (f.has("crc32")) { // --checksum crc32: computed here by java.util.zip, apart from cdrgen's writer
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(bytes);
                assertEquals(String.format(java.util.Locale.ROOT, "%08x", crc.getValue()), f.get("crc32").asText(),
                        p + ": crc32");
                assertTrue(!f.has("sha256"), p + ": one checksum");
            } else {
                assertEquals(sha256(bytes), f.get("sha256").asText(), p + ": sha256");
            }
            long rows = dataLineCount(plain(p));
            assertEquals(rows, f.get("rows").asLong(), p + ": rows");
            if (path.startsWith("events/")) {
                eventRows += rows;
            }
        }
        assertEquals(eventRows, manifest.get("event_rows").asLong(), "event_rows vs the event files' rows");
        assertTrue(Files.isRegularFile(dir.resolve("_SUCCESS")));
        return manifest;
    }

    /** No _SUCCESS, no manifest, no hidden or temporary file: what an interrupted or failed run must leave. */
    public static void assertNoTraceOfCompletion(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        assertFalse(Files.exists(dir.resolve("_SUCCESS")), "_SUCCESS after a failed run: " + listing(dir));
        assertFalse(Files.exists(dir.resolve("manifest.json")), "manifest.json after a failed run: " + listing(dir));
        assertEquals(List.of(), leftovers(dir), "temporary files left behind");
    }

    /** Lines after the header, counted on the bytes. */
    private static long dataLineCount(byte[] csv) {
        long lines = 0;
        for (byte b : csv) {
            if (b == '\n') {
                lines++;
            }
        }
        return Math.max(0, lines - 1);
    }
}
