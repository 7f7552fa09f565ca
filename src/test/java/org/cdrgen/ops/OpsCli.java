package org.cdrgen.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cdrgen.cli.Main;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs the real CLI ({@link Main#commandLine()}) in this JVM and captures exit code, picocli's stdout and
 * stderr, and whatever reached {@code System.err} meanwhile (Logback's console appender looks System.err up
 * on every write). The root log level is restored afterwards, so a --quiet or -v run here never changes
 * the logging of tests that run later in the same JVM.
 */
final class OpsCli {
    /** Fixed inputs of every generating run in the ops tests. */
    static final String SEED = "20260302";
    static final String START = "2026-03-02";

    private OpsCli() {
    }

    record Result(List<String> args, int exit, String out, String err, String systemErr) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        String describe() {
            return "cdrgen " + String.join(" ", args) + "\n  exit " + exit + "\n  stdout: " + out + "\n  stderr: " + err
                    + "\n  System.err: " + systemErr;
        }
    }

    static synchronized Result run(String... args) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        int exit;
        try {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            exit = cl.execute(args);
        } finally {
            System.err.flush();
            System.setErr(oldErr);
            root.setLevel(level);
        }
        return new Result(List.of(args), exit, out.toString(), err.toString(),
                systemErr.toString(StandardCharsets.UTF_8));
    }

    /** Generates a drop with the fixed seed and start date, --quiet, plus the given options; fails unless exit 0. */
    static Result generate(Path dir, int subscribers, int days, String... extra) {
        List<String> args = new ArrayList<>(List.of("--subscribers", Integer.toString(subscribers), "--days",
                Integer.toString(days), "--seed", SEED, "--start-date", START, "--quiet", "--output-dir", dir.toString()));
        args.addAll(Arrays.asList(extra));
        Result r = run(args.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new AssertionError("expected exit 0 from " + r.describe());
        }
        return r;
    }
}
