package org.cdrgen.drop;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import com.github.luben.zstd.util.Native;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** How data files are compressed; rotation is always measured in uncompressed bytes. */
public enum Compression {
    NONE(""),
    GZIP(".gz"),
    ZSTD(".zst");

    private final String suffix;

    Compression(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** The name used on the command line and in manifest.json. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Fails with one line, before anything is written, when this machine cannot use the codec: zstd-jni
     * unpacks its native library into java.io.tmpdir, which may be missing, full or mounted noexec.
     */
    public void requireAvailable() throws CodecUnavailableException {
        if (this != ZSTD) {
            return;
        }
        try {
            Native.load();
        } catch (LinkageError | RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static CodecUnavailableException unavailable(Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new CodecUnavailableException("zstd is unavailable on this machine: its native library cannot be"
                + " loaded from java.io.tmpdir (" + System.getProperty("java.io.tmpdir") + "), which must exist, be"
                + " writable and allow executing files (" + why.trim() + "); point -Djava.io.tmpdir at such a"
                + " directory (JAVA_OPTS with bin/cdrgen)");
    }

    public OutputStream wrap(OutputStream out) throws IOException {
        requireAvailable();
        switch (this) {
            case GZIP:
                return new GZIPOutputStream(out, 1 << 16);
            case ZSTD:
                // Level 3 is zstd's default: several times faster than gzip at a similar ratio.
                return new ZstdOutputStream(out, 3);
            default:
                return out;
        }
    }

    public InputStream unwrap(InputStream in) throws IOException {
        requireAvailable();
        switch (this) {
            case GZIP:
                return new GZIPInputStream(in, 1 << 16);
            case ZSTD:
                return new ZstdInputStream(in);
            default:
                return in;
        }
    }

    /** The codec cannot run here (not the data's fault): one line for the user. */
    public static final class CodecUnavailableException extends IOException {
        public CodecUnavailableException(String message) {
            super(message);
        }
    }

    /** The compression a file name says it has. */
    public static Compression ofFileName(String name) {
        if (name.endsWith(GZIP.suffix)) {
            return GZIP;
        }
        if (name.endsWith(ZSTD.suffix)) {
            return ZSTD;
        }
        return NONE;
    }
}
