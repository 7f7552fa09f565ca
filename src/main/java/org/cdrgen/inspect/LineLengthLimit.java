package org.cdrgen.inspect;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Fails a read once a physical line grows past a limit. A CSV parser holds a whole record in memory, so
 * without a limit one line (a 9 MB gzip can expand to a 2 GB line) costs whatever memory there is; cdrgen's
 * rows are ~250 characters, so a line of a mebibyte is not a cdrgen file.
 */
final class LineLengthLimit extends FilterReader {
    static final int MAX_LINE_CHARS = 1 << 20;

    /** A line of the file is too long: the message is one line naming the line and the file. */
    static final class LineTooLongException extends IOException {
        LineTooLongException(String message) {
            super(message);
        }
    }

    private final Path file;
    private long line = 1;
    private int lineChars;

    LineLengthLimit(Path file, Reader in) {
        super(in);
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            count(buffer[i]);
        }
        return n;
    }

    private void count(char c) throws LineTooLongException {
        if (c == '\n') {
            line++;
            lineChars = 0;
        } else if (++lineChars > MAX_LINE_CHARS) {
            throw new LineTooLongException("line " + line + " of " + file + " is longer than 1 MiB: not a cdrgen file");
        }
    }

    @Override
    public long skip(long n) throws IOException {
        // Through read(), so that skipped characters count towards their line too.
        char[] buffer = new char[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        for (int r; skipped < n && (r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped))) > 0; ) {
            skipped += r;
        }
        return skipped;
    }

    /** No mark: characters read again after a reset would be counted twice. */
    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        throw new IOException("mark() not supported");
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("reset() not supported");
    }
}
