package org.cdrgen.output;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The number and timestamp writers of {@link ByteSink}, one value per op into a sink reset per op. Values
 * come from a table of 1024 so that the JIT cannot fold them; a table read costs about a nanosecond.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ByteSinkBenchmark {
    private static final int MASK = 1023;

    @State(Scope.Thread)
    public static class Longs {
        /** Digits of the values: 2 (cause codes), 6 (tac), 13 (msisdn, call reference), 19 (record id). */
        @Param({"2", "6", "13", "19"})
        public int digits;

        final long[] values = new long[MASK + 1];
        final ByteSink sink = new ByteSink(256);
        int next;

        @Setup
        public void setup() {
            SplittableRandom random = new SplittableRandom(42);
            long low = 1;
            for (int i = 1; i < digits; i++) {
                low *= 10;
            }
            long high = digits == 19 ? Long.MAX_VALUE : low * 10;
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextLong(low, high);
            }
        }
    }

    @State(Scope.Thread)
    public static class Timestamps {
        /**
         * sameDay: every value on one day (the cached "YYYY-MM-DDT" prefix is reused, as within a chunk);
         * twoDays: consecutive values alternate between two days (a row across midnight: both stay cached);
         * newDay: consecutive values on three days in turn (the prefix is rebuilt every op: worst case).
         */
        @Param({"sameDay", "twoDays", "newDay"})
        public String days;

        final long[] values = new long[MASK + 1];
        final ByteSink sink = new ByteSink(256);
        int next;

        @Setup
        public void setup() {
            SplittableRandom random = new SplittableRandom(42);
            long day = 20_514L * 86_400_000L; // 2026-03-02
            for (int i = 0; i < values.length; i++) {
                int turn = switch (days) {
                    case "twoDays" -> i % 2;
                    case "newDay" -> i % 3;
                    default -> 0;
                };
                long d = day + turn * 86_400_000L;
                values[i] = d + random.nextLong(86_400_000L);
            }
        }
    }

    @Benchmark
    public int putLong(Longs s) {
        ByteSink sink = s.sink;
        sink.reset();
        sink.putLong(s.values[s.next++ & MASK]);
        return sink.size();
    }

    @Benchmark
    public int putTimestamp(Timestamps s) {
        ByteSink sink = s.sink;
        sink.reset();
        sink.putTimestamp(s.values[s.next++ & MASK]);
        return sink.size();
    }

    @State(Scope.Thread)
    public static class Dates {
        /** Epoch days over 30 years, as the activation dates of subscribers.csv. */
        final long[] values = new long[MASK + 1];
        final ByteSink sink = new ByteSink(64);
        int next;

        @Setup
        public void setup() {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < values.length; i++) {
                values[i] = 20_514L - random.nextInt(30 * 365);
            }
        }
    }

    /** "YYYY-MM-DD" of an epoch day (subscribers.csv has three per row; it went through LocalDate and a String). */
    @Benchmark
    public int putDate(Dates s) {
        ByteSink sink = s.sink;
        sink.reset();
        sink.putDate(s.values[s.next++ & MASK]);
        return sink.size();
    }
}
