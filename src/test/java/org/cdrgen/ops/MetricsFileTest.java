package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --metrics-file through the real CLI: one JSON object that agrees with manifest.json, or a refusal up front. */
class MetricsFileTest {
    @TempDir
    Path tmp;

    private static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    /**
     * Under --quiet (no debug logging, so the CPU split is kept for the metrics alone) and a German default
     * locale (a decimal comma would make the numbers invalid JSON).
     */
    @Test
    void aRunWritesItsMetricsConsistentWithTheManifest() throws IOException {
        Path drop = tmp.resolve("drop");
        Path metrics = Files.createDirectories(tmp.resolve("metrics")).resolve("run.json");
        Files.writeString(metrics, "stale"); // replaced, not appended to
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Cli.generate(drop, 300, 2, "--threads", "2", "--max-file-size", "256KiB", "--metrics-file",
                    metrics.toString());
        } finally {
            Locale.setDefault(saved);
        }
        JsonNode m = readJson(metrics);
        JsonNode manifest = Drops.assertManifestMatches(drop); // the metrics file is not part of the drop

        long bytes = 0;
        long eventFiles = 0;
        for (JsonNode f : manifest.get("files")) {
            bytes += f.get("bytes").asLong();
            eventFiles += f.get("path").asText().startsWith("events/") ? 1 : 0;
        }
        assertEquals(manifest.get("event_rows").asLong(), m.get("rows").asLong(), "rows vs manifest event_rows");
        assertEquals(bytes, m.get("bytes").asLong(), "bytes vs the manifest's files");
        assertEquals(manifest.get("files").size(), m.get("files").asInt(), "files vs the manifest's files");
        assertEquals(eventFiles, m.get("event_files").asLong());
        assertTrue(eventFiles > 2, "rotation at 256KiB gives several event files: " + m);
        assertEquals(600, m.get("subscriber_days").asLong());
        assertEquals(2, m.get("threads").asInt());

        double elapsed = m.get("elapsed_s").asDouble();
        assertTrue(elapsed > 0, m.toString());
        assertEquals(m.get("rows").asDouble() / elapsed, m.get("rows_per_s").asDouble(),
                m.get("rows_per_s").asDouble() * 0.01 + 1, "rows_per_s = rows / elapsed_s");
        assertEquals(bytes / elapsed, m.get("bytes_per_s").asDouble(), bytes / elapsed * 0.01 + 1,
                "bytes_per_s = bytes / elapsed_s");
        for (String cpu : List.of("workers_cpu_s", "writer_cpu_s", "jit_cpu_s", "gc_pause_s", "process_cpu_s")) {
            assertTrue(m.get(cpu).isNumber() && m.get(cpu).asDouble() >= 0, cpu + " measured without -v: " + m);
        }
        assertTrue(m.get("workers_cpu_s").asDouble() > 0, "the workers did the generating: " + m);
        assertTrue(m.get("process_cpu_s").asDouble() >= m.get("workers_cpu_s").asDouble(),
                "the process's CPU time includes the workers': " + m);
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertTrue(m.get("peak_rss_bytes").asLong() > 1 << 20, "peak RSS from VmHWM: " + m);
        }
        assertEquals(List.of("run.json"), Drops.files(metrics.getParent()), "no temporary file beside it");
    }

    private static Cli.Result runWithMetricsFile(Path drop, String metricsFile) {
        return Cli.run("--subscribers", "50", "--seed", Cli.SEED, "--start-date", Cli.START, "--quiet",
                "--output-dir", drop.toString(), "--metrics-file", metricsFile);
    }

    private static void assertRefusedUpFront(Cli.Result r, Path drop, String... words) {
        assertEquals(2, r.exit(), r.describe());
        assertEquals(1, r.errLines().size(), "one line: " + r.describe());
        assertTrue(r.err().contains("--metrics-file"), r.describe());
        for (String word : words) {
            assertTrue(r.err().contains(word), "'" + word + "' in: " + r.describe());
        }
        assertFalse(r.err().contains("Exception"), r.describe());
        assertFalse(Files.exists(drop), "nothing generated: " + r.describe());
    }

    @Test
    void aDirectoryIsRefusedBeforeTheRun() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("reports"));
        Path drop = tmp.resolve("drop");
        assertRefusedUpFront(runWithMetricsFile(drop, dir.toString()), drop, dir.toString(), "is a directory");
        assertEquals(List.of(), Drops.listing(dir), "nothing left in the directory");
    }

    @Test
    void aMissingDirectoryIsRefusedBeforeTheRun() {
        Path missing = tmp.resolve("no-such-dir").resolve("run.json");
        Path drop = tmp.resolve("drop");
        assertRefusedUpFront(runWithMetricsFile(drop, missing.toString()), drop, "does not exist");
    }

    /** /proc/self takes no new file, not even from root, whom permission bits would let through. */
    @Test
    void anUnwritablePlaceIsRefusedBeforeTheRun() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        Path drop = tmp.resolve("drop");
        assertRefusedUpFront(runWithMetricsFile(drop, "/proc/self/cdrgen-metrics.json"), drop, "cannot write in",
                "/proc/self");
    }

    @Test
    void withoutTheOptionNothingButTheDropIsWritten() {
        Path drop = tmp.resolve("drop");
        Cli.generate(drop, 50, 1);
        TreeSet<String> top = new TreeSet<>(Drops.listing(tmp));
        assertTrue(top.stream().allMatch(p -> p.startsWith("drop/")), "only the drop: " + top);
    }
}
