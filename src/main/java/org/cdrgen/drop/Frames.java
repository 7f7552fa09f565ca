package org.cdrgen.drop;

import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * How a run compresses its files: the codec and level, and the threads that compress. Each file is cut into
 * blocks of {@link #BLOCK_BYTES} uncompressed bytes, by position in the file alone (never by chunk, thread or
 * row), and each block becomes one gzip member or zstd frame, compressed on the executor while the writer
 * goes on; the writer writes them in order (see {@link FrameOutputStream}). The files are then the same bytes
 * whatever the thread count, chunk size or machine.
 *
 * <p>Used by the writer thread only; the executor's threads each keep their own {@link FrameCodec}.
 */
public final class Frames {
    /**
     * Uncompressed bytes per member or frame: 2 MiB compresses within 0.1% of one stream at the default
     * levels (zstd's level-1 window is 512 KiB, gzip's 32 KiB), and keeps a few blocks in flight per thread small.
     */
    public static final int BLOCK_BYTES = 2 << 20;

    private final Compression compression;
    private final int level;
    private final Executor executor;
    private final int maxPending;
    private final ThreadLocal<FrameCodec> codecs;
    private final ArrayDeque<FrameOutputStream.Block> spare = new ArrayDeque<>();

    /**
     * @param executor   runs the compression of each block (the run's compression threads)
     * @param maxPending blocks of one file in flight at most, before the writer waits for the oldest
     */
    public Frames(Compression compression, int level, Executor executor, int maxPending) {
        if (compression == Compression.NONE) {
            throw new IllegalArgumentException("no frames without compression");
        }
        compression.checkLevel(level);
        this.compression = compression;
        this.level = level;
        this.executor = executor;
        this.maxPending = Math.max(1, maxPending);
        this.codecs = ThreadLocal.withInitial(() -> FrameCodec.of(compression, level));
    }

    /** Compression on the calling thread, one block at a time: for files written outside a run's pool. */
    public static Frames onCallingThread(Compression compression, int level) {
        return new Frames(compression, level, Runnable::run, 1);
    }

    public Compression compression() {
        return compression;
    }

    public int level() {
        return level;
    }

    /** A stream that writes compressed blocks to {@code sink}, which it closes when closed. */
    OutputStream open(OutputStream sink) {
        return new FrameOutputStream(sink, this);
    }

    Executor executor() {
        return executor;
    }

    int maxPending() {
        return maxPending;
    }

    /** The compressor of the current thread (a compression thread). */
    FrameCodec codec() {
        return codecs.get();
    }

    /** A block to fill: a written one, recycled, so that a run allocates only as many as it has in flight. */
    FrameOutputStream.Block takeBlock() {
        FrameOutputStream.Block block = spare.poll();
        return block != null ? block : new FrameOutputStream.Block(BLOCK_BYTES);
    }

    void recycle(FrameOutputStream.Block block) {
        block.inLength = 0;
        spare.add(block);
    }
}
