package org.cdrgen.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.generate.DayTransform;
import org.cdrgen.output.ChunkBuffer;
import org.cdrgen.drop.Compression;
import org.cdrgen.drop.DropFormat;
import org.cdrgen.drop.FileChecksum;

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
        Shard shard,
        List<DayTransform> transforms,
        DropFormat format,
        int compressionLevel,
        FileChecksum checksum) {

    /** The limits every way of starting a run checks (the CLI's options, the library's builder). */
    public static final int MAX_SUBSCRIBERS = 100_000_000;
    public static final int MAX_DAYS = 3660;
    public static final int MAX_THREADS = 1024;
    public static final long MIN_FILE_BYTES = 4096;
    public static final LocalDate FIRST_DATE = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

    public static final int DEFAULT_CHUNK_SUBSCRIBERS = 1000;

    /** A plain run: no scenarios, the codec's default level. */
    public RunSettings(int subscribers, int days, LocalDate startDate, long seed, int threads, Path outputDir,
            long maxFileBytes, Compression compression, ProfileLoader.Loaded profile, int chunkSubscribers,
            Shard shard) {
        this(subscribers, days, startDate, seed, threads, outputDir, maxFileBytes, compression, profile,
                chunkSubscribers, shard, List.of());
    }

    /** A CSV run at the codec's default level, SHA-256 checksums. */
    public RunSettings(int subscribers, int days, LocalDate startDate, long seed, int threads, Path outputDir,
            long maxFileBytes, Compression compression, ProfileLoader.Loaded profile, int chunkSubscribers,
            Shard shard, List<DayTransform> transforms) {
        this(subscribers, days, startDate, seed, threads, outputDir, maxFileBytes, compression, profile,
                chunkSubscribers, shard, transforms, DropFormat.CSV, compression.defaultLevel(), FileChecksum.SHA256);
    }

    /** A CSV run with this compression level and checksum. */
    public RunSettings(int subscribers, int days, LocalDate startDate, long seed, int threads, Path outputDir,
            long maxFileBytes, Compression compression, ProfileLoader.Loaded profile, int chunkSubscribers,
            Shard shard, List<DayTransform> transforms, int compressionLevel, FileChecksum checksum) {
        this(subscribers, days, startDate, seed, threads, outputDir, maxFileBytes, compression, profile,
                chunkSubscribers, shard, transforms, DropFormat.CSV, compressionLevel, checksum);
    }

    /** @throws IllegalArgumentException for a compression level the codec does not have (one line) */
    public RunSettings {
        transforms = List.copyOf(transforms);
        compression.checkLevel(compressionLevel);
        if (checksum == null) {
            throw new IllegalArgumentException("a checksum kind is needed (FileChecksum.SHA256 by default)");
        }
        if (format == null) {
            throw new IllegalArgumentException("a drop format is needed (DropFormat.CSV by default)");
        }
    }

    /** The same run with another checksum in the manifest. */
    public RunSettings withChecksum(FileChecksum kind) {
        return new RunSettings(subscribers, days, startDate, seed, threads, outputDir, maxFileBytes, compression, profile,
                chunkSubscribers, shard, transforms, format, compressionLevel, kind);
    }

    /** The same run with another compression level (the codec's own range: {@link Compression#checkLevel}). */
    public RunSettings withCompressionLevel(int level) {
        return new RunSettings(subscribers, days, startDate, seed, threads, outputDir, maxFileBytes, compression, profile,
                chunkSubscribers, shard, transforms, format, level, checksum);
    }

    /** The same run written as {@code dropFormat}. */
    public RunSettings withFormat(DropFormat dropFormat) {
        return new RunSettings(subscribers, days, startDate, seed, threads, outputDir, maxFileBytes, compression, profile,
                chunkSubscribers, shard, transforms, dropFormat, compressionLevel, checksum);
    }

    /** The same run cut into chunks of another size (which never changes what is written). */
    public RunSettings withChunkSubscribers(int subscribersPerChunk) {
        return new RunSettings(subscribers, days, startDate, seed, threads, outputDir, maxFileBytes, compression, profile,
                subscribersPerChunk, shard, transforms, format, compressionLevel, checksum);
    }

    /** The same run into another directory. */
    public RunSettings withOutputDir(Path dir) {
        return new RunSettings(subscribers, days, startDate, seed, threads, dir, maxFileBytes, compression, profile,
                chunkSubscribers, shard, transforms, format, compressionLevel, checksum);
    }

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

    /**
     * As {@link #chunkSubscribersFor(int, long)}, and no more than a thread's share of the shard's subscribers:
     * a 1,000-subscriber day is then two chunks that two workers generate at once, not one that the other
     * worker waits for (a short run's chunk runs in cold, interpreted code, 0.1 s of a 0.6 s run).
     */
    public static int chunkSubscribersFor(int threads, long maxHeapBytes, int shardSubscribers) {
        int share = (int) Math.max(50, ((long) shardSubscribers + threads - 1) / threads);
        return Math.min(chunkSubscribersFor(threads, maxHeapBytes), share);
    }
}
