package org.cdrgen.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import org.cdrgen.api.Cdrgen;
import org.cdrgen.drop.Compression;
import org.cdrgen.drop.Frames;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GenerationRun} driven directly with {@link RunSettings}: how work is cut never changes what is written. */
class GenerationRunTest {
    @TempDir
    Path tmp;

    private static RunSettings settings(Path out) {
        return Cdrgen.builder().subscribers(1500).days(2).startDate(LocalDate.of(2026, 3, 2)).seed(99).threads(3)
                .maxFileBytes(512 << 10).build().settings().withOutputDir(out);
    }

    private TreeMap<String, byte[]> run(String name, int chunkSubscribers) throws Exception {
        Path out = tmp.resolve(name);
        RunSettings s = settings(out).withChunkSubscribers(chunkSubscribers);
        assertEquals(chunkSubscribers, s.chunkSubscribers());
        GenerationRun.Result result = new GenerationRun(s, Progress.NONE).run();
        assertTrue(result.eventRows() > 0, "no event rows");
        return Drops.contents(out);
    }

    @Test
    void chunkSizeNeverChangesOutput() throws Exception {
        TreeMap<String, byte[]> standard = run("c1000", 1000);
        TreeMap<String, byte[]> odd = run("c137", 137);
        TreeMap<String, byte[]> whole = run("c5000", 5000);
        assertEquals(new ArrayList<>(standard.keySet()), new ArrayList<>(odd.keySet()), "file lists differ");
        for (String file : standard.keySet()) {
            assertArrayEquals(standard.get(file), odd.get(file), "chunk 1000 vs 137: " + file + " differs");
            assertArrayEquals(standard.get(file), whole.get(file), "chunk 1000 vs 5000: " + file + " differs");
        }
    }

    /**
     * Compressed files are cut into blocks by position in the file, so their bytes too are the same whatever
     * the chunk size and thread count (files of several blocks here: 8 MiB, blocks of 2 MiB).
     */
    @Test
    void compressedFilesAreTheSameWhateverTheChunksAndThreads() throws Exception {
        for (Compression compression : new Compression[] {Compression.GZIP, Compression.ZSTD}) {
            TreeMap<String, byte[]> drops = null;
            for (int[] cut : new int[][] {{1000, 3}, {137, 1}, {5000, 2}}) {
                Path out = tmp.resolve(compression + "-" + cut[0] + "-" + cut[1]);
                RunSettings s = Cdrgen.builder().subscribers(1500).days(1).startDate(LocalDate.of(2026, 3, 2)).seed(7)
                        .threads(cut[1]).maxFileBytes(8 << 20).compression(compression).build().settings()
                        .withOutputDir(out).withChunkSubscribers(cut[0]);
                new GenerationRun(s, Progress.NONE).run();
                TreeMap<String, byte[]> files = Drops.contents(out);
                if (drops == null) {
                    drops = files;
                    long big = 0;
                    for (var file : files.entrySet()) {
                        if (!file.getKey().endsWith(compression.suffix())) {
                            continue; // manifest.json, _SUCCESS
                        }
                        try (var in = compression.unwrap(new java.io.ByteArrayInputStream(file.getValue()))) {
                            big += in.readAllBytes().length > 2 * Frames.BLOCK_BYTES ? 1 : 0;
                        }
                    }
                    assertTrue(big > 0, "no file spans several blocks");
                    continue;
                }
                assertEquals(new ArrayList<>(drops.keySet()), new ArrayList<>(files.keySet()), "file lists differ");
                for (String file : drops.keySet()) {
                    assertArrayEquals(drops.get(file), files.get(file), compression + ", chunks of " + cut[0] + ", "
                            + cut[1] + " threads: " + file + " differs");
                }
            }
        }
    }

    @Test
    void resultCountsWhatWasWritten() throws Exception {
        Path out = tmp.resolve("counts");
        GenerationRun.Result result = new GenerationRun(settings(out), Progress.NONE).run();
        long rows = 0;
        for (var day : Drops.eventFilesByDay(out).values()) {
            for (Path part : day) {
                rows += Drops.rows(part).size();
            }
        }
        assertEquals(rows, result.eventRows());
        assertEquals(1500L * 2, result.subscriberDays());
    }
}
