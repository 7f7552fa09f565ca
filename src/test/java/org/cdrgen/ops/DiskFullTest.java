package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.drop.DropLayout;
import org.cdrgen.drop.Compression;
import org.cdrgen.drop.Manifest;
import org.cdrgen.drop.OutputFile;
import org.cdrgen.run.GenerationRun;
import org.cdrgen.run.Progress;
import org.cdrgen.run.RunSettings;
import org.cdrgen.run.Shard;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A full disk fails the run cleanly: an IOException, no manifest, no _SUCCESS, no temporary file. On an
 * in-memory Jimfs file system with a size limit (always), and on a small real file system (when CI mounts
 * one at $CDRGEN_SMALL_FS) through the CLI: exit 1 and one line naming the path.
 */
class DiskFullTest {
    static final int BLOCK = 8192;
    static final ProfileLoader.Loaded PROFILE = new ProfileLoader().loadBuiltIn();
    static final GenerationRun.OutputPolicy NO_SPACE_CHECK = new GenerationRun.OutputPolicy(false, false);

    @TempDir
    Path tmp;

    static RunSettings settings(Path out, int subscribers) {
        return new RunSettings(subscribers, 1, LocalDate.parse(Cli.START), Long.parseLong(Cli.SEED), 2, out,
                128L << 20, Compression.NONE, PROFILE, RunSettings.DEFAULT_CHUNK_SUBSCRIBERS, Shard.WHOLE);
    }

    static FileSystem jimfs(long maxBytes) {
        return Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(BLOCK).setMaxSize(maxBytes).build());
    }

    /** Jimfs throws a plain IOException("out of disk space") when a write needs a block it does not have. */
    static IOException runUntilFull(RunSettings settings) {
        // The space check would refuse these runs up front; here the disk must really fill.
        return assertThrows(IOException.class, () -> new GenerationRun(settings, Progress.NONE, NO_SPACE_CHECK).run(),
                "the run must fail on a full disk");
    }

    @Test
    void aFullDiskFailsTheRunAndLeavesNoTraceOfCompletion() throws IOException {
        try (FileSystem fs = jimfs(2_000_000)) {
            Path out = fs.getPath("/data/drop");
            // ~4 MB of events for 1,000 subscriber-days: far above the 2 MB disk.
            IOException e = runUntilFull(settings(out, 1000));
            assertTrue(String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("space"), e.toString());
            Drops.assertNoTraceOfCompletion(out);
            assertFalse(Files.exists(out), "the failed run removed what it wrote, and the directory it created");
        }
    }

    /** Compressed files fail the same way; closing a compressor over a full disk must not mask the error. */
    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
    void aFullDiskFailsACompressedRunCleanly(Compression compression) throws IOException {
        try (FileSystem fs = jimfs(300_000)) {
            Path out = fs.getPath("/drop");
            RunSettings s = settings(out, 1500);
            RunSettings compressed = new RunSettings(s.subscribers(), s.days(), s.startDate(), s.seed(), s.threads(),
                    out, s.maxFileBytes(), compression, s.profile(), s.chunkSubscribers(), s.shard());
            IOException e = runUntilFull(compressed);
            assertTrue(String.valueOf(e.getMessage()).contains("space"), e.toString());
            Drops.assertNoTraceOfCompletion(out);
        }
    }

    /**
     * The disk holds exactly the data files, so the first write that fails is the manifest's. The manifest is
     * written under a temporary name like every other file; that name must not survive the failure either.
     */
    @Test
    void aDiskThatFillsAtTheManifestLeavesNoTemporaryManifest() throws Exception {
        List<OutputFile> files;
        try (FileSystem roomy = jimfs(64L << 20)) {
            Path out = roomy.getPath("/drop");
            files = new GenerationRun(settings(out, 300), Progress.NONE).run().files();
            assertTrue(Files.isRegularFile(out.resolve(DropLayout.MANIFEST)));
        }
        long blocks = 1; // the run's lock file, which lists the files as they are created
        for (OutputFile f : files) {
            blocks += (f.bytes() + BLOCK - 1) / BLOCK;
        }
        try (FileSystem exact = jimfs(blocks * BLOCK)) {
            Path out = exact.getPath("/drop");
            IOException e = runUntilFull(settings(out, 300));
            assertTrue(String.valueOf(e.getMessage()).contains("space"), e.toString());
            assertTrue(e.getMessage().contains(DropLayout.MANIFEST), "the data files fit, the manifest did not: " + e);
            assertFalse(Files.exists(out), "the failed run removed its data files, its temporary manifest and"
                    + " the directory it created");
        }
    }

    /**
     * A real ENOSPC from the kernel, without root: the temporary name cdrgen writes the next day's first part
     * under is a symbolic link to /dev/full (every write fails with "No space left on device").
     */
    @Test
    void aRealNoSpaceErrorExitsOneWithOneLineNamingThePath() throws IOException {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.exists(devFull) && noSpaceOn(devFull), "needs /dev/full");
        Path out = tmp.resolve("drop");
        Cli.generate(out, 50, 1);
        Path day = Files.createDirectories(out.resolve("events/date=2026-03-03"));
        Files.createSymbolicLink(day.resolve(".part-00000.csv.inprogress"), devFull);

        Cli.Result r = Cli.run("--subscribers", "50", "--days", "1", "--seed", Cli.SEED, "--start-date",
                "2026-03-03", "--quiet", "--force", "--output-dir", out.toString());
        assertEquals(1, r.exit(), r.describe());
        assertEquals(1, r.errLines().size(), "one line: " + r.describe());
        assertTrue(r.err().contains("No space left on device"), r.describe());
        Drops.assertNoTraceOfCompletion(out);
        assertEquals(List.of(), Drops.leftovers(out));
        assertTrue(r.err().contains(out.toString()), "the line names the file that could not be written: "
                + r.describe());
    }

    @Test
    void aSmallRealFileSystemFillsUp() throws IOException {
        String small = System.getenv("CDRGEN_SMALL_FS");
        assumeTrue(small != null && !small.isBlank() && Files.isDirectory(Path.of(small)),
                "CDRGEN_SMALL_FS does not point to a small file system (CI mounts a 4 MB tmpfs there as root)");
        Path out = Path.of(small).resolve("cdrgen-ops-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            // ~8 MB of events: twice the 4 MB file system. The space check sees it coming...
            String[] run = {"--subscribers", "2000", "--days", "1", "--seed", Cli.SEED, "--start-date", Cli.START,
                "--quiet", "--output-dir", out.toString()};
            Cli.Result refused = Cli.run(run);
            assertEquals(2, refused.exit(), refused.describe());
            assertTrue(refused.err().contains("not enough space"), refused.describe());
            assertFalse(Files.exists(out), "a refused run writes nothing");
            // ...and without it the disk really fills.
            Cli.Result r = Cli.run(Stream.concat(Stream.of(run), Stream.of("--no-space-check")).toArray(String[]::new));
            assertEquals(1, r.exit(), r.describe());
            assertEquals(1, r.errLines().size(), "one line on stderr: " + r.describe());
            assertEquals("", r.systemErr(), "--quiet: no log lines");
            Drops.assertNoTraceOfCompletion(out);
            assertTrue(r.err().contains("No space left on device"), r.describe());
            assertTrue(r.err().contains(out.toString()), "the line names the path: " + r.describe());
        } finally {
            deleteTree(out);
        }
    }

    private static boolean noSpaceOn(Path device) {
        try (OutputStream o = Files.newOutputStream(device)) {
            o.write(new byte[1]);
            o.flush();
            return false;
        } catch (IOException e) {
            return String.valueOf(e.getMessage()).contains("No space left on device");
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
