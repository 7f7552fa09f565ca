package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic publish: every file listed in manifest.json with true rows, bytes and SHA-256; _SUCCESS last. */
class AtomicPublishTest {
    @TempDir
    static Path tmp;
    static Path oneThread;
    static Path twoThreads;

    @BeforeAll
    static void generate() {
        oneThread = tmp.resolve("t1");
        twoThreads = tmp.resolve("t2");
        // ~0.8 MB per day at 256 KiB per part: several parts per day.
        Cli.generate(oneThread, 200, 2, "--max-file-size", "256KiB", "--threads", "1");
        Cli.generate(twoThreads, 200, 2, "--max-file-size", "256KiB", "--threads", "2");
    }

    @Test
    void manifestListsEveryFileWithItsRowsBytesAndSha256() throws java.io.IOException {
        JsonNode manifest = Drops.manifest(oneThread);
        List<String> listed = Drops.manifestPaths(manifest);
        assertTrue(listed.contains("cells.csv"), listed.toString());
        assertTrue(listed.contains("subscribers.csv"), listed.toString());
        TreeMap<String, List<String>> partsByDay = new TreeMap<>();
        for (String path : listed) {
            if (path.startsWith("events/")) {
                assertTrue(path.matches("events/date=\\d{4}-\\d{2}-\\d{2}/part-\\d{5}\\.csv"), path);
                partsByDay.computeIfAbsent(path.substring(0, path.lastIndexOf('/')), k -> new ArrayList<>()).add(path);
            }
        }
        assertEquals(List.of("events/date=2026-03-02", "events/date=2026-03-03"), List.copyOf(partsByDay.keySet()));
        for (List<String> parts : partsByDay.values()) {
            assertTrue(parts.size() >= 2, "expected rotation into several parts: " + parts);
            for (int i = 0; i < parts.size(); i++) {
                assertTrue(parts.contains(parts.get(0).replaceAll("part-\\d{5}", String.format("part-%05d", i))),
                        "parts are numbered 00000.. without gaps: " + parts);
            }
        }
        // Sizes, checksums and row counts recomputed here; and nothing present that the manifest does not list.
        Drops.assertManifestMatches(oneThread);

        long eventRows = 0;
        for (JsonNode f : manifest.get("files")) {
            if (f.get("path").asText().startsWith("events/")) {
                eventRows += f.get("rows").asLong();
            }
        }
        assertEquals(eventRows, manifest.get("event_rows").asLong(), "event_rows is the sum of the event files' rows");
        for (JsonNode f : manifest.get("files")) {
            if (f.get("path").asText().equals("subscribers.csv")) {
                // One row per version of a line's identity in the drop's days (the header is not a row).
                long lines = java.nio.file.Files.readAllLines(oneThread.resolve("subscribers.csv")).size();
                assertEquals(lines - 1, f.get("rows").asLong());
            }
        }
    }

    @Test
    void manifestSaysHowToRepeatTheRun() {
        JsonNode m = Drops.manifest(oneThread);
        assertEquals(Long.parseLong(Cli.SEED), m.get("seed").asLong());
        assertEquals(Cli.START, m.get("start_date").asText());
        assertEquals(2, m.get("days").asInt());
        assertEquals(200, m.get("subscribers").asInt());
        assertEquals("1/1", m.get("shard").asText());
        assertEquals(0, m.get("first_subscriber").asInt());
        assertEquals(200, m.get("end_subscriber").asInt());
        assertEquals("none", m.get("compression").asText());
        assertEquals(256 * 1024, m.get("max_file_bytes").asLong());
        String profileSha = m.get("profile_sha256").asText();
        assertTrue(profileSha.matches("[0-9a-f]{64}"), profileSha);
        assertEquals(new ProfileLoader().loadBuiltIn().sha256(), profileSha, "profile_sha256 of the built-in profile");
    }

    @Test
    void successMarkerIsEmptyAndWrittenLast() throws Exception {
        Path success = oneThread.resolve("_SUCCESS");
        assertTrue(Files.isRegularFile(success));
        assertEquals(0, Files.size(success), "_SUCCESS is empty");
        FileTime marker = Files.getLastModifiedTime(success);
        for (String f : Drops.files(oneThread)) {
            FileTime t = Files.getLastModifiedTime(oneThread.resolve(f));
            assertTrue(marker.compareTo(t) >= 0, "_SUCCESS (" + marker + ") is older than " + f + " (" + t + ")");
        }
    }

    @Test
    void noHiddenOrTemporaryFileRemains() {
        assertEquals(List.of(), Drops.leftovers(oneThread));
        assertEquals(List.of(), Drops.leftovers(twoThreads));
    }

    @Test
    void manifestIsByteIdenticalWhateverTheThreadCount() {
        assertArrayEquals(Drops.read(oneThread.resolve("manifest.json")),
                Drops.read(twoThreads.resolve("manifest.json")), "manifest.json differs between --threads 1 and 2");
    }
}
