package org.cdrgen.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * manifest.json: how to repeat the run (version, seed, dates, size, profile checksum) and what it wrote.
 * It holds nothing that varies between identical runs (no clock, no thread count, no host).
 */
public record Manifest(
        String cdrgenVersion,
        int schemaVersion,
        long seed,
        String startDate,
        int days,
        int subscribers,
        String shard,
        int firstSubscriber,
        int endSubscriber,
        String profileName,
        String profileSource,
        String profileSha256,
        long maxFileBytes,
        String compression,
        long eventRows,
        List<OutputFile> files) {

    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Written under a temporary name and renamed, like every other file of a drop. */
    public void writeTo(Path directory) throws IOException {
        Path temp = directory.resolve("." + FILE_NAME + ".inprogress");
        try {
            Files.write(temp, JSON.writeValueAsBytes(this));
            Files.move(temp, directory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw IoErrors.naming(temp, e);
        }
    }

    public static Manifest readFrom(Path directory) throws IOException {
        try (InputStream in = Files.newInputStream(directory.resolve(FILE_NAME))) {
            return JSON.readValue(in, Manifest.class);
        }
    }
}
