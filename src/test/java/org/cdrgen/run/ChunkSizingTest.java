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
}
