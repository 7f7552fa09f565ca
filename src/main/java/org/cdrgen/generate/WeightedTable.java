package org.cdrgen.generate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/** An alias table built once per run from profile weights; each worker binds it to its own stream. */
public final class WeightedTable {
    private final SharedStateDiscreteSampler prototype;
    private final int size;

    public WeightedTable(double[] weights) {
        // The prototype's own generator is never drawn from: samplers are always re-bound before use.
        this.prototype = AliasMethodDiscreteSampler.of(new SplitMix64(0L), weights.clone());
        this.size = weights.length;
    }

    public SharedStateDiscreteSampler bind(UniformRandomProvider rng) {
        return prototype.withUniformRandomProvider(rng);
    }

    public int size() {
        return size;
    }
}
