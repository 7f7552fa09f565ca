package org.cdrgen.output;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Makes an I/O error name the file it happened to: a plain "No space left on device" from a stream does not
 * say where, and the user's one line of error must.
 */
final class IoErrors {
    private IoErrors() {
    }

    static IOException naming(Path file, IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return e;
        }
        FileSystemException named = new FileSystemException(String.valueOf(file), null,
                e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        named.initCause(e);
        return named;
    }
}
