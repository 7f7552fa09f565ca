package org.cdrgen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.concurrent.CancellationException;
import org.cdrgen.IoReasons;
import org.cdrgen.config.ConfigException;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.drop.Compression;
import org.cdrgen.drop.DropRefusedException;
import org.cdrgen.drop.IoErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point: runs the command and maps every failure to one line on stderr and an exit code. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (generatesWithTheBuiltInProfile(args)) {
            ProfileLoader.prefetchBuiltIn();
        }
        System.exit(execute(args));
    }

    /** A generating run without --config: it will load the built-in profile (a guess; nothing else depends on it). */
    static boolean generatesWithTheBuiltInProfile(String... args) {
        boolean subscribers = false;
        for (String arg : args) {
            if (arg.equals("--config") || arg.startsWith("--config=")) {
                return false;
            }
            subscribers |= arg.equals("--subscribers") || arg.startsWith("--subscribers=");
        }
        return subscribers;
    }

    /** Runs cdrgen in this JVM and returns the exit code (tests call this, as the jar does). */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println("cdrgen: out of memory (the JVM may use " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB): give it more with -Xmx, or use fewer --threads");
            cl.getErr().flush();
            return ExitCodes.RUN_FAILED;
        }
    }

    public static CommandLine commandLine() {
        System.setProperty("cdrgen.cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        CommandLine cl = new CommandLine(new CdrgenCommand());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("cdrgen: " + ex.getMessage() + " (see 'cdrgen --help')");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            int code = ExitCodes.RUN_FAILED;
            String message;
            if (ex instanceof ConfigException) {
                message = "config error: " + ex.getMessage();
                code = ExitCodes.BAD_INPUT;
            } else if (ex instanceof BadInputException || ex instanceof DropRefusedException) {
                message = ex.getMessage();
                code = ExitCodes.BAD_INPUT;
            } else if (ex instanceof Compression.CodecUnavailableException) {
                message = ex.getMessage();
            } else if (ex instanceof InterruptedException || ex instanceof CancellationException) {
                message = "stopped by a signal: the files of this run removed, no _SUCCESS written";
                code = ExitCodes.INTERRUPTED;
            } else {
                // verify and stats only read; the generating command mostly writes
                boolean reading = cmd.getCommandSpec().parent() != null;
                message = describe(ex, reading ? "cannot read " : "cannot write ");
                LOG.debug("Run failed", ex);
            }
            // "cdrgen: ..." or "cdrgen verify: ...", so the user sees which command failed
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
            err.flush();
            return code;
        });
        return cl;
    }

    /**
     * One line for an I/O failure: the file and the operating system's reason, e.g. "cannot write X: No space
     * left on device". An exception that says what it was doing (see IoErrors) brings its own verb.
     */
    static String describe(Throwable ex, String defaultVerb) {
        // The outermost exception that names a file says best where it happened.
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IoErrors.Failed failed) {
                return failed.getMessage();
            }
            if (t instanceof FileSystemException fs && fs.getFile() != null) {
                return defaultVerb + fs.getFile() + ": " + IoReasons.of(fs);
            }
        }
        Throwable cause = ex;
        while (cause instanceof UncheckedIOException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException io) {
            return "I/O error: " + IoReasons.of(io);
        }
        String what = ex.getMessage();
        return "failed unexpectedly" + (what == null || what.isBlank() ? "" : ": " + what.lines().findFirst().orElse(""))
                + " (run with -v for details)";
    }
}
