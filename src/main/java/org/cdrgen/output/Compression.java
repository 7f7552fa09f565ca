package org.cdrgen.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** How data files are compressed; rotation is always measured in uncompressed bytes. */
public enum Compression {
    NONE(""),
    GZIP(".gz");

    private final String suffix;

    Compression(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    public OutputStream wrap(OutputStream out) throws IOException {
        switch (this) {
            case GZIP:
                return new GZIPOutputStream(out, 1 << 16);
            default:
                return out;
        }
    }
}
