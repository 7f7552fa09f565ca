package org.cdrgen.drop;

import java.util.concurrent.TimeUnit;
import org.cdrgen.generate.ChunkGenerator;
import org.cdrgen.generate.GenerationModel;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.output.ChunkBuffer;
import org.cdrgen.output.CsvRowSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One block of a compressed file ({@link Frames#BLOCK_BYTES} of the default profile's event rows) into one
 * gzip member or zstd frame, as a compression thread does it: the cost per block of each codec and level
 * (the levels the defaults were chosen among). The block's compressed size is printed once per fork, at set-up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class FrameCodecBenchmark {
    @Param({"GZIP:1", "GZIP:6", "ZSTD:1", "ZSTD:3", "ZSTD:-1"})
    public String codec;

    private final byte[] block = new byte[Frames.BLOCK_BYTES];
    private FrameCodec frames;
    private byte[] out;

    @Setup
    public void setup() {
        String[] parts = codec.split(":");
        frames = FrameCodec.of(Compression.valueOf(parts[0]), Integer.parseInt(parts[1]));
        GenerationModel model = new GenerationModel(42, 10_000, java.time.LocalDate.of(2026, 3, 2), 1,
                new ProfileLoader().loadBuiltIn().profile(), java.util.List.of());
        ChunkBuffer chunk = new ChunkBuffer(1000);
        new ChunkGenerator(model).generate(0, 0, 1000, false, new CsvRowSink(chunk));
        int filled = 0;
        while (filled < block.length) { // the chunk's rows, repeated if it holds less than a block
            int n = Math.min(chunk.events().size(), block.length - filled);
            System.arraycopy(chunk.events().array(), 0, block, filled, n);
            filled += n;
        }
        out = frames.compress(block, 0, block.length, out);
        System.out.printf(java.util.Locale.ROOT, "%n%s: a block of %,d bytes compresses to %,d (%.2f%%)%n", codec,
                block.length, frames.length(), 100.0 * frames.length() / block.length);
    }

    @Benchmark
    public int compress() {
        out = frames.compress(block, 0, block.length, out);
        return frames.length();
    }
}
