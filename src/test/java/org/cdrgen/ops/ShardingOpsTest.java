package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * --shard I/N: N shards, each in its own directory, hold exactly the rows of the full run. 2,100 subscribers
 * in chunks of 1,000 put the shard boundaries (700, 1,400) inside chunks, not on chunk boundaries.
 */
class ShardingOpsTest {
    static final int SUBSCRIBERS = 2100;
    static final int N = 3;

    @TempDir
    static Path tmp;
    static Path full;
    static List<Path> shards = new ArrayList<>();

    @BeforeAll
    static void generate() {
        full = tmp.resolve("full");
        Cli.generate(full, SUBSCRIBERS, 2, "--max-file-size", "2MiB");
        for (int i = 1; i <= N; i++) {
            Path dir = tmp.resolve("shard" + i);
            Cli.generate(dir, SUBSCRIBERS, 2, "--max-file-size", "2MiB", "--shard", i + "/" + N);
            shards.add(dir);
        }
    }

    /** Event rows per day ("2026-03-02" -> rows of all its parts). */
    static TreeMap<String, List<String>> rowsByDay(Path drop) {
        TreeMap<String, List<String>> days = new TreeMap<>();
        for (String f : Drops.files(drop)) {
            if (f.startsWith("events/")) {
                String day = f.substring("events/date=".length(), f.indexOf('/', "events/".length()));
                days.computeIfAbsent(day, k -> new ArrayList<>()).addAll(Drops.rows(drop.resolve(f)));
            }
        }
        return days;
    }

    @Test
    void theShardsTogetherHoldExactlyTheRowsOfTheFullRun() {
        TreeMap<String, List<String>> expected = rowsByDay(full);
        TreeMap<String, List<String>> union = new TreeMap<>();
        for (Path shard : shards) {
            rowsByDay(shard).forEach((day, rows) -> union.computeIfAbsent(day, k -> new ArrayList<>()).addAll(rows));
        }
        assertEquals(expected.keySet(), union.keySet());
        for (String day : expected.keySet()) {
            List<String> want = new ArrayList<>(expected.get(day));
            List<String> got = new ArrayList<>(union.get(day));
            assertEquals(want.size(), got.size(), day + ": row count of the shards vs the full run");
            want.sort(null);
            got.sort(null);
            assertEquals(want, got, day + ": rows of the shards vs the full run (as multisets)");
        }
        long shardRows = 0;
        for (Path shard : shards) {
            shardRows += Drops.manifest(shard).get("event_rows").asLong();
        }
        assertEquals(Drops.manifest(full).get("event_rows").asLong(), shardRows);
    }

    @Test
    void theShardsSubscribersConcatenatedAreTheFullSubscribers() {
        List<String> concatenated = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            concatenated.addAll(Drops.rows(shards.get(i - 1).resolve("subscribers-shard-" + i + "-of-" + N + ".csv")));
        }
        assertEquals(Drops.rows(full.resolve("subscribers.csv")), concatenated);
    }

    @Test
    void fileNamesCarryTheShardSoShardsNeverCollide() {
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= N; i++) {
            Path shard = shards.get(i - 1);
            String tag = "-shard-" + i + "-of-" + N;
            for (String f : Drops.files(shard)) {
                if (f.equals("cells.csv")) {
                    // untagged, but the same in every shard: copying shards together loses nothing
                    assertArrayEquals(Drops.read(full.resolve(f)), Drops.read(shard.resolve(f)), "cells.csv");
                    continue;
                }
                if (f.equals("manifest.json") || f.equals("_SUCCESS")) {
                    continue;
                }
                assertTrue(f.endsWith(tag + ".csv"), f + " does not carry " + tag);
                assertTrue(seen.add(f), f + " is written by two shards");
            }
            assertTrue(Files.isRegularFile(shard.resolve("events/date=2026-03-02/part-00000" + tag + ".csv")));
            assertTrue(Files.isRegularFile(shard.resolve("subscribers" + tag + ".csv")));
            Drops.assertManifestMatches(shard);
            assertEquals(0, Cli.run("verify", shard.toString()).exit());
        }
    }

    @Test
    void eachManifestSaysWhichShardItIs() {
        for (int i = 1; i <= N; i++) {
            JsonNode m = Drops.manifest(shards.get(i - 1));
            assertEquals(i + "/" + N, m.get("shard").asText());
            assertEquals(SUBSCRIBERS * (i - 1) / N, m.get("first_subscriber").asInt());
            assertEquals(SUBSCRIBERS * i / N, m.get("end_subscriber").asInt());
            assertEquals(SUBSCRIBERS, m.get("subscribers").asInt(), "the population, not the shard's share");
            long subscriberRows = 0;
            for (JsonNode f : m.get("files")) {
                if (f.get("path").asText().startsWith("subscribers")) {
                    subscriberRows += f.get("rows").asLong();
                }
            }
            // The shard's lines' versions: one or more per line with a holder, none for a line without.
            assertTrue(subscriberRows > 0.8 * SUBSCRIBERS / N && subscriberRows < 1.2 * SUBSCRIBERS / N,
                    "subscriber rows of shard " + i + ": " + subscriberRows);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/3", "4/3", "1/0", "abc", "1/", "/3", "-1/3", "1/3/3"})
    void anInvalidShardIsBadInput(String shard) {
        Path dir = tmp.resolve("bad-" + shard.replace('/', '_'));
        Cli.Result r = Cli.run("--subscribers", "100", "--seed", Cli.SEED, "--start-date", Cli.START,
                "--shard", shard, "--output-dir", dir.toString());
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("--shard"), r.describe());
        assertFalse(Files.exists(dir), "bad input wrote something");
    }
}
