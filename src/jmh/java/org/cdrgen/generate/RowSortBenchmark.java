package org.cdrgen.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cdrgen.model.EventRow;
import org.cdrgen.output.RowChunk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-subscriber-day sort of {@link RowBatch#sortByStart}: one op sorts the row keys of every
 * subscriber-day of a 2,000-subscriber chunk (~38,000 rows, ~1,900 sorts of 1 to a few hundred keys).
 * The keys are rebuilt from a real chunk in the order the services add rows (each service's rows in time
 * order, one service after another: the rows grouped by event type and direction, stably), so the input
 * has the sizes and the sorted runs of a run's. {@code method}: insertion = {@link SmallSort#sort} (what
 * RowBatch used before), runs = {@link SmallSort#sortRuns}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class RowSortBenchmark {
    @Param({"insertion", "runs"})
    public String method;

    private long[][] batches;
    private long[] work = new long[16];
    private long[] scratch = new long[16];
    private int[] bounds = new int[17];

    @Setup
    public void setup() {
        GenerationModel model = BenchModels.builtIn(2_000, 1);
        RowChunk chunk = new RowChunk();
        new ChunkGenerator(model).generate(0, 0, 2_000, false, chunk);
        long dayStart = model.day(0).startMs();
        List<long[]> out = new ArrayList<>();
        int i = 0;
        while (i < chunk.eventRows()) {
            long key = chunk.event(i).recordId / RowBatch.PER_SUBSCRIBER_DAY;
            List<EventRow> day = new ArrayList<>();
            while (i < chunk.eventRows() && chunk.event(i).recordId / RowBatch.PER_SUBSCRIBER_DAY == key) {
                day.add(chunk.event(i++));
            }
            day.sort((a, b) -> Integer.compare(a.eventType.ordinal() * 8 + a.direction.ordinal(),
                    b.eventType.ordinal() * 8 + b.direction.ordinal()));
            long[] keys = new long[day.size()];
            for (int r = 0; r < keys.length; r++) {
                keys[r] = (day.get(r).startMs - dayStart) << 20 | r;
            }
            out.add(keys);
        }
        batches = out.toArray(new long[0][]);
        int longest = 0;
        for (long[] b : batches) {
            longest = Math.max(longest, b.length);
        }
        work = new long[longest];
        scratch = new long[longest];
        bounds = new int[longest + 1];
    }

    @Benchmark
    public long sortChunk() {
        boolean runs = method.equals("runs");
        long check = 0;
        for (long[] keys : batches) {
            int n = keys.length;
            System.arraycopy(keys, 0, work, 0, n);
            if (runs) {
                SmallSort.sortRuns(work, n, scratch, bounds);
            } else {
                SmallSort.sort(work, 0, n);
            }
            check += n == 0 ? 0 : work[n - 1];
        }
        return check;
    }
}
