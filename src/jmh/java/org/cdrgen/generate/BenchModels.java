package org.cdrgen.generate;

import java.time.LocalDate;
import org.cdrgen.config.ProfileLoader;

/** The run model the benchmarks work on: built-in profile, seed 42, from Monday 2026-03-02, as bench/run.sh. */
final class BenchModels {
    static final long SEED = 42;
    static final LocalDate START = LocalDate.of(2026, 3, 2);

    private BenchModels() {
    }

    static GenerationModel builtIn(int subscribers, int days) {
        return new GenerationModel(SEED, subscribers, START, days, new ProfileLoader().loadBuiltIn().profile());
    }
}
