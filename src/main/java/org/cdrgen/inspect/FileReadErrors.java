package org.cdrgen.inspect;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.cdrgen.IoReasons;

/**
 * Makes a failed read of the file itself a {@link FileSystemException} naming the file. Decompressors and the
 * CSV parser report malformed content as IOExceptions too; this tells the two apart, so that a failing disk
 * reads as an I/O failure (exit 1) and not as a malformed file (exit 2).
 */
final class FileReadErrors extends FilterInputStream {
    private final Path file;

    FileReadErrors(Path file, InputStream in) {
        super(in);
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw named(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw named(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw named(e);
        }
    }

    private FileSystemException named(IOException e) {
        if (e instanceof FileSystemException fs) {
            return fs;
        }
        FileSystemException named = new FileSystemException(file.toString(), null, IoReasons.of(e));
        named.initCause(e);
        return named;
    }
}
