package org.cdrgen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CancellationException;
import org.cdrgen.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point: runs the command and maps every failure to one line on stderr and an exit code. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
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
            } else if (ex instanceof BadInputException) {
                message = ex.getMessage();
                code = ExitCodes.BAD_INPUT;
            } else if (ex instanceof InterruptedException || ex instanceof CancellationException) {
                message = "stopped by a signal: temporary files removed, no _SUCCESS written";
                code = ExitCodes.INTERRUPTED;
            } else {
                message = describe(ex);
                LOG.debug("Run failed", ex);
            }
            // "cdrgen: ..." or "cdrgen verify: ...", so the user sees which command failed
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
            err.flush();
            return code;
        });
        return cl;
    }

    /** Java leaves the reason empty for the commonest failures; say them in words. */
    private static String reason(FileSystemException fs) {
        if (fs.getReason() != null) {
            return fs.getReason();
        }
        if (fs instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (fs instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (fs instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (fs instanceof FileAlreadyExistsException) {
            return "a file of that name already exists";
        }
        return fs.getClass().getSimpleName();
    }

    /** One line for an I/O failure: the file and the reason, e.g. "cannot write X: No space left on device". */
    static String describe(Throwable ex) {
        // The outermost exception that names a file says best where it happened.
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getFile() != null) {
                return "cannot write " + fs.getFile() + ": " + reason(fs);
            }
        }
        Throwable cause = ex;
        while (cause instanceof UncheckedIOException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException) {
            return "I/O error: " + cause.getMessage();
        }
        return "failed: " + ex;
    }
}
