package org.cdrgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cdrgen.output.ChunkBuffer;
import org.junit.jupiter.api.Test;

/** Chunks in flight (two per thread) must fit in a quarter of the heap; chunk size never changes output. */
class ChunkSizingTest {
    @Test
    void aRoomyHeapKeepsTheDefaultChunk() {
        assertEquals(RunSettings.DEFAULT_CHUNK_SUBSCRIBERS, RunSettings.chunkSubscribersFor(2, 6L << 30));
    }

    @Test
    void manyThreadsOnASmallHeapGetSmallerChunksThatFit() {
        int threads = 64;
        long heap = 300L << 20;
        int chunk = RunSettings.chunkSubscribersFor(threads, heap);
        assertTrue(chunk < RunSettings.DEFAULT_CHUNK_SUBSCRIBERS, "smaller: " + chunk);
        long inFlight = (2L * threads + 2) * chunk * ChunkBuffer.BYTES_PER_SUBSCRIBER_DAY;
        assertTrue(inFlight <= heap / 4, inFlight + " bytes in flight");
    }

    @Test
    void neverBelowFiftySubscribers() {
        assertEquals(50, RunSettings.chunkSubscribersFor(1024, 16L << 20));
    }

    /** A small shard is cut so that every thread gets a chunk of it; a large one keeps the default. */
    @Test
    void aSmallShardIsSharedByTheThreads() {
        assertEquals(500, RunSettings.chunkSubscribersFor(2, 6L << 30, 1000));
        assertEquals(334, RunSettings.chunkSubscribersFor(3, 6L << 30, 1000));
        assertEquals(50, RunSettings.chunkSubscribersFor(8, 6L << 30, 10), "never below fifty");
        assertEquals(RunSettings.DEFAULT_CHUNK_SUBSCRIBERS, RunSettings.chunkSubscribersFor(2, 6L << 30, 1_000_000));
        assertEquals(RunSettings.chunkSubscribersFor(64, 300L << 20), RunSettings.chunkSubscribersFor(64, 300L << 20,
                1_000_000), "the heap's bound still holds");
    }

    /** Compressed files' blocks: two per thread on a roomy heap, never more than an eighth of a small one. */
    @Test
    void compressedBlocksInFlightFitTheHeap() {
        assertEquals(6, GenerationRun.blocksInFlight(2, 512L << 20));
        assertEquals(130, GenerationRun.blocksInFlight(64, 16L << 30));
        int small = GenerationRun.blocksInFlight(64, 512L << 20);
        assertTrue(small < 130, "fewer on a small heap: " + small);
        assertTrue(2L * small * 2 * org.cdrgen.drop.Frames.BLOCK_BYTES <= (512L << 20) / 8, small + " blocks");
        assertEquals(2, GenerationRun.blocksInFlight(1024, 16L << 20), "never below two");
    }
}
