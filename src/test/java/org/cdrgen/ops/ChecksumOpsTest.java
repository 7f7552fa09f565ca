package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --checksum crc32: manifest.json gives each file its CRC-32 (as java.util.zip and Python's zlib.crc32 compute
 * it) instead of its SHA-256; the data files are the same bytes; verify checks it and catches a changed byte.
 */
class ChecksumOpsTest {
    @TempDir
    Path tmp;

    @Test
    void crc32ManifestsListTheFilesCrcAndVerifyCatchesAnyChangedByte() throws IOException {
        Path crc = tmp.resolve("crc");
        Path sha = tmp.resolve("sha");
        Cli.generate(crc, 300, 2, "--max-file-size", "64KiB", "--checksum", "crc32");
        Cli.generate(sha, 300, 2, "--max-file-size", "64KiB");
        JsonNode manifest = Drops.assertManifestMatches(crc); // each crc32 computed again by java.util.zip
        for (JsonNode f : manifest.get("files")) {
            assertTrue(f.get("crc32").asText().matches("[0-9a-f]{8}"), f.toString());
        }
        TreeMap<String, byte[]> a = Drops.contents(crc);
        TreeMap<String, byte[]> b = Drops.contents(sha);
        assertEquals(a.keySet(), b.keySet());
        for (String file : a.keySet()) {
            if (!file.equals("manifest.json")) {
                assertArrayEquals(b.get(file), a.get(file), file + ": the same bytes whatever the checksum");
            }
        }
        Cli.Result ok = Cli.run("verify", crc.toString());
        assertEquals(0, ok.exit(), ok.describe());

        // One byte changed in the middle of a part, with the same size: verify names the file and the CRC.
        String part = manifest.get("files").get(1).get("path").asText();
        Path file = crc.resolve(part);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        Cli.Result damaged = Cli.run("verify", crc.toString());
        assertEquals(1, damaged.exit(), damaged.describe());
        assertEquals(1, damaged.errLines().size(), damaged.describe());
        assertTrue(damaged.errLines().get(0).contains(part) && damaged.errLines().get(0).contains("CRC-32"),
                damaged.describe());
    }

    @Test
    void anUnknownChecksumIsRefusedInOneLine() {
        Cli.Result r = Cli.run("--subscribers", "10", "--seed", "1", "--start-date", "2026-03-02", "--output-dir",
                tmp.resolve("x").toString(), "--checksum", "md5");
        assertEquals(2, r.exit(), r.describe());
        assertEquals(1, r.errLines().size(), r.describe());
        assertTrue(r.err().contains("--checksum") && r.err().contains("md5"), r.describe());
        assertTrue(!Files.exists(tmp.resolve("x")), "nothing written");
    }
}
