package org.cdrgen.run;

import java.nio.file.Path;
import java.time.LocalDate;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.output.Compression;

/**
 * Everything a run needs, already validated. Only {@code threads} may differ between two runs that must give
 * identical output; {@code chunkSubscribers} changes how work is cut, never what is written.
 */
public record RunSettings(
        int subscribers,
        int days,
        LocalDate startDate,
        long seed,
        int threads,
        Path outputDir,
        long maxFileBytes,
        Compression compression,
        ProfileLoader.Loaded profile,
        int chunkSubscribers,
        Shard shard) {

    public static final int DEFAULT_CHUNK_SUBSCRIBERS = 1000;
}
