package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * stats on what a drop directory may really hold: a decompression bomb of one line, rows of the wrong width,
 * a killed run's partial drop, a file the OS will not read. One line on stderr, the right exit code, no hang.
 */
class StatsHardeningTest {
    private static final String PART = "events/date=2026-03-02/part-00000.csv";
    private static final Path PROC_SELF_MEM = Path.of("/proc/self/mem");

    @TempDir
    static Path shared;
    static Path pristine;

    @TempDir
    Path tmp;
    private int copies;

    @BeforeAll
    static void generate() {
        pristine = shared.resolve("plain");
        Cli.generate(pristine, 100, 1);
    }

    /** A private copy of a pristine drop, so every test damages its own. */
    private Path copyOf(Path source) {
        return Drops.copyTree(source, tmp.resolve("drop-" + ++copies));
    }

    private static Cli.Result stats(Path dir) {
        return Cli.run("stats", dir.toString());
    }

    /** One line, "cdrgen stats: ...", no Java class name and no stack trace; nothing on stdout. */
    private static String oneLine(Cli.Result r) {
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), "one line: " + r.describe());
        String line = lines.get(0);
        assertTrue(line.startsWith("cdrgen stats: "), r.describe());
        for (String leak : List.of("Exception", "Error", "java.", "org.apache", "\tat ")) {
            assertFalse(line.contains(leak), "'" + leak + "' leaked: " + r.describe());
        }
        assertTrue(line.length() < 400, "a readable line: " + r.describe());
        assertEquals("", r.out(), r.describe());
        return line;
    }

    private static String header() throws IOException {
        return Files.readAllLines(pristine.resolve(PART)).get(0);
    }

    /**
     * 50 MB of 'a' after the header, gzipped to a few tens of KB: the old stats parsed it as one record of one
     * field and reported it with exit 0 (a longer one, or several, ran out of memory in a parser thread and
     * left stats waiting for ever).
     */
    @Test
    @Timeout(30)
    void aGzipFileOfOneEnormousLineFailsQuicklyWithOneLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bomb/events/date=2026-03-02"));
        Path part = dir.resolve("part-00000.csv.gz");
        byte[] as = new byte[1 << 16];
        Arrays.fill(as, (byte) 'a');
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(part), 1 << 16)) {
            out.write((header() + "\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 800; i++) {
                out.write(as);
            }
            out.write('\n');
        }
        Cli.Result r = stats(tmp.resolve("bomb"));
        assertEquals(2, r.exit(), r.describe());
        assertEquals("cdrgen stats: line 2 of " + part + " is longer than 1 MiB: not a cdrgen file", oneLine(r));
    }

    /**
     * Rows of ~1 MB (under the line limit, of the header's width) under a 32 MiB heap: a parser thread runs out
     * of memory. The old stats printed the thread's stack trace and then waited for ever for its records; now
     * the command ends with one line (the worker's "out of memory while reading FILE", or Main's if the main
     * thread is the one that runs out) and a non-zero exit. A child JVM, for its small heap.
     */
    @Test
    @Timeout(120)
    void aParserThreadOutOfMemoryEndsTheCommandWithOneLine() throws Exception {
        Path root = tmp.resolve("wide");
        Path dir = Files.createDirectories(root.resolve("events/date=2026-03-02"));
        String header = header();
        int columns = header.split(",", -1).length;
        String field = "a".repeat(1_000_000 / columns);
        byte[] row = (String.join(",", Collections.nCopies(columns, field)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int f = 0; f < 4; f++) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("part-0000" + f + ".csv.gz")))) {
                out.write((header + "\n").getBytes(StandardCharsets.US_ASCII));
                for (int r = 0; r < 12; r++) {
                    out.write(row);
                }
            }
        }
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                "org.cdrgen.cli.Main", "stats", root.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("stats still running after 60 s: " + Files.readString(stderr));
        }
        List<String> lines = Files.readAllLines(stderr).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(p.exitValue() != 0, "exit " + p.exitValue() + ": " + lines);
        assertEquals(1, lines.size(), "one line: " + lines);
        assertTrue(lines.get(0).startsWith("cdrgen"), lines.toString());
        assertFalse(lines.get(0).contains("Exception") || lines.get(0).contains("java."), lines.toString());
    }

    @Test
    void aRecordWithMissingFieldsIsBadInputNamingFileAndRecord() throws IOException {
        Path drop = copyOf(pristine);
        Path part = drop.resolve(PART);
        List<String> lines = Files.readAllLines(part);
        String row = lines.get(1);
        Files.writeString(part, row.substring(0, row.lastIndexOf(',')) + "\n", StandardOpenOption.APPEND);
        Cli.Result r = stats(drop);
        assertEquals(2, r.exit(), r.describe());
        int columns = lines.get(0).split(",", -1).length;
        assertEquals("cdrgen stats: " + part + ", record " + lines.size() + ": " + (columns - 1)
                + " fields where the header has " + columns, oneLine(r));
    }

    @Test
    void aRecordWithExtraFieldsIsBadInputNamingFileAndRecord() throws IOException {
        Path drop = copyOf(pristine);
        Path part = drop.resolve(PART);
        List<String> lines = Files.readAllLines(part);
        List<String> damaged = new ArrayList<>(lines);
        damaged.set(3, lines.get(3) + ",extra");
        Files.write(part, damaged);
        Cli.Result r = stats(drop);
        assertEquals(2, r.exit(), r.describe());
        int columns = lines.get(0).split(",", -1).length;
        assertEquals("cdrgen stats: " + part + ", record 3: " + (columns + 1) + " fields where the header has "
                + columns, oneLine(r));
    }

    @Test
    void aFinishedDropHasNoWarning() {
        Cli.Result r = stats(pristine);
        assertEquals(0, r.exit(), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    /** A run stopped between manifest.json and _SUCCESS (or a consumer that deleted the marker). */
    @Test
    void aDropWithoutSuccessMarkerIsReportedAfterAWarning() throws IOException {
        Path drop = copyOf(pristine);
        Files.delete(drop.resolve("_SUCCESS"));
        Cli.Result r = stats(drop);
        assertEquals(0, r.exit(), r.describe());
        assertEquals(List.of("cdrgen stats: warning: " + drop + " has no _SUCCESS: the drop may be partial (a run"
                + " still writing, or one that was stopped)"), r.errLines());
        assertTrue(r.out().startsWith("cdrgen stats: " + drop), r.describe());
    }

    /** A killed run: neither manifest.json nor _SUCCESS; or files in the layout that cdrgen never wrote. */
    @Test
    void aDirectoryWithoutManifestIsReportedAfterAWarning() throws IOException {
        Path drop = copyOf(pristine);
        Files.delete(drop.resolve("_SUCCESS"));
        Files.delete(drop.resolve("manifest.json"));
        Cli.Result r = stats(drop);
        assertEquals(0, r.exit(), r.describe());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), r.describe());
        assertTrue(lines.get(0).startsWith("cdrgen stats: warning: " + drop + " has no manifest.json: not a finished"
                + " cdrgen drop"), r.describe());
        assertTrue(r.out().startsWith("cdrgen stats: " + drop), r.describe());

        Path foreign = Files.createDirectories(tmp.resolve("foreign/events/date=2026-03-02"));
        Files.copy(drop.resolve(PART), foreign.resolve("part-00000.csv"));
        Cli.Result other = stats(tmp.resolve("foreign"));
        assertEquals(0, other.exit(), other.describe());
        assertTrue(other.err().contains("files written by another program"), other.describe());
    }

    /** Linux: reading /proc/self/mem from offset 0 fails with EIO, a read error even root gets. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aFileThatFailsToReadIsAnIoFailureNamingItAndTheReason() throws IOException {
        assumeTrue(Files.isRegularFile(PROC_SELF_MEM));
        Path drop = copyOf(pristine);
        Path part = drop.resolve(PART);
        Files.delete(part);
        Files.createSymbolicLink(part, PROC_SELF_MEM);
        Cli.Result r = stats(drop);
        assertEquals(1, r.exit(), r.describe());
        assertEquals("cdrgen stats: cannot read " + part + ": Input/output error", oneLine(r));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFileWithoutReadPermissionIsAnIoFailureSayingPermissionDenied() throws IOException {
        Path drop = copyOf(pristine);
        Path part = drop.resolve(PART);
        Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(part), "root reads whatever the permissions say");
        Cli.Result r = stats(drop);
        assertEquals(1, r.exit(), r.describe());
        assertEquals("cdrgen stats: cannot read " + part + ": permission denied", oneLine(r));
    }
}
