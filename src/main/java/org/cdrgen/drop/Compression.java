package org.cdrgen.drop;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.util.Native;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** How data files are compressed; rotation is always measured in uncompressed bytes. */
public enum Compression {
    NONE("", 0, 0, 0),
    // Defaults measured on the default profile's CSV (bench/RESULTS.md, "Compression in the workers"):
    // the fastest level of each codec, since a drop is written once and mostly read once.
    GZIP(".gz", 1, 1, 9),
    ZSTD(".zst", 1, -7, 19);

    private final String suffix;
    private final int defaultLevel;
    private final int minLevel;
    private final int maxLevel;

    Compression(String suffix, int defaultLevel, int minLevel, int maxLevel) {
        this.suffix = suffix;
        this.defaultLevel = defaultLevel;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
    }

    /** The level used when none is asked for (0 for NONE, which has none). */
    public int defaultLevel() {
        return defaultLevel;
    }

    /**
     * Refuses a level this codec does not have, in one line: gzip 1..9, zstd -7..19 (negative levels are
     * zstd's --fast ones).
     */
    public void checkLevel(int level) {
        if (this == NONE) {
            if (level != 0) {
                throw new IllegalArgumentException("a compression level needs --compress gzip or zstd");
            }
            return;
        }
        if (level < minLevel || level > maxLevel) {
            throw new IllegalArgumentException("compression level " + level + " is not one of " + label() + "'s levels, "
                    + minLevel + " to " + maxLevel);
        }
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
