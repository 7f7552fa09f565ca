package org.cdrgen.drop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        // Absent (null) for plain CSV and in manifests from before issue 16, whose gzip was level 6, zstd 3.
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer compressionLevel,
        long eventRows,
        List<OutputFile> files) {

    public static final String FILE_NAME = DropLayout.MANIFEST;

    /**
     * The files a drop may hold, as manifest paths: nothing else may be listed, so a manifest can never make a
     * reader open (or --force delete) a file outside the drop. Part numbers have 5 or more digits.
     */
    /** Longer values from a manifest are cut in messages, which stay one readable line. */
    private static final int SHOWN_CHARS = 120;

    /** Reading is for `verify` and `--force` only; a fresh run never loads Jackson (its start-up cost ~0.2 s). */
    private static final class Reader {
        // A key given twice would leave it to the reader which value counts: refuse it instead.
        static final ObjectMapper JSON = new ObjectMapper(
                JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    }

    /**
     * manifest.json does not describe a drop a reader can trust: malformed JSON, a missing or mistyped field, or
     * a file entry outside the drop's layout. The message is one line naming the file and the fault.
     */
    public static final class InvalidManifestException extends IOException {
        public InvalidManifestException(String message) {
            super(message);
        }

        static InvalidManifestException of(Path manifestFile, String fault) {
            return new InvalidManifestException(manifestFile + " is not a valid cdrgen manifest: " + fault);
        }
    }

    /** Written under a temporary name and renamed, like every other file of a drop. */
    public void writeTo(Path directory) throws IOException {
        Path temp = directory.resolve(DropLayout.temporaryName(FILE_NAME));
        try {
            Files.write(temp, toJson().getBytes(StandardCharsets.UTF_8));
            Files.move(temp, directory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw IoErrors.naming(temp, e);
        }
    }

    /**
     * Reads and validates the manifest of the drop in {@code dropDir}: everything a reader relies on is there,
     * of its type and range, and every file entry is a distinct path of the drop's layout.
     *
     * @throws InvalidManifestException when the manifest is not one a reader can trust
     * @throws IOException when it cannot be read: an {@link IoErrors.Failed}, "cannot read PATH: REASON"
     */
    public static Manifest read(Path dropDir) throws IOException {
        Path file = dropDir.resolve(FILE_NAME);
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw IoErrors.failed("read", file, e);
        }
        return fromJson(ManifestFields.top(file, parseJson(file, json)));
    }

    /** The former name of {@link #read}. */
    public static Manifest readFrom(Path directory) throws IOException {
        return read(directory);
    }

    /**
     * The file a manifest path names in the drop, once it is safe to open or delete: a path of the drop's own
     * layout (never absolute, never "..") that resolves inside {@code dropDir}, through no symbolic link. The
     * file itself need not exist.
     *
     * @throws InvalidManifestException naming manifest.json and the entry, if the path is none of these
     */
    public static Path resolveInside(Path dropDir, String manifestPath) throws InvalidManifestException {
        Path manifestFile = dropDir.resolve(FILE_NAME);
        if (manifestPath == null || !DropLayout.isDataFile(manifestPath)) {
            throw InvalidManifestException.of(manifestFile, "file " + shown(manifestPath)
                    + " is not a path of a drop's layout (" + DropLayout.DESCRIPTION + ")");
        }
        Path resolved = dropDir.resolve(manifestPath);
        // The layout rules out ".." and absolute paths already; checked anyway, since deleting depends on it.
        Path root = dropDir.toAbsolutePath().normalize();
        Path absolute = resolved.toAbsolutePath().normalize();
        if (!absolute.startsWith(root) || absolute.equals(root)) {
            throw InvalidManifestException.of(manifestFile, "file " + shown(manifestPath) + " is outside " + dropDir);
        }
        Path component = dropDir;
        for (Path name : dropDir.relativize(resolved)) {
            component = component.resolve(name);
            if (isSymbolicLink(component)) {
                throw new InvalidManifestException(manifestFile + " lists " + shown(manifestPath) + ", but " + component
                        + " is a symbolic link: cdrgen never writes one, and a link may lead out of the drop");
            }
        }
        return resolved;
    }

    /** Looks at the entry itself, not at what a link points to; an entry that cannot be seen is not a link. */
    private static boolean isSymbolicLink(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink();
        } catch (IOException absentOrUnreadable) {
            return false; // opening it will say what is wrong
        }
    }

    /** The JSON tree; faults of the JSON itself are told in cdrgen's words (Jackson's span lines, name classes). */
    private static JsonNode parseJson(Path file, byte[] json) throws InvalidManifestException {
        JsonNode root;
        boolean trailing;
        String at;
        try (JsonParser parser = Reader.JSON.createParser(json)) {
            root = Reader.JSON.readTree(parser);
            trailing = root != null && parser.nextToken() != null;
            at = where(parser.currentLocation());
        } catch (JsonEOFException e) {
            throw InvalidManifestException.of(file, "the JSON ends early" + where(e.getLocation())
                    + " (a truncated file?)");
        } catch (JsonProcessingException e) {
            // Jackson's own words would name its classes and quote the input; only this one is worth keeping.
            boolean duplicate = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field");
            throw InvalidManifestException.of(file, (duplicate ? "a key is given twice" : "it is not valid JSON")
                    + where(e.getLocation()));
        } catch (IOException e) {
            throw InvalidManifestException.of(file, "it is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw InvalidManifestException.of(file, "it is empty");
        }
        if (trailing) {
            throw InvalidManifestException.of(file, "more follows the JSON value" + at);
        }
        return root;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static Manifest fromJson(ManifestFields top) throws InvalidManifestException {
        List<OutputFile> files = outputFiles(top);
        int first = (int) top.required("first_subscriber", 0, Integer.MAX_VALUE);
        int end = (int) top.required("end_subscriber", 0, Integer.MAX_VALUE);
        if (end < first) {
            throw top.fault("'end_subscriber' (" + end + ") is below 'first_subscriber' (" + first + ")");
        }
        return new Manifest(top.text("cdrgen_version"), (int) top.optional("schema_version", 0, Integer.MAX_VALUE),
                top.optional("seed", Long.MIN_VALUE, Long.MAX_VALUE), top.text("start_date"),
                (int) top.optional("days", 0, Integer.MAX_VALUE),
                (int) top.optional("subscribers", 0, Integer.MAX_VALUE), top.text("shard"), first, end,
                top.text("profile_name"), top.text("profile_source"), top.text("profile_sha256"),
                top.optional("max_file_bytes", 0, Long.MAX_VALUE), top.text("compression"),
                top.has("compression_level") ? (int) top.required("compression_level", -1000, 1000) : null,
                top.required("event_rows", 0, Long.MAX_VALUE), files);
    }

    private static List<OutputFile> outputFiles(ManifestFields top) throws InvalidManifestException {
        JsonNode list = top.value("files");
        if (!list.isArray()) {
            throw top.fault("'files' is " + ManifestFields.kind(list) + ", not a list");
        }
        List<OutputFile> files = new ArrayList<>(list.size());
        Map<String, Integer> indexOfPath = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ManifestFields entry = top.element("files", i, list.get(i));
            String path = entry.requiredText("path");
            if (!DropLayout.isDataFile(path)) {
                throw entry.fault(entry.name("path") + " " + shown(path) + " is not a path of a drop's layout ("
                        + DropLayout.DESCRIPTION + ")");
            }
            // Each file is hashed (or deleted) once: a second entry for it can only be an edit or a fault.
            Integer earlier = indexOfPath.putIfAbsent(path, i);
            if (earlier != null) {
                throw entry.fault(entry.name("path") + " " + shown(path) + " is listed twice (also files[" + earlier
                        + "])");
            }
            // SHA-256 (every manifest before issue 16, and the default) or CRC-32 (--checksum crc32).
            FileChecksum kind = entry.has("crc32") && !entry.has("sha256") ? FileChecksum.CRC32 : FileChecksum.SHA256;
            if (entry.has("crc32") && entry.has("sha256")) {
                throw entry.fault(entry.name("sha256") + " and 'crc32' are both given: a file has one checksum");
            }
            String value = entry.requiredText(kind.key());
            if (!kind.isWellFormed(value)) {
                throw entry.fault(entry.name(kind.key()) + " " + shown(value) + " is not "
                        + (kind == FileChecksum.SHA256 ? "64" : "8") + " hex digits");
            }
            files.add(new OutputFile(path, entry.required("rows", 0, Long.MAX_VALUE),
                    entry.required("bytes", 0, Long.MAX_VALUE), kind, value));
        }
        return files;
    }

    /** A value from the manifest in a message: quoted, escaped and cut, so the message stays one line. */
    private static String shown(String value) {
        if (value == null) {
            return "null";
        }
        return quoted(value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "..." : value);
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
        if (compressionLevel != null) {
            field(out, "  ", "compression_level", compressionLevel);
        }
        field(out, "  ", "event_rows", eventRows);
        out.append("  \"files\" : [");
        for (int i = 0; i < files.size(); i++) {
            OutputFile f = files.get(i);
            out.append(i == 0 ? " {\n" : ", {\n");
            field(out, "    ", "path", quoted(f.path()));
            field(out, "    ", "rows", f.rows());
            field(out, "    ", "bytes", f.bytes());
            out.append("    \"").append(f.checksumKind().key()).append("\" : ").append(quoted(f.checksumValue()))
                    .append("\n  }");
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
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
