package org.cdrgen.drop;

import org.cdrgen.drop.OutputFile;
import org.cdrgen.drop.Manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** manifest.json is written by hand; it must be the JSON Jackson would write, and read back the same. */
class ManifestTest {
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static Manifest manifest(List<OutputFile> files, String source) {
        return new Manifest("1.2.3", 1, -42L, "2026-03-02", 7, 100_000, "2/3", 33_334, 66_667, "default-2025",
                source, "ab".repeat(32), 134_217_728L, source == null ? "none" : "gzip", source == null ? null : 1,
                123_456_789_012L, files);
    }

    @Test
    void sameBytesAsJacksonsPrettyPrinter() throws Exception {
        List<OutputFile> files = List.of(
                new OutputFile("events/date=2026-03-02/part-00000.csv.gz", 10, 2048, "cd".repeat(32)),
                new OutputFile("subscribers.csv.gz", 100_000, 1, "ef".repeat(32)),
                new OutputFile("cells.csv.gz", 7, 99, org.cdrgen.drop.FileChecksum.CRC32, "0a1b2c3d"));
        String oddSource = "C:\\profiles\\\"mine\"\t\u0001\n\u00e9.yaml";
        for (Manifest m : List.of(manifest(files, "built-in profile"), manifest(List.of(), oddSource),
                manifest(files.subList(0, 1), null))) {
            assertEquals(JACKSON.writeValueAsString(m), m.toJson());
        }
    }

    @Test
    void readsBackWhatItWrites(@TempDir Path dir) throws Exception {
        Manifest m = manifest(List.of(new OutputFile("cells.csv", 654, 28_656, "01".repeat(32))), "x \"y\"");
        m.writeTo(dir);
        assertEquals(m, Manifest.readFrom(dir));
        assertEquals(1, Manifest.readFrom(dir).compressionLevel());
    }

    /** A plain drop's manifest, like every manifest from before issue 16, has no compression_level. */
    @Test
    void aManifestWithoutCompressionLevelReadsBack(@TempDir Path dir) throws Exception {
        Manifest m = manifest(List.of(new OutputFile("cells.csv", 654, 28_656, "01".repeat(32))), null);
        m.writeTo(dir);
        assertFalse(m.toJson().contains("compression_level"), m.toJson());
        assertEquals(m, Manifest.readFrom(dir));
        assertNull(Manifest.readFrom(dir).compressionLevel());
    }
}
