package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Independent readers of a drop: file tree, checksums, line counts, decompression, manifest as JSON. */
final class OpsDrops {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpsDrops() {
    }

    static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** Every entry under root (files and directories), relative, sorted; works on any file system. */
    static List<String> listing(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root))
                    .map(p -> rel(root, p) + (Files.isDirectory(p) ? "/" : ""))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regular files under root, relative, sorted. */
    static List<String> files(Path root) {
        return listing(root).stream().filter(s -> !s.endsWith("/")).toList();
    }

    /** Relative path -> bytes of every regular file. */
    static TreeMap<String, byte[]> contents(Path root) {
        TreeMap<String, byte[]> map = new TreeMap<>();
        for (String f : files(root)) {
            map.put(f, read(root.resolve(f)));
        }
        return map;
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines after the header (cdrgen never writes a line break inside a field). */
    static long dataLines(byte[] csv) {
        long lines = 0;
        for (byte b : csv) {
            if (b == '\n') {
                lines++;
            }
        }
        return Math.max(0, lines - 1);
    }

    /** The bytes of a file, decompressed according to its name (.gz, .zst). */
    static byte[] plain(Path p) {
        String name = p.getFileName().toString();
        try (InputStream raw = Files.newInputStream(p);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw)
                        : name.endsWith(".zst") ? new ZstdInputStream(raw) : raw) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(p.toString(), e);
        }
    }

    /** Data lines (header dropped) of a CSV file, decompressed if need be. */
    static List<String> rows(Path p) {
        List<String> lines = new String(plain(p), StandardCharsets.UTF_8).lines().toList();
        return lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
    }

    static JsonNode manifest(Path dir) {
        try {
            return JSON.readTree(dir.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> manifestPaths(JsonNode manifest) {
        List<String> paths = new ArrayList<>();
        manifest.get("files").forEach(f -> paths.add(f.get("path").asText()));
        return paths;
    }

    /** Names of hidden or temporary files anywhere under root. */
    static List<String> leftovers(Path root) {
        return files(root).stream().filter(f -> {
            String name = f.substring(f.lastIndexOf('/') + 1);
            return name.startsWith(".") || name.endsWith(".inprogress");
        }).toList();
    }

    /** No _SUCCESS, no manifest, no hidden or temporary file: what an interrupted or failed run must leave. */
    static void assertNoTraceOfCompletion(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        assertFalse(Files.exists(dir.resolve("_SUCCESS")), "_SUCCESS after a failed run: " + listing(dir));
        assertFalse(Files.exists(dir.resolve("manifest.json")), "manifest.json after a failed run: " + listing(dir));
        assertEquals(List.of(), leftovers(dir), "temporary files left behind");
    }

    /** Every file the manifest lists has the size, SHA-256 and row count it says, and nothing else is there. */
    static void assertManifestMatches(Path dir) {
        JsonNode manifest = manifest(dir);
        List<String> expected = new ArrayList<>(manifestPaths(manifest));
        expected.add("_SUCCESS");
        expected.add("manifest.json");
        expected.sort(null);
        assertEquals(expected, files(dir), "files present vs manifest.json");
        for (JsonNode f : manifest.get("files")) {
            Path p = dir.resolve(f.get("path").asText());
            byte[] bytes = read(p);
            assertEquals(bytes.length, f.get("bytes").asLong(), p + ": bytes");
            assertEquals(sha256(bytes), f.get("sha256").asText(), p + ": sha256");
            assertEquals(dataLines(plain(p)), f.get("rows").asLong(), p + ": rows");
        }
        assertTrue(Files.isRegularFile(dir.resolve("_SUCCESS")));
    }

    /** Copies a directory tree (a pristine drop, for a test to damage its own copy); returns the target. */
    static Path copyTree(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
