package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * --compress gzip|zstd: every CSV file compressed, decompressing to exactly the uncompressed run's bytes;
 * rotation measured in uncompressed bytes; files that the system's gzip/zstd accept.
 */
class CompressionOpsTest {
    static final long LIMIT = 64 * 1024;

    @TempDir
    static Path tmp;
    static Path plain;

    @BeforeAll
    static void generatePlain() {
        plain = tmp.resolve("none");
        Cli.generate(plain, 150, 2, "--max-file-size", "64KiB");
    }

    @ParameterizedTest
    @CsvSource({"gzip, .gz", "zstd, .zst"})
    void compressedDropIsTheUncompressedDropCompressed(String codec, String suffix) {
        Path packed = tmp.resolve(codec);
        Cli.generate(packed, 150, 2, "--max-file-size", "64KiB", "--compress", codec);

        List<String> plainFiles = Drops.files(plain);
        List<String> expectedNames = new ArrayList<>();
        for (String f : plainFiles) {
            expectedNames.add(f.endsWith(".csv") ? f + suffix : f);
        }
        expectedNames.sort(null);
        assertEquals(expectedNames, Drops.files(packed), "every CSV file (events, subscribers, cells) gets " + suffix);

        int plainParts = 0;
        int packedParts = 0;
        for (String f : plainFiles) {
            if (!f.endsWith(".csv")) {
                continue;
            }
            byte[] unpacked = Drops.plain(packed.resolve(f + suffix));
            assertArrayEquals(Drops.read(plain.resolve(f)), unpacked, f + suffix + " vs " + f);
            if (f.startsWith("events/")) {
                plainParts++;
                packedParts++;
                assertTrue(unpacked.length <= LIMIT, f + suffix + ": " + unpacked.length
                        + " bytes decompressed, above --max-file-size 64KiB");
            }
        }
        assertTrue(plainParts >= 6, "rotation expected at 64 KiB: " + plainParts + " parts");
        assertEquals(plainParts, packedParts);

        JsonNode m = Drops.manifest(packed);
        assertEquals(codec, m.get("compression").asText());
        assertEquals(Drops.manifest(plain).get("event_rows").asLong(), m.get("event_rows").asLong());
        Drops.assertManifestMatches(packed);
        Cli.Result verify = Cli.run("verify", packed.toString());
        assertEquals(0, verify.exit(), verify.describe());
    }

    @ParameterizedTest
    @CsvSource({"gzip, .gz", "zstd, .zst"})
    void theSystemToolAcceptsEveryFile(String codec, String suffix) throws Exception {
        assumeTrue(onPath(codec), codec + " is not on PATH");
        Path packed = tmp.resolve(codec + "-tool");
        Cli.generate(packed, 60, 2, "--max-file-size", "16KiB", "--compress", codec);
        List<String> command = new ArrayList<>(List.of(codec, "-t", "-q"));
        for (String f : Drops.files(packed)) {
            if (f.endsWith(suffix)) {
                command.add(packed.resolve(f).toString());
            }
        }
        assertTrue(command.size() > 5, command.toString());
        // And a part of three 2 MiB blocks (three members or frames), which the tool must read as one file.
        Path big = tmp.resolve(codec + "-tool-blocks");
        Cli.generate(big, 2000, 1, "--compress", codec);
        Path part = big.resolve("events/date=" + Cli.START + "/part-00000.csv" + suffix);
        command.add(part.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), codec + " -t: " + output);

        Path plain = tmp.resolve(codec + "-tool-plain");
        Cli.generate(plain, 2000, 1);
        Process dc = new ProcessBuilder(codec, "-d", "-c", part.toString()).start();
        byte[] decompressed = dc.getInputStream().readAllBytes();
        assertTrue(dc.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, dc.exitValue(), codec + " -dc");
        byte[] expected = Files.readAllBytes(plain.resolve("events/date=" + Cli.START + "/part-00000.csv"));
        assertTrue(expected.length > 2 * (2 << 20), "a part of several blocks: " + expected.length + " bytes");
        assertTrue(java.util.Arrays.equals(expected, decompressed), codec + " -dc gives the plain part's bytes");
    }

    static boolean onPath(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
