package org.cdrgen.generate;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The alias samplers as the generators use them: a run-wide {@link WeightedTable} bound to a worker's
 * {@link StreamRandom}, which points at a {@link SplitMix64} stream. One draw per op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SamplerBenchmark {

    @State(Scope.Thread)
    public static class Table {
        /**
         * Tables of the built-in profile: 4 call outcomes, the APNs, 400 contact ranks, visited
         * networks (the devices table left ModelTables for the IMEI allocation).
         */
        @Param({"voiceOutcome", "apn", "contactRank", "visitedPlmn"})
        public String table;

        SharedStateDiscreteSampler sampler;

        @Setup
        public void setup() {
            ModelTables tables = BenchModels.builtIn(1_000, 1).tables;
            WeightedTable t;
            switch (table) {
                                case "voiceOutcome": t = tables.voiceOutcome; break;
                case "apn": t = tables.apn; break;
                case "contactRank": t = tables.contactRank; break;
                case "visitedPlmn": t = tables.visitedPlmn; break;
                default: throw new IllegalArgumentException("unknown table " + table);
            }
            StreamRandom rng = new StreamRandom();
            rng.reseed(Seeds.hash(BenchModels.SEED, 1, 2, Seeds.Purpose.VOICE));
            sampler = t.bind(rng);
        }
    }

    @State(Scope.Thread)
    public static class Source {
        final StreamRandom rng = new StreamRandom();

        @Setup
        public void setup() {
            rng.reseed(Seeds.hash(BenchModels.SEED, 1, 2, Seeds.Purpose.VOICE));
        }
    }

    @Benchmark
    public int sample(Table t) {
        return t.sampler.sample();
    }

    /** Baseline: one 64-bit draw through the StreamRandom indirection (what every sample costs at least). */
    @Benchmark
    public long streamRandomNextLong(Source s) {
        return s.rng.nextLong();
    }
}
