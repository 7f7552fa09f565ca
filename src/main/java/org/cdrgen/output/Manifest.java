package org.cdrgen.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /** Reading is for `verify` only; generating never loads Jackson (its start-up cost ~0.2 s). */
    private static final class Reader {
        static final ObjectMapper JSON = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Written under a temporary name and renamed, like every other file of a drop. */
    public void writeTo(Path directory) throws IOException {
        Path temp = directory.resolve("." + FILE_NAME + ".inprogress");
        try {
            Files.write(temp, toJson().getBytes(StandardCharsets.UTF_8));
            Files.move(temp, directory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw IoErrors.naming(temp, e);
        }
    }

    public static Manifest readFrom(Path directory) throws IOException {
        try (InputStream in = Files.newInputStream(directory.resolve(FILE_NAME))) {
            return Reader.JSON.readValue(in, Manifest.class);
        }
    }

    /** Indented JSON laid out as Jackson's default pretty printer does, so earlier drops read the same. */
    String toJson() {
        StringBuilder out = new StringBuilder(512 + 160 * files.size());
        out.append("{\n");
        field(out, "  ", "cdrgen_version", quoted(cdrgenVersion));
        field(out, "  ", "schema_version", schemaVersion);
        field(out, "  ", "seed", seed);
        field(out, "  ", "start_date", quoted(startDate));
        field(out, "  ", "days", days);
        field(out, "  ", "subscribers", subscribers);
        field(out, "  ", "shard", quoted(shard));
        field(out, "  ", "first_subscriber", firstSubscriber);
        field(out, "  ", "end_subscriber", endSubscriber);
        field(out, "  ", "profile_name", quoted(profileName));
        field(out, "  ", "profile_source", quoted(profileSource));
        field(out, "  ", "profile_sha256", quoted(profileSha256));
        field(out, "  ", "max_file_bytes", maxFileBytes);
        field(out, "  ", "compression", quoted(compression));
        field(out, "  ", "event_rows", eventRows);
        out.append("  \"files\" : [");
        for (int i = 0; i < files.size(); i++) {
            OutputFile f = files.get(i);
            out.append(i == 0 ? " {\n" : ", {\n");
            field(out, "    ", "path", quoted(f.path()));
            field(out, "    ", "rows", f.rows());
            field(out, "    ", "bytes", f.bytes());
            out.append("    \"sha256\" : ").append(quoted(f.sha256())).append("\n  }");
        }
        out.append(" ]\n}");
        return out.toString();
    }

    private static void field(StringBuilder out, String indent, String name, Object value) {
        out.append(indent).append('"').append(name).append("\" : ").append(value).append(",\n");
    }

    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
