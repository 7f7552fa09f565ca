package org.cdrgen.run;

import java.nio.file.Path;
import java.time.LocalDate;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.output.ChunkBuffer;
import org.cdrgen.drop.Compression;

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

    /**
     * Subscribers per chunk: the default, or fewer when the heap is small for this many threads. Two chunks
     * per thread are in flight, and they should take at most a quarter of the heap. The chunk size never
     * changes the output, so this is free to adapt.
     */
    public static int chunkSubscribersFor(int threads, long maxHeapBytes) {
        long perChunk = maxHeapBytes / 4 / (2L * threads + 2);
        long subscribers = perChunk / ChunkBuffer.BYTES_PER_SUBSCRIBER_DAY;
        return (int) Math.max(50, Math.min(DEFAULT_CHUNK_SUBSCRIBERS, subscribers));
    }
}
