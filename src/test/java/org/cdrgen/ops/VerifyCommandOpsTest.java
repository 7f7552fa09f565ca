package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cdrgen verify DIR: 0 and "OK" on a fresh drop, 1 naming each damaged file, 2 when DIR is not a drop. */
class VerifyCommandOpsTest {
    @TempDir
    static Path shared;
    static Path pristine;
    static Path pristineGzip;

    @TempDir
    Path tmp;
    private int copies;

    @BeforeAll
    static void generate() {
        pristine = shared.resolve("plain");
        pristineGzip = shared.resolve("gzip");
        Cli.generate(pristine, 100, 2, "--max-file-size", "64KiB");
        Cli.generate(pristineGzip, 100, 2, "--max-file-size", "64KiB", "--compress", "gzip");
    }

    /** A private copy of a pristine drop, so every test damages its own. */
    private Path copyOf(Path source) {
        return Drops.copyTree(source, tmp.resolve("drop-" + ++copies));
    }

    private static Cli.Result verify(Path dir) {
        return Cli.run("verify", dir.toString());
    }

    private static void assertNamesOnly(Cli.Result r, Path file, String what) {
        assertEquals(1, r.exit(), r.describe());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), "one problem, one line: " + r.describe());
        assertTrue(lines.get(0).contains(file.toString()), "names " + file + ": " + r.describe());
        assertTrue(lines.get(0).contains(what), "says '" + what + "': " + r.describe());
    }

    @Test
    void freshDropIsOk() {
        Cli.Result r = verify(copyOf(pristine));
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().contains("OK"), r.describe());
        assertEquals("", r.err());
        assertEquals(0, verify(copyOf(pristineGzip)).exit());
    }

    @Test
    void oneCorruptByteIsFoundBySha256() throws IOException {
        Path drop = copyOf(pristine);
        Path part = drop.resolve("events/date=2026-03-03/part-00001.csv");
        byte[] bytes = Files.readAllBytes(part);
        int middle = bytes.length / 2;
        bytes[middle] = (byte) (bytes[middle] == '7' ? '8' : '7'); // same size, same line count
        Files.write(part, bytes);
        assertNamesOnly(verify(drop), part, "SHA-256");
    }

    @Test
    void aDeletedFileIsMissing() throws IOException {
        Path drop = copyOf(pristine);
        Path part = drop.resolve("events/date=2026-03-02/part-00000.csv");
        Files.delete(part);
        assertNamesOnly(verify(drop), part, "missing");
    }

    @Test
    void anUnlistedPartIsNamed() throws IOException {
        Path drop = copyOf(pristine);
        Path extra = drop.resolve("events/date=2026-03-02/part-00099.csv");
        Files.copy(drop.resolve("events/date=2026-03-02/part-00000.csv"), extra);
        assertNamesOnly(verify(drop), extra, "not listed");
    }

    @Test
    void aLeftoverTemporaryFileIsNamed() throws IOException {
        Path drop = copyOf(pristine);
        Path temp = drop.resolve("events/date=2026-03-02/.part-00007.csv.inprogress");
        Files.writeString(temp, "record_id\n");
        assertNamesOnly(verify(drop), temp, "temporary");
    }

    @Test
    void aMissingSuccessMarkerFails() throws IOException {
        Path drop = copyOf(pristine);
        Files.delete(drop.resolve("_SUCCESS"));
        assertNamesOnly(verify(drop), drop.resolve("_SUCCESS"), "missing");
    }

    /**
     * --force keeps a user's own files (README); verify must then not reject the drop because of them. Here the
     * user keeps reference data in a sub-directory of theirs, with names that merely start like cdrgen's.
     */
    @Test
    void theUsersOwnFilesOutsideTheDropLayoutAreNotFlagged() throws IOException {
        Path drop = copyOf(pristine);
        Files.writeString(drop.resolve("notes.txt"), "mine\n");
        Files.createDirectories(drop.resolve("reference"));
        Files.copy(drop.resolve("subscribers.csv"), drop.resolve("reference/subscribers-2025.csv"));
        Files.copy(drop.resolve("cells.csv"), drop.resolve("reference/cells.csv.bak"));
        Cli.Result r = verify(drop);
        assertEquals(0, r.exit(), "files in the user's reference/ directory are not part of the drop: " + r.describe());
    }

    @Test
    void aTruncatedGzipFileFails() throws IOException {
        Path drop = copyOf(pristineGzip);
        Path part = drop.resolve("events/date=2026-03-02/part-00000.csv.gz");
        byte[] bytes = Files.readAllBytes(part);
        Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Cli.Result r = verify(drop);
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains(part.toString()), r.describe());
    }

    @Test
    void aDirectoryWithoutManifestIsNotADrop() throws IOException {
        Path drop = copyOf(pristine);
        Files.delete(drop.resolve("manifest.json"));
        Cli.Result r = verify(drop);
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("manifest.json"), r.describe());

        Cli.Result absent = verify(tmp.resolve("no-such-dir"));
        assertEquals(2, absent.exit(), absent.describe());
    }
}
