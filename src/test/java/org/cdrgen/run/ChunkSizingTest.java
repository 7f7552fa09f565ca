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
