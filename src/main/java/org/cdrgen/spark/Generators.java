package org.cdrgen.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cdrgen.api.Cdrgen;

/**
 * One {@link Cdrgen} per options and JVM: building the model (network, population tables) costs far more
 * than a chunk, so an executor builds it for its first task and reuses it for the next ones. A few entries
 * at most, the least recently used dropped, so a long-lived executor reading many runs keeps a bounded heap.
 */
final class Generators {
    private static final int MAX = 4;
    private static final Map<SourceOptions, Cdrgen> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SourceOptions, Cdrgen> eldest) {
            return size() > MAX;
        }
    };

    private Generators() {
    }

    /** The table does not change the generator: one model serves events, subscribers and cells. */
    static Cdrgen of(SourceOptions options) {
        SourceOptions key = options.withTable(SourceOptions.Kind.EVENTS);
        synchronized (CACHE) {
            Cdrgen cdrgen = CACHE.get(key);
            if (cdrgen == null) {
                cdrgen = key.cdrgen();
                CACHE.put(key, cdrgen);
            }
            return cdrgen;
        }
    }
}
