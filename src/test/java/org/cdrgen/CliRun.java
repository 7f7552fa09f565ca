package org.cdrgen;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.cdrgen.cli.Main;
import picocli.CommandLine;

/**
 * Runs the real CLI entry point ({@link Main#commandLine()}) in this JVM, as the jar does, and captures what
 * a user would see: the exit code, stdout and stderr. Logback writes to {@code System.err} (looked up per
 * write), so System.out/err are redirected for the duration of the call as well; picocli's own writers point
 * at the same streams, so stderr holds the log lines and the error messages in the order they were written.
 */
public final class CliRun {
    private CliRun() {
    }

    /** What one CLI invocation produced. */
    public record Result(List<String> args, int exitCode, String out, String err) {
        /** Non-empty lines of stderr. */
        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        /** For assertion messages. */
        public String describe() {
            return "cdrgen " + String.join(" ", args) + "\n  exit " + exitCode + "\n  stdout: " + out
                    + "\n  stderr: " + err;
        }
    }

    /** Runs cdrgen with these arguments; one at a time, because System.out/err are process-wide. */
    public static synchronized Result run(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(out);
        System.setErr(err);
        int code;
        try {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
            cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
            code = cl.execute(args);
            cl.getOut().flush();
            cl.getErr().flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(Arrays.asList(args.clone()), code, outBytes.toString(StandardCharsets.UTF_8),
                errBytes.toString(StandardCharsets.UTF_8));
    }

    /** Runs cdrgen and fails the test unless it exits 0. */
    public static Result ok(String... args) {
        Result r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("expected exit 0 from " + r.describe());
        }
        return r;
    }
}
