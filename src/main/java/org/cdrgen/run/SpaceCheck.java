package org.cdrgen.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cdrgen.drop.Compression;
import org.cdrgen.drop.DropRefusedException;

/**
 * Refuses a run whose estimated output cannot fit on the output directory's file system, before anything is
 * written: a typo in --subscribers or --days should not fill a disk through the night and fail at 6 a.m.
 */
public final class SpaceCheck {
    /**
     * Compressed bytes per uncompressed byte, assumed lower than any profile gives (gzip writes ~0.17 and
     * zstd ~0.19 of the default profile's CSV), so that the check refuses only runs that surely cannot fit.
     */
    static final double LOWEST_COMPRESSED_RATIO = 0.10;

    private SpaceCheck() {
    }

    /** The bytes the run needs at least, for this many uncompressed bytes. */
    public static long neededBytes(RunSettings settings, long estimatedBytes) {
        double ratio = settings.compression() == Compression.NONE ? 1.0 : LOWEST_COMPRESSED_RATIO;
        return (long) (estimatedBytes * ratio);
    }

    /** Usable bytes on the file system of {@code dir} (or of its nearest existing ancestor). */
    public static long usableBytes(Path dir) throws IOException {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
    }

    /** Refuses (exit 2) a run of this many estimated rows and uncompressed bytes that cannot fit. */
    public static void require(RunSettings settings, long estimatedRows, long estimatedBytes) throws IOException {
        long needed = neededBytes(settings, estimatedBytes);
        long usable = usableBytes(settings.outputDir());
        if (needed > usable) {
            throw new DropRefusedException("not enough space: the run would write about " + bytes(needed)
                    + (settings.compression() == Compression.NONE ? "" : " even compressed")
                    + " (" + String.format(Locale.ROOT, "%,d", estimatedRows) + " rows) but "
                    + settings.outputDir() + " has " + bytes(usable) + " free; use fewer --subscribers or --days,"
                    + " another --output-dir, or --no-space-check");
        }
    }

    /** 1,536 bytes -> "1.5 KiB": what a person reads, never a raw count of digits. */
    public static String bytes(long n) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = n;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? n + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
