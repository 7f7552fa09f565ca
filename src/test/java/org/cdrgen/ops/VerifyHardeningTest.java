package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.cdrgen.drop.Manifest;
import org.cdrgen.drop.Manifest.InvalidManifestException;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify against a manifest it must not trust: paths out of the drop, symbolic links, malformed JSON, edited
 * totals, a file listed many times; and its words when a file cannot be read.
 */
class VerifyHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROC_SELF_MEM = Path.of("/proc/self/mem");
    private static final String FIRST_PART = "events/date=2026-03-02/part-00000.csv";

    @TempDir
    static Path shared;
    static Path pristine;

    @TempDir
    Path tmp;
    private int copies;

    @BeforeAll
    static void generate() {
        pristine = shared.resolve("plain");
        Cli.generate(pristine, 100, 2, "--max-file-size", "64KiB");
    }

    /** A private copy of a pristine drop, so every test damages its own. */
    private Path copyOf(Path source) {
        return Drops.copyTree(source, tmp.resolve("drop-" + ++copies));
    }

    private static Cli.Result verify(Path dir) {
        return Cli.run("verify", dir.toString());
    }

    private static ObjectNode manifest(Path drop) throws IOException {
        return (ObjectNode) JSON.readTree(drop.resolve("manifest.json").toFile());
    }

    private static void editManifest(Path drop, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode manifest = manifest(drop);
        edit.accept(manifest);
        JSON.writeValue(drop.resolve("manifest.json").toFile(), manifest);
    }

    private static ObjectNode entry(ObjectNode manifest, int index) {
        return (ObjectNode) manifest.get("files").get(index);
    }

    private static ObjectNode entry(ObjectNode manifest, String path) {
        for (int i = 0; i < manifest.get("files").size(); i++) {
            if (entry(manifest, i).get("path").asText().equals(path)) {
                return entry(manifest, i);
            }
        }
        throw new AssertionError(path + " is not listed");
    }

    /** One line, "cdrgen verify: ...", no Java class name, no stack trace, no Jackson location block. */
    private static String oneLine(Cli.Result r) {
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), "one line: " + r.describe());
        String line = lines.get(0);
        assertTrue(line.startsWith("cdrgen verify: "), r.describe());
        for (String leak : List.of("Exception", "java.", "com.fasterxml", "[Source", "\tat ")) {
            assertFalse(line.contains(leak), "'" + leak + "' leaked: " + r.describe());
        }
        assertEquals("", r.systemErr(), r.describe());
        return line;
    }

    /** exit 2 and one line naming manifest.json and the given words. */
    private static void assertRefused(Cli.Result r, Path drop, String... words) {
        assertEquals(2, r.exit(), r.describe());
        String line = oneLine(r);
        assertTrue(line.contains(drop.resolve("manifest.json").toString()), "names manifest.json: " + r.describe());
        for (String word : words) {
            assertTrue(line.contains(word), "says '" + word + "': " + r.describe());
        }
        assertEquals("", r.out(), r.describe());
    }

    /**
     * The first part moved out of the drop and listed by a path that leads to it: the old verify hashed it and
     * said OK, the entry being right about the file it reached.
     */
    @Test
    void aManifestPathOutsideTheDropIsRefused() throws IOException {
        for (boolean absolute : new boolean[] {false, true}) {
            Path drop = copyOf(pristine);
            Path outside = Files.createDirectories(tmp.resolve("outside-" + copies)).resolve("part-00000.csv");
            Files.move(drop.resolve(FIRST_PART), outside);
            String path = absolute ? outside.toAbsolutePath().toString()
                    : "events/date=2026-03-02/../../../" + tmp.relativize(outside);
            assertTrue(Files.isRegularFile(drop.resolve(path)), "the path reaches the file: " + path);
            editManifest(drop, m -> entry(m, FIRST_PART).put("path", path));
            assertRefused(verify(drop), drop, path, "not a path of a drop's layout");
        }
    }

    @Test
    void etcPasswdIsNeverOpened() throws IOException {
        for (String path : List.of("../../etc/passwd", "/etc/shadow", "events/date=2026-03-02/../../../etc/passwd")) {
            Path drop = copyOf(pristine);
            editManifest(drop, m -> entry(m, 0).put("path", path));
            assertRefused(verify(drop), drop, path);
        }
    }

    /** A part replaced by a link to a copy outside the drop: right size and SHA-256, yet not the drop's file. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSymbolicLinkedFileInTheDropIsRefused() throws IOException {
        Path drop = copyOf(pristine);
        Path part = drop.resolve(FIRST_PART);
        Path outside = tmp.resolve("elsewhere.csv");
        Files.move(part, outside);
        Files.createSymbolicLink(part, outside);
        assertRefused(verify(drop), drop, FIRST_PART, part + " is a symbolic link");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSymbolicLinkedDirectoryInTheDropIsRefused() throws IOException {
        Path drop = copyOf(pristine);
        Path day = drop.resolve("events/date=2026-03-03");
        Path outside = tmp.resolve("elsewhere-day");
        Files.move(day, outside);
        Files.createSymbolicLink(day, outside);
        assertRefused(verify(drop), drop, day + " is a symbolic link");
    }

    /** Each of these gave a NullPointerException, a Jackson message of two lines, or OK. */
    @Test
    void aMalformedManifestIsRefusedWithOneLineNamingIt() throws IOException {
        String pristineJson = Files.readString(pristine.resolve("manifest.json"));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("null", "null");
        cases.put("{}", "{}");
        cases.put("[]", "[]");
        cases.put("empty", "");
        cases.put("truncated", pristineJson.substring(0, pristineJson.length() / 2));
        cases.put("two values", pristineJson + " {}");
        cases.put("a key twice", "{\"files\": [], \"files\": []}");
        cases.put("files missing", edited(m -> m.remove("files")));
        cases.put("files not a list", edited(m -> m.put("files", "all of them")));
        cases.put("an entry not an object", edited(m -> ((ArrayNode) m.get("files")).insert(0, 7)));
        cases.put("rows a string", edited(m -> entry(m, 0).put("rows", "12")));
        cases.put("rows a fraction", edited(m -> entry(m, 0).put("rows", 1.5)));
        cases.put("rows negative", edited(m -> entry(m, 0).put("rows", -1)));
        cases.put("bytes negative", edited(m -> entry(m, 0).put("bytes", -5)));
        cases.put("bytes beyond a long", edited(m -> entry(m, 0).put("bytes", new BigInteger("1".repeat(30)))));
        cases.put("no path", edited(m -> entry(m, 0).remove("path")));
        cases.put("path a number", edited(m -> entry(m, 0).put("path", 3)));
        cases.put("no sha256", edited(m -> entry(m, 0).remove("sha256")));
        cases.put("sha256 not hex", edited(m -> entry(m, 0).put("sha256", "xyz")));
        cases.put("event_rows missing", edited(m -> m.remove("event_rows")));
        cases.put("event_rows negative", edited(m -> m.put("event_rows", -3)));
        cases.put("end before first", edited(m -> m.put("first_subscriber", 50).put("end_subscriber", 10)));
        cases.put("a line break in a path", edited(m -> entry(m, 0).put("path", "events/\nx.csv")));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path drop = copyOf(pristine);
            Files.writeString(drop.resolve("manifest.json"), c.getValue());
            Cli.Result r = verify(drop);
            assertEquals(2, r.exit(), c.getKey() + ": " + r.describe());
            String line = oneLine(r);
            assertTrue(line.startsWith("cdrgen verify: " + drop.resolve("manifest.json") + " is not a valid cdrgen manifest: "),
                    c.getKey() + ": " + r.describe());
        }
    }

    private String edited(Consumer<ObjectNode> edit) {
        try {
            ObjectNode manifest = manifest(pristine);
            edit.accept(manifest);
            return JSON.writeValueAsString(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theMessagesSayWhatIsWrong() throws IOException {
        Path drop = copyOf(pristine);
        editManifest(drop, m -> m.remove("files"));
        assertRefused(verify(drop), drop, "'files' is missing");
        editManifest(drop, m -> m.putArray("files").addObject().put("rows", 1).put("bytes", 1).put("sha256", "ab".repeat(32)));
        assertRefused(verify(drop), drop, "'files[0].path' is missing");
        Files.writeString(drop.resolve("manifest.json"), "{\"files\": [");
        assertRefused(verify(drop), drop, "the JSON ends early");
    }

    @Test
    void anEditedEventRowsTotalIsABadDrop() throws IOException {
        Path drop = copyOf(pristine);
        editManifest(drop, m -> m.put("event_rows", m.get("event_rows").asLong() + 1));
        Cli.Result r = verify(drop);
        assertEquals(1, r.exit(), r.describe());
        String line = oneLine(r);
        assertTrue(line.startsWith("cdrgen verify: " + drop.resolve("manifest.json") + ": event_rows is "), r.describe());
    }

    /** The old verify hashed the file 2,001 times and said OK. */
    @Test
    @Timeout(20)
    void aFileListedTwiceIsRefusedAndNothingIsHashed() throws IOException {
        Path drop = copyOf(pristine);
        editManifest(drop, m -> {
            ArrayNode files = (ArrayNode) m.get("files");
            for (int i = 0; i < 2000; i++) {
                files.add(entry(m, FIRST_PART).deepCopy());
            }
        });
        assertRefused(verify(drop), drop, "\"" + FIRST_PART + "\" is listed twice");
    }

    /** A day directory replaced by a file: each part of that day says why it cannot be read, not "missing". */
    @Test
    void aFileThatCannotBeReadIsNamedWithTheReason() throws IOException {
        Path drop = copyOf(pristine);
        Path day = drop.resolve("events/date=2026-03-03");
        List<String> parts;
        try (Stream<Path> list = Files.list(day)) {
            parts = list.map(Path::toString).sorted().toList();
        }
        try (Stream<Path> list = Files.list(day)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(day);
        Files.writeString(day, "not a directory\n");
        Cli.Result r = verify(drop);
        assertEquals(1, r.exit(), r.describe());
        for (String part : parts) {
            assertTrue(r.errLines().contains("cdrgen verify: " + part + ": cannot be read: Not a directory"),
                    part + ": " + r.describe());
        }
        assertFalse(r.err().contains("cannot write"), r.describe());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFileWithoutReadPermissionSaysPermissionDenied() throws IOException {
        Path drop = copyOf(pristine);
        Path part = drop.resolve(FIRST_PART);
        Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(part), "root reads whatever the permissions say");
        Cli.Result r = verify(drop);
        assertEquals(1, r.exit(), r.describe());
        assertEquals("cdrgen verify: " + part + ": cannot be read: permission denied", oneLine(r));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anUnreadableManifestIsAnIoFailureNamingItAndTheReason() throws IOException {
        Path drop = copyOf(pristine);
        Path manifest = drop.resolve("manifest.json");
        Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(manifest), "root reads whatever the permissions say");
        Cli.Result r = verify(drop);
        assertEquals(1, r.exit(), r.describe());
        assertEquals("cdrgen verify: cannot read " + manifest + ": permission denied", oneLine(r));
    }

    /** Linux: reading /proc/self/mem from offset 0 fails with EIO, a read error even root gets. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aManifestThatFailsToReadIsAnIoFailureNamingItAndTheReason() throws IOException {
        assumeTrue(Files.isRegularFile(PROC_SELF_MEM));
        Path drop = copyOf(pristine);
        Path manifest = drop.resolve("manifest.json");
        Files.delete(manifest);
        Files.createSymbolicLink(manifest, PROC_SELF_MEM);
        Cli.Result r = verify(drop);
        assertEquals(1, r.exit(), r.describe());
        assertEquals("cdrgen verify: cannot read " + manifest + ": Input/output error", oneLine(r));
    }


    /** The --force cleanup deletes what this accepts: the drop's own layout, inside the drop, and nothing else. */
    @Test
    void resolveInsideAcceptsOnlyTheDropsOwnLayout() throws IOException {
        Path drop = copyOf(pristine);
        for (String path : List.of(FIRST_PART, "events/date=2026-03-02/part-123456.csv.gz",
                "events/date=2026-03-02/part-00000-shard-2-of-4.csv.zst", "subscribers.csv",
                "subscribers-shard-1-of-3.csv.gz", "cells.csv", "cells.csv.zst", "events/date=2031-01-01/part-00009.csv")) {
            assertEquals(drop.resolve(path), Manifest.resolveInside(drop, path), path);
        }
        for (String path : Arrays.asList(null, "", "manifest.json", "_SUCCESS", "../../etc/passwd", "/etc/shadow",
                "events/date=2026-03-02/../../cells.csv", "./cells.csv", "events//date=2026-03-02/part-00000.csv",
                "events/date=2026-03-02/part-0000.csv", "events/date=2026-03-02/part-00000.txt",
                "events/date=2026-03-02/.part-00000.csv.inprogress", "cells-shard-1-of-2.csv", "events\\cells.csv",
                "notes/subscribers.csv", "events/date=2026-3-2/part-00000.csv", "events/date=2026-03-02/part-00000.csv/")) {
            InvalidManifestException e = assertThrows(InvalidManifestException.class,
                    () -> Manifest.resolveInside(drop, path), String.valueOf(path));
            assertTrue(e.getMessage().startsWith(drop.resolve("manifest.json") + " "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void resolveInsideRefusesAnyLinkOnTheWayAndAllowsAbsentFiles() throws IOException {
        Path drop = copyOf(pristine);
        Path events = drop.resolve("events");
        Files.move(events, tmp.resolve("moved-events"));
        assertEquals(drop.resolve(FIRST_PART), Manifest.resolveInside(drop, FIRST_PART), "absent: still resolvable");
        Files.createSymbolicLink(events, tmp.resolve("moved-events"));
        InvalidManifestException e = assertThrows(InvalidManifestException.class,
                () -> Manifest.resolveInside(drop, FIRST_PART));
        assertTrue(e.getMessage().contains(events + " is a symbolic link"), e.getMessage());
        Files.writeString(tmp.resolve("target.csv"), "x\n", StandardCharsets.US_ASCII);
        Files.createSymbolicLink(drop.resolve("cells.csv.gz"), tmp.resolve("target.csv"));
        assertThrows(InvalidManifestException.class, () -> Manifest.resolveInside(drop, "cells.csv.gz"));
    }
}
