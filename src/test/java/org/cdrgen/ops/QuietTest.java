package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import org.cdrgen.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Without a terminal (tests have none) a run logs INFO lines to stderr; --quiet silences them; -v turns on
 * DEBUG. Logs go through Logback to System.err, which is captured here.
 */
class QuietTest {
    @TempDir
    Path tmp;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level saved;

    @BeforeEach
    void info() {
        saved = root.getLevel();
        root.setLevel(Level.INFO); // what a fresh JVM starts with (logback.xml)
    }

    @AfterEach
    void restore() {
        root.setLevel(saved);
    }

    private static String[] args(Path dir, String... flags) {
        String[] base = {"--subscribers", "80", "--days", "1", "--seed", Cli.SEED, "--start-date", Cli.START,
                "--output-dir", dir.toString()};
        String[] all = new String[base.length + flags.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(flags, 0, all, base.length, flags.length);
        return all;
    }

    /**
     * Runs in this JVM without resetting the log level afterwards, as Main.execute does
     * ({@link Cli#runLeavingLogLevel} leaves it alone); returns {stderr, stdout}, each with what reached
     * System.err/out and picocli's writers.
     */
    private static String[] runCapturingEverything(String... args) {
        Cli.Result r = Cli.runLeavingLogLevel(args);
        assertEquals(0, r.exit(), r.describe());
        return new String[] {r.stderr(), r.out()};
    }

    @Test
    void withoutQuietARunLogsInfoLines() {
        String[] streams = runCapturingEverything(args(tmp.resolve("a")));
        assertTrue(streams[0].contains(" INFO "), "expected INFO lines on stderr: " + streams[0]);
        assertEquals("", streams[1], "stdout stays clean");
    }

    @Test
    void quietWritesNothingAtAll() {
        String[] streams = runCapturingEverything(args(tmp.resolve("q"), "--quiet"));
        assertEquals("", streams[0], "--quiet: stderr");
        assertEquals("", streams[1], "--quiet: stdout");
    }

    @Test
    void verboseLogsDebug() {
        String[] streams = runCapturingEverything(args(tmp.resolve("v"), "-v"));
        assertEquals(Level.DEBUG, root.getLevel(), "-v sets the root logger to DEBUG");
        assertTrue(streams[0].matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG Wrote cells\\.csv: .*"),
                "debug lines in the log layout: " + streams[0]);
        assertTrue(streams[0].matches("(?s).* DEBUG CPU time: workers [0-9.]+ s \\(\\d+ threads\\), writer [0-9.]+ s,"
                + " JIT compiling [0-9.]+ s, GC pauses [0-9.]+ s; wall [0-9.]+ s\\R.*"),
                "where the CPU went: " + streams[0]);
    }

    /** Main.execute "runs cdrgen in this JVM" (README, tests, embedding): one run's --quiet must not outlive it. */
    @Test
    void quietDoesNotSilenceTheNextRunInTheSameJvm() {
        runCapturingEverything(args(tmp.resolve("q"), "--quiet"));
        String[] streams = runCapturingEverything(args(tmp.resolve("a")));
        assertTrue(streams[0].contains(" INFO "), "a run without --quiet after a --quiet run logs nothing: "
                + streams[0]);
    }
}
