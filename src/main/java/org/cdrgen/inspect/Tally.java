package org.cdrgen.inspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of distinct text values (a mix such as call_disposition), reported most frequent first. */
final class Tally {
    static final String EMPTY_LABEL = "(empty)";
    private final Map<String, long[]> counts = new HashMap<>();
    private long total;

    void add(String value) {
        long[] count = counts.get(value);
        if (count == null) {
            // Rows hold few distinct values: the key is stored once, from the first row showing it.
            counts.put(value, count = new long[1]);
        }
        count[0]++;
        total++;
    }

    long total() {
        return total;
    }

    long count(String value) {
        long[] count = counts.get(value);
        return count == null ? 0 : count[0];
    }

    /** Each value's count and share of the total, most frequent first, ties by value. */
    Map<String, DropReport.Share> shares() {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        Map<String, DropReport.Share> out = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : entries) {
            String label = e.getKey().isEmpty() ? EMPTY_LABEL : e.getKey();
            out.put(label, new DropReport.Share(e.getValue()[0], (double) e.getValue()[0] / total));
        }
        return out;
    }
}
