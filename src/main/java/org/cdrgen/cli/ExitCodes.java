package org.cdrgen.cli;

/** Process exit codes, as documented in the README and in --help. */
public final class ExitCodes {
    private ExitCodes() {
    }

    public static final int OK = 0;
    /** The run failed while working: I/O error, full disk, unwritable directory. */
    public static final int RUN_FAILED = 1;
    /** Bad input: options, config file, output directory. Nothing was written. */
    public static final int BAD_INPUT = 2;
    /** Stopped by SIGINT (Ctrl-C) or SIGTERM: 128 + signal number. */
    public static final int INTERRUPTED = 130;
    public static final int TERMINATED = 143;
}
