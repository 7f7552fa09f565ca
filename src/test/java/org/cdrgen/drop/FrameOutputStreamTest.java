package org.cdrgen.drop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compressed files as concatenated members/frames: they decode to exactly what was written, and their bytes
 * depend on the bytes written alone, not on how the writes were cut nor on which threads compressed.
 */
class FrameOutputStreamTest {
    private static final int B = Frames.BLOCK_BYTES;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** CSV-like bytes: compressible, but not trivially. */
    private static byte[] data(int length) {
        SplittableRandom random = new SplittableRandom(length);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i % 97 == 96 ? '\n' : '0' + random.nextInt(random.nextInt(10) + 1));
        }
        return b;
    }

    private static byte[] compress(Frames frames, byte[] data, int piece) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = frames.open(sink)) {
            for (int off = 0; off < data.length; off += piece) {
                out.write(data, off, Math.min(piece, data.length - off));
            }
        }
        return sink.toByteArray();
    }

    private static byte[] decompress(Compression compression, byte[] file) throws IOException {
        try (InputStream in = compression.unwrap(new ByteArrayInputStream(file))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0} level {1}, {2} bytes")
    @CsvSource({"GZIP, 1, 0", "GZIP, 1, 1", "GZIP, 6, 2097151", "GZIP, 1, 2097152", "GZIP, 9, 2097153",
        "GZIP, 1, 6291461", "ZSTD, 1, 0", "ZSTD, 1, 1", "ZSTD, 3, 2097152", "ZSTD, -7, 2097153", "ZSTD, 19, 300000",
        "ZSTD, 1, 6291461"})
    void decodesToWhatWasWrittenWhateverTheThreadsAndWrites(Compression compression, int level, int length)
            throws IOException {
        byte[] data = data(length);
        byte[] alone = compress(Frames.onCallingThread(compression, level), data, Integer.MAX_VALUE);
        assertArrayEquals(data, decompress(compression, alone), "round trip");
        byte[] pooled = compress(new Frames(compression, level, POOL, 3), data, 100_003);
        assertArrayEquals(alone, pooled, "3 threads, writes of 100,003 bytes vs one thread, one write");
        byte[] small = compress(new Frames(compression, level, POOL, 1), data, 4093);
        assertArrayEquals(alone, small, "writes of 4,093 bytes");
        int blocks = Math.max(1, (length + B - 1) / B);
        assertEquals(blocks, count(compression, alone), "one member or frame per started block");
        if (length > 1000) {
            assertTrue(alone.length < length, "compressed: " + alone.length + " of " + length);
        }
    }

    /** Members (gzip magic at the start of each) or frames (zstd magic), walked by their own headers. */
    private static int count(Compression compression, byte[] file) throws IOException {
        int n = 0;
        for (int i = 0; i + 4 <= file.length; i++) {
            boolean gzip = compression == Compression.GZIP && (file[i] & 0xff) == 0x1f && (file[i + 1] & 0xff) == 0x8b
                    && file[i + 2] == 8 && file[i + 3] == 0;
            boolean zstd = compression == Compression.ZSTD && (file[i] & 0xff) == 0x28 && (file[i + 1] & 0xff) == 0xb5
                    && (file[i + 2] & 0xff) == 0x2f && (file[i + 3] & 0xff) == 0xfd;
            if (gzip || zstd) {
                n++;
            }
        }
        return n;
    }
}
