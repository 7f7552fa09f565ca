package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdrgen.output.EventSchema;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.cdrgen.testing.Drops.Violations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --max-file-size: event files rotate before a row would take them past the limit, and no row is lost. */
class RotationTest {
    static final String HEADER = String.join(",", EventSchema.COLUMNS) + "\n";

    @TempDir
    Path tmp;

    private Path generate(String name, String... extra) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("--subscribers", "1000", "--days", "2", "--start-date",
                "2026-03-02", "--seed", "5", "--threads", "2", "--output-dir", out.toString()));
        args.addAll(List.of(extra));
        Cli.ok(args.toArray(String[]::new));
        return out;
    }

    @Test
    void smallLimitGivesSeveralFullPartsWithTheSameRowsInTheSameOrder() throws Exception {
        long limit = 64 * 1024;
        Path whole = generate("whole");
        Path rotated = generate("rotated", "--max-file-size", "64KiB");
        TreeMap<String, List<Path>> wholeDays = Drops.eventFilesByDay(whole);
        TreeMap<String, List<Path>> rotatedDays = Drops.eventFilesByDay(rotated);
        assertEquals(List.of("2026-03-02", "2026-03-03"), new ArrayList<>(rotatedDays.keySet()));
        assertEquals(wholeDays.keySet(), rotatedDays.keySet());

        Violations v = new Violations("rotated parts");
        for (Map.Entry<String, List<Path>> day : rotatedDays.entrySet()) {
            List<Path> parts = day.getValue();
            assertTrue(parts.size() > 3, day.getKey() + ": expected several parts, got " + parts);
            List<String> concatenated = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Path part = parts.get(i);
                String name = part.getFileName().toString();
                int index = i;
                v.check(name.equals(String.format("part-%05d.csv", i)), () -> "part " + index + " is named " + name);
                long size = Files.size(part);
                v.check(size <= limit, () -> part + " has " + size + " bytes, more than the limit " + limit);
                String text = Files.readString(part, StandardCharsets.UTF_8);
                v.check(text.startsWith(HEADER), () -> part + " does not start with the header");
                List<String> rows = Drops.rows(part);
                v.check(!rows.isEmpty(), () -> part + " has no rows");
                concatenated.addAll(rows);
                if (i + 1 < parts.size()) {
                    // The writer starts a new file only when the next row would not fit.
                    List<String> next = Drops.rows(parts.get(i + 1));
                    if (!next.isEmpty()) {
                        long nextRow = next.get(0).getBytes(StandardCharsets.UTF_8).length + 1;
                        v.check(size + nextRow > limit, () -> part + " was closed at " + size
                                + " bytes although the next row (" + nextRow + " bytes) would have fit");
                    }
                }
            }
            List<String> expected = new ArrayList<>();
            for (Path p : wholeDays.get(day.getKey())) {
                expected.addAll(Drops.rows(p));
            }
            assertEquals(expected.size(), concatenated.size(), day.getKey() + ": row count with and without rotation");
            assertEquals(expected, concatenated, day.getKey() + ": rows lost, duplicated or reordered by rotation");
        }
        v.assertNone();

        // The dimension files do not rotate and do not change.
        for (String file : List.of("subscribers.csv", "cells.csv")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(file)), Files.readAllBytes(rotated.resolve(file)), file);
        }
        assertManifestMatchesFiles(rotated, limit);
        assertManifestMatchesFiles(whole, 128L * 1024 * 1024);
    }

    @Test
    void theMinimumLimitOf4KiBIsAccepted() throws Exception {
        Path out = tmp.resolve("min");
        Cli.ok("--subscribers", "50", "--days", "1", "--start-date", "2026-03-02", "--seed", "5",
                "--max-file-size", "4KiB", "--output-dir", out.toString());
        List<Path> parts = Drops.eventFilesByDay(out).get("2026-03-02");
        assertTrue(parts.size() > 5, "parts: " + parts.size());
        for (Path part : parts) {
            assertTrue(Files.size(part) <= 4096, part + ": " + Files.size(part));
            assertTrue(!Drops.rows(part).isEmpty(), part + " has no rows");
        }
        assertManifestMatchesFiles(out, 4096);
    }

    /** A day without any event still gets one part: the header alone. */
    @Test
    void aDayWithoutEventsHasOneHeaderOnlyPart() throws Exception {
        Path config = tmp.resolve("silent.yaml");
        Files.writeString(config, "voice:\n  mo_calls_per_day: 0\n  mt_off_net_calls_per_day: 0\n"
                + "sms:\n  mo_per_day: 0\n  mt_off_net_per_day: 0\n" + "data:\n  sessions_per_day: 0\n");
        Path out = tmp.resolve("silent");
        Cli.ok("--subscribers", "20", "--days", "2", "--start-date", "2026-03-02", "--seed", "5",
                "--max-file-size", "4KiB", "--config", config.toString(), "--output-dir", out.toString());
        TreeMap<String, List<Path>> days = Drops.eventFilesByDay(out);
        assertEquals(List.of("2026-03-02", "2026-03-03"), new ArrayList<>(days.keySet()));
        for (List<Path> parts : days.values()) {
            assertEquals(1, parts.size(), "parts: " + parts);
            assertEquals(HEADER, Files.readString(parts.get(0)));
        }
        assertManifestMatchesFiles(out, 4096);
    }

    static void assertManifestMatchesFiles(Path out, long limit) {
        JsonNode manifest = Drops.assertManifestMatches(out);
        assertEquals(limit, manifest.get("max_file_bytes").asLong(), "max_file_bytes");
    }
}
