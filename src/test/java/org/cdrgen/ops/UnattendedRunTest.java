package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults a cron or CI run meets at its start, through the real CLI: bad output directories, --force's
 * rule, oversized configs, conflicting options, a run that cannot fit, and the JVM's locale. Each refusal is
 * one line on stderr, exit 2, and leaves the directory exactly as it was.
 */
class UnattendedRunTest {
    @TempDir
    Path tmp;

    private static String[] args(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--subscribers", "60", "--seed", Cli.SEED, "--start-date",
                Cli.START, "--quiet", "--output-dir", dir.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Exit 2 with exactly one line on stderr that contains every one of {@code words}. */
    private static Cli.Result refused(Cli.Result r, String... words) {
        assertEquals(2, r.exit(), r.describe());
        assertEquals(1, r.errLines().size(), "one line: " + r.describe());
        for (String word : words) {
            assertTrue(r.err().contains(word), "'" + word + "' in: " + r.describe());
        }
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.describe());
        return r;
    }

    // cause 1: the output never depends on the JVM's locale

    @Test
    void theBytesAreTheSameInEveryLocale() {
        Locale original = Locale.getDefault();
        TreeMap<String, byte[]> reference = null;
        try {
            for (Locale locale : List.of(Locale.ROOT, Locale.forLanguageTag("ar-EG"), new Locale("th", "TH", "TH"),
                    Locale.forLanguageTag("hi-IN-u-nu-deva"), Locale.forLanguageTag("fa-IR"), new Locale("tr", "TR"),
                    Locale.GERMANY)) {
                Locale.setDefault(locale);
                Path dir = tmp.resolve("locale-" + locale.toLanguageTag());
                // small files, so that part numbers run into two digits
                Cli.generate(dir, 300, 2, "--max-file-size", "16KiB", "--threads", "2");
                TreeMap<String, byte[]> contents = Drops.contents(dir);
                if (reference == null) {
                    reference = contents;
                    assertTrue(contents.containsKey("events/date=2026-03-02/part-00010.csv"), contents.keySet().toString());
                    continue;
                }
                assertEquals(reference.keySet(), contents.keySet(), "file names in " + locale);
                for (String file : reference.keySet()) {
                    assertArrayEquals(reference.get(file), contents.get(file), file + " in " + locale);
                }
            }
        } finally {
            Locale.setDefault(original);
        }
    }

    /** The root of the locale fault: every String.format, printf and formatted call in the code names its locale. */
    @Test
    void everyFormatCallInTheCodeNamesLocaleRoot() throws IOException {
        Pattern call = Pattern.compile("(String\\.format|\\.printf)\\(\\s*(?!Locale\\.ROOT)|\\.formatted\\(");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    // a call broken after its parenthesis names the locale on the next line
                    String text = lines.get(i) + (i + 1 < lines.size() ? " " + lines.get(i + 1).trim() : "");
                    Matcher m = call.matcher(text);
                    if (m.find() && m.start() < lines.get(i).length() && !lines.get(i).trim().startsWith("*")) {
                        offenders.add(source + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "format calls that follow the JVM's locale");
    }

    // cause 7: --force removes exactly what an earlier cdrgen run wrote, and never works without a manifest

    @Test
    void forceRefusesADirectoryThatNoCdrgenRunWrote() throws IOException {
        Path dir = tmp.resolve("theirs");
        for (String name : List.of("manifest.json.bak", "cells.csv.gz", ".x.inprogress",
                "events/date=2020-01-01/part-00000.csv", "notes.txt")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), "the user's " + name);
        }
        List<String> before = Drops.listing(dir);
        refused(Cli.run(args(dir, "--force")), "no cdrgen manifest.json", dir.toString());
        assertEquals(before, Drops.listing(dir), "a refused --force touched the directory");
    }

    @Test
    void forceRemovesOnlyTheFilesTheManifestLists() throws IOException {
        Path dir = tmp.resolve("drop");
        Cli.generate(dir, 60, 1, "--max-file-size", "8KiB");
        // A part past five digits, as a long run with small files writes them; renamed in the manifest too.
        Path day = dir.resolve("events/date=2026-03-02");
        Files.move(day.resolve("part-00001.csv"), day.resolve("part-100000.csv"));
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("part-00001.csv", "part-100000.csv"));
        // The user's files, some in the drop's own layout but not in its manifest.
        List<String> users = List.of("events/date=2020-01-01/part-00000.csv", ".x.inprogress", "manifest.json.bak");
        for (String name : users) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), "mine");
        }
        Cli.Result r = Cli.run("--subscribers", "60", "--seed", Cli.SEED, "--start-date", "2026-03-05",
                "--quiet", "--force", "--output-dir", dir.toString());
        assertEquals(0, r.exit(), r.describe());
        for (String name : users) {
            assertEquals("mine", Files.readString(dir.resolve(name)), name);
        }
        assertFalse(Files.exists(day), "the earlier drop's day (part-100000.csv included) is gone");
        for (String name : users) {
            Files.delete(dir.resolve(name)); // verify counts files in the drop's layout that it does not list
        }
        Cli.Result verify = Cli.run("verify", dir.toString());
        assertEquals(0, verify.exit(), verify.describe());
    }

    @Test
    void forceRefusesTheRootOfTheFileSystem() {
        refused(Cli.run(args(Path.of("/"), "--force")), "root of a file system");
    }

    @Test
    void aUsersFileWhereTheRunWritesIsRefusedEvenWithForce() throws IOException {
        Path dir = tmp.resolve("drop");
        Cli.generate(dir, 60, 1);
        Files.writeString(dir.resolve("cells.csv.gz"), "the user's own");
        List<String> before = Drops.listing(dir);
        refused(Cli.run(args(dir, "--force", "--compress", "gzip")), "cells.csv.gz", "move it away");
        assertEquals(before, Drops.listing(dir));
    }

    // cause 8: a config's size is capped before it is parsed

    @Test
    @Timeout(20)
    void anOversizedConfigIsRefusedAtOnce() throws IOException {
        Path big = tmp.resolve("big.yaml");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] token = new byte[1 << 20];
            java.util.Arrays.fill(token, (byte) 'a');
            for (int i = 0; i < 16; i++) {
                out.write(token);
            }
        }
        Path dir = tmp.resolve("out");
        refused(Cli.run(args(dir, "--config", big.toString())), big.toString(), "larger than 256 KiB");
        if (Files.exists(Path.of("/dev/zero"))) {
            refused(Cli.run(args(dir, "--config", "/dev/zero")), "/dev/zero", "larger than 256 KiB");
        }
        assertFalse(Files.exists(dir));
    }

    // cause 9, 14, 15: the output directory and the options are checked before anything is generated

    @Test
    void anEmptyOutputDirIsRefused() {
        refused(Cli.run("--subscribers", "10", "--seed", "1", "--output-dir", ""), "--output-dir", "empty");
        refused(Cli.run("--subscribers", "10", "--seed", "1", "--output-dir", " "), "--output-dir", "empty");
    }

    @Test
    void aDanglingSymlinkAsOutputDirIsBadInput() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("gone"));
        refused(Cli.run(args(link)), "symbolic link", "does not exist");
        assertFalse(Files.exists(tmp.resolve("gone")));
    }

    @Test
    @Timeout(20)
    void aManifestThatIsADirectoryIsFoundBeforeGenerating() throws IOException {
        Path dir = tmp.resolve("drop");
        Cli.generate(dir, 60, 1);
        Files.delete(dir.resolve("manifest.json"));
        Files.createDirectories(dir.resolve("manifest.json/inside"));
        List<String> before = Drops.listing(dir);
        // big enough that generating first would be seen in the timeout
        refused(Cli.run("--subscribers", "3000000", "--days", "30", "--seed", "1", "--quiet", "--force",
                "--output-dir", dir.toString()), "manifest.json", "not a regular file");
        assertEquals(before, Drops.listing(dir));
    }

    @Test
    void aFileWhereTheRunNeedsADirectoryIsRefused() throws IOException {
        Path parent = Files.writeString(tmp.resolve("a-file"), "x");
        refused(Cli.run(args(parent.resolve("drop"))), "is not a directory");
        Path dir = tmp.resolve("drop");
        Cli.generate(dir, 60, 1);
        Files.writeString(dir.resolve("events-notes"), "x");
        Path events = dir.resolve("events");
        try (Stream<Path> walk = Files.walk(events)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(events, "a file where the day folders go");
        refused(Cli.run(args(dir, "--force")), "events", "move it away");
    }

    /** A run without --seed logs the seed it drew, but a refused one says only why it was refused. */
    @Test
    void aRefusedRunWithoutSeedPrintsOnlyTheRefusal() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(dir.resolve("notes.txt"), "x");
        Cli.Result r = Cli.run("--subscribers", "10", "--output-dir", dir.toString());
        assertEquals(2, r.exit(), r.describe());
        assertEquals(List.of(), r.systemErr().lines().filter(l -> !l.isBlank()).toList(), "no log line");
        refused(r, "not empty");
    }

    @Test
    void quietAndVerboseAreExclusive() {
        Path dir = tmp.resolve("out");
        refused(Cli.run(args(dir, "--verbose")), "--quiet and --verbose");
        assertFalse(Files.exists(dir));
    }

    @Test
    void dryRunChecksTheOutputDirectoryToo() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(dir.resolve("notes.txt"), "x");
        refused(Cli.run(args(dir, "--dry-run")), "not empty");
        refused(Cli.run(args(dir, "--dry-run", "--force")), "no cdrgen manifest.json");
    }

    // cause 16: a run that cannot fit is refused before it writes

    @Test
    @Timeout(60)
    void aRunLargerThanTheDiskIsRefusedUpFront() {
        Path dir = tmp.resolve("huge");
        String[] huge = {"--subscribers", "100000000", "--days", "3660", "--seed", "1", "--quiet", "--output-dir",
            dir.toString()};
        refused(Cli.run(huge), "not enough space", "PiB", "--no-space-check");
        assertFalse(Files.exists(dir), "nothing written");
        Cli.Result plan = Cli.run(Stream.concat(Stream.of(huge), Stream.of("--dry-run")).toArray(String[]::new));
        assertEquals(0, plan.exit(), plan.describe());
        assertTrue(plan.out().contains("does NOT fit"), plan.out());
    }

    // cause 11 (the writing side): an I/O failure names the path and the operating system's reason

    @Test
    void anUnwritablePlaceGivesThePathAndTheReason() {
        Path proc = Path.of("/proc/self/cdrgen-drop");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        Cli.Result r = Cli.run(args(proc));
        assertEquals(1, r.exit(), r.describe());
        assertEquals(1, r.errLines().size(), r.describe());
        assertTrue(r.err().startsWith("cdrgen: cannot write " + proc), r.describe());
        assertFalse(r.err().contains("Exception"), r.describe());
    }

    @Test
    void theRunsSummaryCountsEventFilesAndSpeaksPlainly() {
        Path dir = tmp.resolve("drop");
        Cli.Result r = Cli.run("--subscribers", "60", "--seed", "1", "--start-date", Cli.START,
                "--output-dir", dir.toString());
        assertEquals(0, r.exit(), r.describe());
        String log = r.err() + r.systemErr();
        assertTrue(log.contains("Generating 60 subscribers x 1 day from"), log);
        assertTrue(log.contains("in 1 event file (plus subscribers and cells)"), log);
        assertTrue(new String(Drops.read(dir.resolve("manifest.json")), StandardCharsets.UTF_8).contains("event_rows"));
    }

    // cause 6: zstd's native library cannot be loaded (java.io.tmpdir missing or noexec)

    /** A child JVM: zstd-jni loads once per JVM, and this one has loaded it already. */
    private static Cli.Result childCdrgen(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.cdrgen.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        return Cli.Result.ofChildProcess(List.of(args), process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(90)
    void zstdWithoutAUsableTmpdirFailsInOneLineBeforeWriting() throws Exception {
        Path dir = tmp.resolve("zstd");
        List<String> noTmp = List.of("-Djava.io.tmpdir=" + tmp.resolve("no-such-tmp"));
        Cli.Result r = childCdrgen(noTmp, args(dir, "--compress", "zstd"));
        assertEquals(1, r.exit(), r.describe());
        assertEquals(1, r.errLines().size(), r.describe());
        assertTrue(r.err().contains("zstd is unavailable") && r.err().contains("java.io.tmpdir"), r.describe());
        assertFalse(r.err().contains("UnsatisfiedLinkError") || r.err().contains("\tat "), r.describe());
        assertFalse(Files.exists(dir), "nothing written");

        Cli.generate(dir, 60, 1, "--compress", "zstd");
        for (String command : List.of("verify", "stats")) {
            Cli.Result read = childCdrgen(noTmp, command, dir.toString());
            assertEquals(1, read.exit(), read.describe());
            assertEquals(1, read.errLines().size(), read.describe());
            assertTrue(read.err().contains("zstd is unavailable"), read.describe());
        }
    }
}
