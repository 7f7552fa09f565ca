package org.cdrgen.drop;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.cdrgen.IoReasons;

/**
 * Makes an I/O error name the file it happened to and what was being done to it: a plain "No space left on
 * device" from a stream does not say where, and the user's one line of error must.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** An I/O failure whose message is already the user's line: "cannot VERB PATH: REASON". */
    public static final class Failed extends FileSystemException {
        Failed(String verb, Path file, IOException cause) {
            super(String.valueOf(file), null, IoReasons.of(cause));
            initCause(cause);
            this.line = "cannot " + verb + " " + file + ": " + IoReasons.of(cause);
        }

        private final String line;

        @Override
        public String getMessage() {
            return line;
        }
    }

    /** A write failure, named; an exception that already names its file keeps it. */
    static IOException naming(Path file, IOException e) {
        if (e instanceof Failed || e instanceof FileSystemException fs && fs.getFile() != null) {
            return e;
        }
        return new Failed("write", file, e);
    }

    public static IOException failed(String verb, Path file, IOException e) {
        return e instanceof Failed ? e : new Failed(verb, file, e);
    }
}
