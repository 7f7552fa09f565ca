package org.cdrgen.generate;

import java.util.concurrent.TimeUnit;
import org.cdrgen.output.ChunkBuffer;
import org.cdrgen.output.CsvRowSink;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole {@link ChunkGenerator#generate} of a 1,000-subscriber chunk on one day (generation and row
 * formatting into a {@link ChunkBuffer}; no file I/O), in a 100,000-subscriber population. Ops walk the
 * population chunk by chunk, as one worker of a run does. The secondary result "rows" is the time per
 * event row (the score divided by the rows each op made); gc.alloc.rate.norm is bytes per chunk.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ChunkGeneratorBenchmark {
    private static final int SUBSCRIBERS = 100_000;
    private static final int CHUNK = 1_000;

    /** Whether the chunk also formats its subscribers.csv rows, as on a run's first day. */
    @Param({"false"})
    public boolean withSubscriberRows;

    private ChunkGenerator generator;
    private final ChunkBuffer buffer = new ChunkBuffer(1000);
    private final CsvRowSink csv = new CsvRowSink(buffer);
    private int next;

    /** Counts event rows, so JMH reports the time per row next to the time per chunk. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rows {
        public long rows;

        @Setup(Level.Iteration)
        public void reset() {
            rows = 0;
        }
    }

    @Setup
    public void setup() {
        generator = new ChunkGenerator(BenchModels.builtIn(SUBSCRIBERS, 1));
    }

    @Benchmark
    public int generate(Rows counter) {
        int first = next * CHUNK;
        next = (next + 1) % (SUBSCRIBERS / CHUNK);
        buffer.reset();
        generator.generate(0, first, CHUNK, withSubscriberRows, csv);
        counter.rows += buffer.eventRows();
        return buffer.eventRows();
    }
}
