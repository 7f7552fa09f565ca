package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A non-empty output directory is refused unless --force, and --force removes only what cdrgen wrote. */
class SafeByDefaultTest {
    @TempDir
    Path tmp;

    private static String[] args(Path dir, String seed, String... extra) {
        List<String> a = new ArrayList<>(List.of("--subscribers", "120", "--days", "1", "--seed", seed,
                "--start-date", Cli.START, "--quiet", "--output-dir", dir.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** Listing, bytes and modification times: "nothing changed" means all three. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> state = new TreeMap<>();
        for (String entry : Drops.listing(dir)) {
            Path p = dir.resolve(entry);
            FileTime mtime = Files.getLastModifiedTime(p);
            state.put(entry, entry.endsWith("/") ? mtime.toString()
                    : Drops.sha256(Drops.read(p)) + " " + mtime);
        }
        return state;
    }

    @Test
    void anEarlierDropIsNotOverwrittenWithoutForce() throws IOException {
        Path dir = tmp.resolve("drop");
        Cli.generate(dir, 120, 2);
        Map<String, String> before = snapshot(dir);
        byte[] part = Drops.read(dir.resolve("events/date=2026-03-02/part-00000.csv"));

        Cli.Result r = Cli.run(args(dir, "5"));
        assertEquals(2, r.exit(), r.describe());
        assertEquals(1, r.errLines().size(), r.describe());
        assertTrue(r.err().contains("not empty") && r.err().contains("--force"), r.describe());
        assertEquals(before, snapshot(dir), "a refused run changed the directory");
        assertArrayEquals(part, Drops.read(dir.resolve("events/date=2026-03-02/part-00000.csv")));
    }

    @Test
    void aDirectoryWithSomeoneElsesFileIsRefused() throws IOException {
        Path dir = tmp.resolve("theirs");
        Files.createDirectories(dir.resolve("keep"));
        Files.writeString(dir.resolve("notes.txt"), "do not touch\n");
        Map<String, String> before = snapshot(dir);

        Cli.Result r = Cli.run(args(dir, "5"));
        assertEquals(2, r.exit(), r.describe());
        assertEquals(before, snapshot(dir));
    }

    @Test
    void forceReplacesAnEarlierDropAndKeepsTheUsersFiles() throws IOException {
        Path dir = tmp.resolve("drop");
        // The earlier drop differs in everything that shapes the file set: days, rotation, compression.
        Cli.generate(dir, 120, 3, "--max-file-size", "64KiB", "--compress", "gzip");
        Files.writeString(dir.resolve("notes.txt"), "my notes\n");
        Files.createDirectories(dir.resolve("mine/deeper"));
        Files.writeString(dir.resolve("mine/keep.csv"), "a,b\n1,2\n");
        Files.writeString(dir.resolve("mine/deeper/x.txt"), "x");
        Map<String, String> userBefore = new TreeMap<>(snapshot(dir));
        userBefore.keySet().removeIf(k -> !k.equals("notes.txt") && !k.startsWith("mine/"));

        Cli.Result r = Cli.run(args(dir, "6", "--force"));
        assertEquals(0, r.exit(), r.describe());

        assertEquals(6, Drops.manifest(dir).get("seed").asLong(), "the manifest is the new run's");
        assertEquals(1, Drops.manifest(dir).get("days").asInt());
        Cli.Result verify = Cli.run("verify", dir.toString());
        assertEquals(0, verify.exit(), verify.describe());

        Map<String, String> userAfter = new TreeMap<>(snapshot(dir));
        userAfter.keySet().removeIf(k -> !k.equals("notes.txt") && !k.startsWith("mine/"));
        assertEquals(userBefore, userAfter, "--force touched the user's own files");

        // Nothing of the earlier drop survives: only the new run's files and the user's.
        List<String> expected = new ArrayList<>(Drops.manifestPaths(Drops.manifest(dir)));
        expected.addAll(List.of("_SUCCESS", "manifest.json", "notes.txt", "mine/keep.csv", "mine/deeper/x.txt"));
        expected.sort(null);
        assertEquals(expected, Drops.files(dir));
        assertEquals(List.of("events/date=2026-03-02/"), Drops.listing(dir).stream()
                .filter(e -> e.startsWith("events/date=") && e.endsWith("/")).toList(), "day directories");

        // And the replaced drop is exactly what a run into a new directory writes.
        Path fresh = tmp.resolve("fresh");
        assertEquals(0, Cli.run(args(fresh, "6")).exit());
        TreeMap<String, byte[]> forced = Drops.contents(dir);
        forced.keySet().removeIf(k -> k.equals("notes.txt") || k.startsWith("mine/"));
        TreeMap<String, byte[]> freshFiles = Drops.contents(fresh);
        assertEquals(freshFiles.keySet(), forced.keySet());
        for (String f : freshFiles.keySet()) {
            assertArrayEquals(freshFiles.get(f), forced.get(f), f);
        }
    }

    @Test
    void forceOnAMissingOrEmptyDirectoryJustWorks() throws IOException {
        Path missing = tmp.resolve("a/b/new");
        Cli.Result r = Cli.run(args(missing, "7", "--force"));
        assertEquals(0, r.exit(), r.describe());
        assertEquals(0, Cli.run("verify", missing.toString()).exit());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        r = Cli.run(args(empty, "7", "--force"));
        assertEquals(0, r.exit(), r.describe());
        assertEquals(0, Cli.run("verify", empty.toString()).exit());
        assertArrayEquals(Drops.read(missing.resolve("manifest.json")), Drops.read(empty.resolve("manifest.json")));
    }
}
