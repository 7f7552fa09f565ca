package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, config, version and options give the same bytes, whatever --threads says (schema: "File
 * boundaries and contents depend only on seed, config, version and options, never on --threads").
 */
class DeterminismTest {
    @TempDir
    Path tmp;

    private static String[] args(Path out, long seed, int threads, String maxFileSize) {
        return new String[] {"--subscribers", "1500", "--days", "3", "--start-date", "2026-03-02",
            "--seed", Long.toString(seed), "--threads", Integer.toString(threads),
            "--max-file-size", maxFileSize, "--output-dir", out.toString()};
    }

    private TreeMap<String, byte[]> generate(String name, long seed, int threads, String maxFileSize) {
        Path out = tmp.resolve(name);
        Cli.ok(args(out, seed, threads, maxFileSize));
        return Drops.contents(out);
    }

    @Test
    void threadCountNeverChangesAnyFileOrFileBoundary() {
        // 1 MiB files: each day is rotated into several parts, so the cut points are compared too.
        TreeMap<String, byte[]> one = generate("t1", 42, 1, "1MiB");
        TreeMap<String, byte[]> three = generate("t3", 42, 3, "1MiB");
        TreeMap<String, byte[]> seven = generate("t7", 42, 7, "1MiB");

        assertTrue(one.containsKey("cells.csv") && one.containsKey("subscribers.csv")
                && one.containsKey("manifest.json"), "dimension files and manifest: " + one.keySet());
        long dayParts = one.keySet().stream().filter(p -> p.startsWith("events/date=2026-03-02/")).count();
        assertTrue(dayParts > 1, "the 1MiB limit should rotate a day into several parts: " + one.keySet());

        assertSameTree(one, three, "--threads 1 vs --threads 3");
        assertSameTree(one, seven, "--threads 1 vs --threads 7");
    }

    @Test
    void threadCountNeverChangesOutputAtTheDefaultFileSize() {
        TreeMap<String, byte[]> one = generate("t1", 7, 1, "128MiB");
        TreeMap<String, byte[]> two = generate("t2", 7, 2, "128MiB");
        TreeMap<String, byte[]> seven = generate("t7", 7, 7, "128MiB");
        TreeMap<String, byte[]> many = generate("t64", 7, 64, "128MiB");
        assertSameTree(one, two, "--threads 1 vs --threads 2");
        assertSameTree(one, seven, "--threads 1 vs --threads 7");
        assertSameTree(one, many, "--threads 1 vs --threads 64");
    }

    @Test
    void aDrawnSeedIsLoggedAndWrittenSoTheRunCanBeRepeated() throws Exception {
        Path first = tmp.resolve("drawn");
        Cli.Result run = Cli.ok("--subscribers", "300", "--start-date", "2026-03-02", "--output-dir",
                first.toString());
        String manifest = Files.readString(first.resolve("manifest.json"));
        Matcher seed = Pattern.compile("\"seed\" : (-?\\d+)").matcher(manifest);
        assertTrue(seed.find(), "manifest holds the seed: " + manifest);
        assertTrue(run.stderr().contains("--seed " + seed.group(1)), "the drawn seed is logged: " + run.stderr());
        Path again = tmp.resolve("repeated");
        Cli.ok("--subscribers", "300", "--start-date", "2026-03-02", "--seed", seed.group(1), "--output-dir",
                again.toString());
        TreeMap<String, byte[]> repeated = Drops.contents(again);
        TreeMap<String, byte[]> original = Drops.contents(first);
        for (String file : original.keySet()) {
            if (file.startsWith("events/") || file.equals("subscribers.csv") || file.equals("cells.csv")) {
                assertArrayEquals(original.get(file), repeated.get(file), file + " differs when repeated");
            }
        }
    }

    @Test
    void differentSeedGivesDifferentEventFiles() {
        TreeMap<String, byte[]> a = generate("seed42", 42, 2, "128MiB");
        TreeMap<String, byte[]> b = generate("seed43", 43, 2, "128MiB");
        List<String> eventFiles = a.keySet().stream().filter(p -> p.startsWith("events/")).toList();
        assertEquals(3, eventFiles.size(), "one part per day at the default size: " + a.keySet());
        for (String file : eventFiles) {
            assertTrue(b.containsKey(file), "seed 43 lacks " + file);
            assertFalse(Arrays.equals(a.get(file), b.get(file)), file + " is identical for seeds 42 and 43");
        }
        assertFalse(Arrays.equals(a.get("subscribers.csv"), b.get("subscribers.csv")),
                "subscribers.csv is identical for seeds 42 and 43");
    }

    static void assertSameTree(TreeMap<String, byte[]> expected, TreeMap<String, byte[]> actual, String what) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), what + ": file lists differ");
        for (String file : expected.keySet()) {
            assertArrayEquals(expected.get(file), actual.get(file), what + ": " + file + " differs");
        }
    }
}
