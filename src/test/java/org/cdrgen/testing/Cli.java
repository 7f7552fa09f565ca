package org.cdrgen.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cdrgen.cli.Main;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs the real CLI entry point ({@link Main#commandLine()}) in this JVM, as the jar does, and captures what a
 * user would see. Logback's console appender and the progress output look {@code System.err} up on every
 * write, so System.out/err are redirected for the duration of the call; cdrgen's own messages go through
 * picocli's writers, which are captured apart, so a test can tell "one line naming the problem" from the log.
 *
 * <p>The root log level is restored after each run: a --quiet or -v run here never changes the logging of the
 * tests that run after it in the same JVM.
 */
public final class Cli {
    /** The fixed seed and start date of {@link #generate}: the same drop every time. */
    public static final String SEED = "20260302";
    public static final String START = "2026-03-02";

    private Cli() {
    }

    /**
     * What one invocation produced.
     *
     * @param out       stdout: picocli's out writer and whatever reached System.out
     * @param err       cdrgen's own messages (picocli's err writer): the one line of a refusal or failure
     * @param systemErr what reached System.err: log lines, progress
     * @param stderr    everything a terminal would show on stderr, err and systemErr in the order written
     */
    public record Result(List<String> args, int exit, String out, String err, String systemErr, String stderr) {
        /** A child JVM's result: its stderr is one stream, so there is no separate System.err to show. */
        public static Result ofChildProcess(List<String> args, int exit, String out, String stderr) {
            return new Result(args, exit, out, stderr, "", stderr);
        }

        /** Non-blank lines of {@link #err}: cdrgen's messages, without the log. */
        public List<String> errLines() {
            return nonBlankLines(err);
        }

        /** Non-blank lines of {@link #stderr}: messages and log lines together. */
        public List<String> stderrLines() {
            return nonBlankLines(stderr);
        }

        /** For assertion messages. */
        public String describe() {
            return "cdrgen " + String.join(" ", args) + "\n  exit " + exit + "\n  stdout: " + out + "\n  stderr: " + err
                    + "\n  System.err: " + systemErr;
        }

        private static List<String> nonBlankLines(String text) {
            return text.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Runs cdrgen with these arguments, then restores the root log level. */
    public static Result run(String... args) {
        return run(true, args);
    }

    /**
     * Runs cdrgen and leaves the root log level as the run set it: only for tests of the logging setup itself
     * (that a run's --quiet never outlives it must hold without the harness's help).
     */
    public static Result runLeavingLogLevel(String... args) {
        return run(false, args);
    }

    /** Runs cdrgen and fails the test unless it exits 0. */
    public static Result ok(String... args) {
        return expectSuccess(run(args));
    }

    /** Generates a drop with {@link #SEED} and {@link #START}, --quiet, plus the given options; fails unless exit 0. */
    public static Result generate(Path dir, int subscribers, int days, String... extra) {
        List<String> args = new ArrayList<>(List.of("--subscribers", Integer.toString(subscribers), "--days",
                Integer.toString(days), "--seed", SEED, "--start-date", START, "--quiet", "--output-dir", dir.toString()));
        args.addAll(Arrays.asList(extra));
        return ok(args.toArray(String[]::new));
    }

    private static Result expectSuccess(Result r) {
        if (r.exit() != 0) {
            throw new AssertionError("expected exit 0 from " + r.describe());
        }
        return r;
    }

    /** One run at a time: System.out/err and the root log level are process-wide. */
    private static synchronized Result run(boolean restoreLogLevel, String... args) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Copy err = new Copy(stderr);
        Copy systemErr = new Copy(stderr);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        int exit;
        try {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
            cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
            exit = cl.execute(args);
            cl.getOut().flush();
            cl.getErr().flush();
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
            if (restoreLogLevel) {
                root.setLevel(level);
            }
        }
        return new Result(List.of(args), exit, text(out), text(err.own), text(systemErr.own), text(stderr));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A stream kept on its own and also appended to a shared one, so that stderr keeps the order of writes. */
    private static final class Copy extends OutputStream {
        private final ByteArrayOutputStream own = new ByteArrayOutputStream();
        private final ByteArrayOutputStream shared;

        Copy(ByteArrayOutputStream shared) {
            this.shared = shared;
        }

        @Override
        public void write(int b) {
            synchronized (shared) {
                own.write(b);
                shared.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (shared) {
                own.write(b, off, len);
                shared.write(b, off, len);
            }
        }
    }
}
