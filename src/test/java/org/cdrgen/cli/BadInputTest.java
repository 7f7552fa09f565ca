package org.cdrgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cdrgen.testing.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real CLI: exit code 2, one line on stderr that names the problem (no stack trace),
 * and nothing written.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    /** The valid arguments every case starts from, without --output-dir. */
    private static List<String> valid() {
        return new ArrayList<>(List.of("--subscribers", "300", "--days", "1", "--start-date", "2026-03-02",
                "--seed", "1", "--threads", "1"));
    }

    /** valid() with one option replaced (or, with a null value, removed) or added. */
    private static List<String> with(String option, String value) {
        List<String> args = valid();
        int i = args.indexOf(option);
        if (i >= 0) {
            if (value == null) {
                args.subList(i, i + 2).clear();
            } else {
                args.set(i + 1, value);
            }
        } else if (value != null) {
            args.add(option);
            args.add(value);
        }
        return args;
    }

    private static List<String> withCompression(String codec, String level) {
        List<String> args = with("--compress", codec);
        args.addAll(List.of("--compress-level", level));
        return args;
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(with("--subscribers", "0"), List.of("--subscribers", "0", "1..100000000")),
                Arguments.of(with("--subscribers", "-5"), List.of("--subscribers", "-5")),
                Arguments.of(with("--subscribers", "100000001"), List.of("--subscribers", "100000001")),
                Arguments.of(with("--subscribers", "many"), List.of("--subscribers", "many")),
                Arguments.of(with("--subscribers", null), List.of("Missing required option", "--subscribers")),
                Arguments.of(with("--days", "0"), List.of("--days", "1..3660")),
                Arguments.of(with("--days", "3661"), List.of("--days", "3661")),
                Arguments.of(with("--start-date", "2026-13-01"), List.of("--start-date", "2026-13-01")),
                Arguments.of(with("--start-date", "yesterday"), List.of("--start-date", "yesterday")),
                Arguments.of(with("--start-date", "1969-12-31"), List.of("--start-date", "1969-12-31")),
                Arguments.of(with("--seed", "0x12"), List.of("--seed", "0x12")),
                Arguments.of(with("--max-file-size", "12XB"), List.of("--max-file-size", "XB")),
                Arguments.of(with("--max-file-size", "10"), List.of("--max-file-size", "minimum")),
                Arguments.of(with("--threads", "0"), List.of("--threads", "0")),
                Arguments.of(with("--threads", "1025"), List.of("--threads", "1025")),
                Arguments.of(with("--foo", "1"), List.of("--foo")),
                Arguments.of(with("--days", "1 extra"), List.of("--days")),
                Arguments.of(with("--compress", "lz4"), List.of("--compress", "lz4")),
                Arguments.of(with("--compress-level", "3"), List.of("--compress-level", "--compress gzip or zstd")),
                Arguments.of(withCompression("gzip", "0"), List.of("--compress-level", "level 0", "gzip", "1 to 9")),
                Arguments.of(withCompression("gzip", "10"), List.of("--compress-level", "level 10", "1 to 9")),
                Arguments.of(withCompression("zstd", "20"), List.of("--compress-level", "level 20", "zstd", "-7 to 19")),
                Arguments.of(withCompression("zstd", "fast"), List.of("--compress-level", "fast")),
                // BUG (CdrgenCommand.settings): the message promises days within 1970-01-01..2199-12-31, but the
                // check is start.plusDays(days).getYear() > 2200, so days of the year 2200 are accepted.
                Arguments.of(withBoth("--start-date", "2199-12-31", "--days", "2"), List.of("--start-date", "2199-12-31")));
    }

    private static List<String> withBoth(String option1, String value1, String option2, String value2) {
        List<String> args = with(option1, value1);
        args.set(args.indexOf(option2) + 1, value2);
        return args;
    }

    /** The limits themselves are accepted (checked with --dry-run, which validates everything and writes nothing). */
    @ParameterizedTest
    @MethodSource("boundaries")
    void boundaryValuesAreAccepted(List<String> args) {
        Path out = tmp.resolve("out");
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--dry-run", "--output-dir", out.toString()));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertEquals(0, r.exit(), r.describe());
        assertFalse(Files.exists(out), "--dry-run created the output dir: " + r.describe());
    }

    static Stream<List<String>> boundaries() {
        return Stream.of(
                with("--subscribers", "1"),
                with("--subscribers", "100000000"),
                with("--days", "3660"),
                with("--start-date", "1970-01-01"),
                with("--start-date", "2199-12-31"),
                with("--threads", "1024"),
                with("--max-file-size", "4KiB"),
                with("--max-file-size", "4096"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void badOptionIsRejectedWithOneLineAndNothingWritten(List<String> args, List<String> expected) {
        Path out = tmp.resolve("out");
        List<String> all = new ArrayList<>(args);
        all.add("--output-dir");
        all.add(out.toString());
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertRejected(r, expected);
        assertFalse(Files.exists(out), "the output dir was created: " + r.describe());
    }

    @Test
    void missingOutputDirIsRejected() {
        Cli.Result r = Cli.run(valid().toArray(String[]::new));
        assertRejected(r, List.of("Missing required option", "--output-dir"));
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("voice:\n  busy_typo: 1\n", List.of("unknown key 'voice.busy_typo'")),
                Arguments.of("voice:\n  duration_sigma: 9\n", List.of("voice.duration_sigma", "0.01..4")),
                Arguments.of("voice:\n  mo_calls_per_day: lots\n", List.of("voice.mo_calls_per_day")),
                Arguments.of("voice:\n  mo_calls_per_day: [1, 2\n", List.of("invalid YAML")),
                Arguments.of("voice: {mo_calls_per_day: 1\nsms: 2\n", List.of("invalid YAML")),
                Arguments.of("network:\n  mcc: \"2345\"\n", List.of("network.mcc", "3 digits")),
                Arguments.of("data:\n  partial_record_time_limit_s: 10\n",
                        List.of("data.partial_record_time_limit_s", "60..86400")),
                Arguments.of("", List.of("empty")),
                Arguments.of("- voice\n", List.of("mapping")));
    }

    @ParameterizedTest
    @MethodSource("badConfigs")
    void badConfigIsRejectedWithOneLineNamingTheKey(String yaml, List<String> expected) throws IOException {
        Path config = tmp.resolve("profile.yaml");
        Files.writeString(config, yaml);
        Path out = tmp.resolve("out");
        List<String> args = with("--config", config.toString());
        args.addAll(List.of("--output-dir", out.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertRejected(r, expected);
        assertTrue(r.stderrLines().get(0).contains(config.toString()), "the message names the file: " + r.describe());
        assertFalse(Files.exists(out), "the output dir was created: " + r.describe());
    }

    @Test
    void missingConfigFileIsRejected() {
        Path config = tmp.resolve("nowhere.yaml");
        Path out = tmp.resolve("out");
        List<String> args = with("--config", config.toString());
        args.addAll(List.of("--output-dir", out.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertRejected(r, List.of(config.toString(), "does not exist"));
        assertFalse(Files.exists(out), "the output dir was created: " + r.describe());
    }

    @Test
    void outputDirThatIsARegularFileIsRejected() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "keep me");
        List<String> args = valid();
        args.addAll(List.of("--output-dir", file.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertRejected(r, List.of(file.toString(), "not a directory"));
        assertEquals("keep me", Files.readString(file));
        assertEquals(List.of("a-file"), list(tmp));
    }

    @Test
    void nonEmptyOutputDirIsRejectedAndLeftAlone() throws IOException {
        Path dir = tmp.resolve("used");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("old.csv"), "old");
        List<String> args = valid();
        args.addAll(List.of("--output-dir", dir.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertRejected(r, List.of(dir.toString(), "not empty"));
        assertEquals(List.of("old.csv"), list(dir));
        assertEquals("old", Files.readString(dir.resolve("old.csv")));
    }

    @Test
    void emptyExistingOutputDirIsAccepted() throws IOException {
        Path dir = tmp.resolve("empty");
        Files.createDirectories(dir);
        List<String> args = valid();
        args.addAll(List.of("--output-dir", dir.toString()));
        Cli.Result r = Cli.ok(args.toArray(String[]::new));
        assertTrue(Files.isRegularFile(dir.resolve("manifest.json")), r.describe());
    }

    static void assertRejected(Cli.Result r, List<String> expected) {
        assertEquals(2, r.exit(), "exit code: " + r.describe());
        List<String> lines = r.stderrLines();
        assertEquals(1, lines.size(), "stderr must be exactly one line: " + r.describe());
        String line = lines.get(0);
        assertTrue(line.startsWith("cdrgen: "), "message starts with 'cdrgen: ': " + line);
        for (String s : expected) {
            assertTrue(line.contains(s), "message lacks '" + s + "': " + line);
        }
        assertFalse(r.stderr().contains("at org.") || r.stderr().contains("Exception"), "stack trace: " + r.describe());
        assertEquals("", r.out(), "nothing on stdout: " + r.describe());
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
