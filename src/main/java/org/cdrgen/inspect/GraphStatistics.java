package org.cdrgen.inspect;

import java.util.Arrays;
import org.cdrgen.inspect.EventRecord.Column;

/**
 * The on-net call graph: numbers of the population are nodes, and two are linked when one made a VOICE call
 * (any outcome) to the other, on-net. From it: the largest connected component's share of the active
 * subscribers (numbers serving rows), average local clustering and transitivity, the neighbourhood overlap
 * of a link (Onnela et al. 2007: common neighbours / neighbours of either, the two ends left out) in each
 * quartile of tie strength (calls both ways), the mean number of distinct partners in the first 7 days and
 * in the whole drop, and the reciprocity of directed links. Memory is bounded: the graph keeps the first
 * {@link #NODE_LIMIT} numbers it meets (served or called) and the links between them; a bigger drop's
 * figures are those of that sample, and the report says so.
 */
final class GraphStatistics {
    static final int NODE_LIMIT = 100_000;
    static final int PARTNER_DAYS = 7;

    private final int limit;
    private final LongIntMap nodes = new LongIntMap(1 << 12);
    /** Per node: the subscriber (DropStatistics id) of the first row it served, or -1 if it served none. */
    private int[] servedBy = new int[1 << 12];
    private final LongIntMap links = new LongIntMap(1 << 14);
    private int[] weight = new int[1 << 14];
    /** Per link: bit 0 the lower node called the higher, bit 1 the other way. */
    private byte[] directions = new byte[1 << 14];
    private short[] firstDay = new short[1 << 14];
    private boolean sampled;
    private int day;

    GraphStatistics() {
        this(NODE_LIMIT);
    }

    GraphStatistics(int limit) {
        this.limit = limit;
        Arrays.fill(servedBy, -1);
    }

    void beginDay(int dayIndex) {
        day = dayIndex;
    }

    /** Any row: its served number is an active node. */
    void served(EventRecord row, int sub) {
        int node = node(EventRecord.numberKey(row.get(Column.SERVED_MSISDN)));
        if (node >= 0 && servedBy[node] < 0) {
            servedBy[node] = sub;
        }
    }

    /** A VOICE MO row: a link when the other party is on-net. */
    void voiceMo(EventRecord row) {
        if (!row.flag(Column.OTHER_PARTY_ON_NET)) {
            return;
        }
        String other = row.get(Column.OTHER_PARTY_MSISDN);
        if (other.isEmpty()) {
            return;
        }
        int from = node(EventRecord.numberKey(row.get(Column.SERVED_MSISDN)));
        int to = node(EventRecord.numberKey(other));
        if (from < 0 || to < 0 || from == to) {
            return;
        }
        int low = Math.min(from, to);
        int high = Math.max(from, to);
        int before = links.size();
        int link = links.getOrAdd((long) low << 32 | high);
        if (links.size() > before) {
            if (link >= weight.length) {
                int n = weight.length * 2;
                weight = Arrays.copyOf(weight, n);
                directions = Arrays.copyOf(directions, n);
                firstDay = Arrays.copyOf(firstDay, n);
            }
            firstDay[link] = (short) Math.min(day, Short.MAX_VALUE);
        }
        weight[link]++;
        directions[link] |= (byte) (from == low ? 1 : 2);
    }

    /** The node of a number, added if there is room; -1 when the sample is full. */
    private int node(long key) {
        int id = nodes.get(key);
        if (id >= 0) {
            return id;
        }
        if (nodes.size() >= limit) {
            sampled = true;
            return -1;
        }
        id = nodes.getOrAdd(key);
        if (id >= servedBy.length) {
            int old = servedBy.length;
            servedBy = Arrays.copyOf(servedBy, old * 2);
            Arrays.fill(servedBy, old, servedBy.length, -1);
        }
        return id;
    }

    DropReport.Graph result(Population population, int days) {
        int n = nodes.size();
        boolean[] active = new boolean[n];
        int activeCount = 0;
        for (int v = 0; v < n; v++) {
            active[v] = servedBy[v] >= 0 && population.contains(servedBy[v]);
            activeCount += active[v] ? 1 : 0;
        }
        // The links between active nodes, as (low, high) pairs, and each node's degree.
        int linkCount = links.size();
        int[] lows = new int[linkCount];
        int[] highs = new int[linkCount];
        int[] kept = new int[linkCount];
        int[] degree = new int[n];
        int m = 0;
        long[] keys = links.keysInOrder();
        for (int l = 0; l < linkCount; l++) {
            int low = (int) (keys[l] >>> 32);
            int high = (int) keys[l];
            if (active[low] && active[high]) {
                lows[m] = low;
                highs[m] = high;
                kept[m] = l;
                degree[low]++;
                degree[high]++;
                m++;
            }
        }
        // Adjacency lists, sorted, for common neighbours.
        int[] start = new int[n + 1];
        for (int v = 0; v < n; v++) {
            start[v + 1] = start[v] + degree[v];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] adjacent = new int[2 * m];
        for (int e = 0; e < m; e++) {
            adjacent[fill[lows[e]]++] = highs[e];
            adjacent[fill[highs[e]]++] = lows[e];
        }
        for (int v = 0; v < n; v++) {
            Arrays.sort(adjacent, start[v], start[v + 1]);
        }
        // Components (union-find), triangles per node and the overlap of each link.
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        long[] triangles = new long[n];
        double[] overlap = new double[m];
        long reciprocated = 0;
        long directed = 0;
        for (int e = 0; e < m; e++) {
            int a = lows[e];
            int b = highs[e];
            union(parent, a, b);
            int common = common(adjacent, start[a], start[a + 1], start[b], start[b + 1]);
            triangles[a] += common;
            triangles[b] += common;
            int others = degree[a] - 1 + degree[b] - 1 - common;
            overlap[e] = others > 0 ? (double) common / others : Double.NaN;
            byte d = directions[kept[e]];
            directed += (d & 1) + (d >> 1 & 1);
            reciprocated += d == 3 ? 2 : 0;
        }
        int[] componentSize = new int[n];
        int largest = 0;
        for (int v = 0; v < n; v++) {
            if (active[v]) {
                largest = Math.max(largest, ++componentSize[find(parent, v)]);
            }
        }
        double clusteringSum = 0;
        int clusteringNodes = 0;
        long closed = 0;
        long triples = 0;
        for (int v = 0; v < n; v++) {
            long k = degree[v];
            if (active[v] && k >= 2) {
                long pairs = k * (k - 1) / 2;
                // Each triangle at v is counted once for each of its two links at v.
                clusteringSum += triangles[v] / 2.0 / pairs;
                clusteringNodes++;
                closed += triangles[v] / 2;
                triples += pairs;
            }
        }
        return new DropReport.Graph(activeCount, sampled, limit, m, Fractions.share(largest, activeCount),
                clusteringNodes == 0 ? Double.NaN : clusteringSum / clusteringNodes, Fractions.share(closed, triples),
                overlapByQuartile(overlap, kept, m),
                days > PARTNER_DAYS ? partners(kept, lows, highs, m, n, active, PARTNER_DAYS) : Double.NaN,
                partners(kept, lows, highs, m, n, active, Integer.MAX_VALUE),
                Fractions.share(reciprocated, directed));
    }

    /** Mean overlap in each quartile of links by strength (calls both ways; equal strengths in a keyed order). */
    private double[] overlapByQuartile(double[] overlap, int[] kept, int m) {
        long[] order = new long[m];
        for (int e = 0; e < m; e++) {
            // Strength in the high bits, a hash of the link below it (ties broken evenly), the index at the bottom.
            long tie = LongIntMap.mix(kept[e]) & 0x7FF;
            order[e] = (long) Math.min(weight[kept[e]], (1 << 20) - 1) << 43 | tie << 32 | e;
        }
        Arrays.sort(order);
        double[] out = new double[4];
        for (int q = 0; q < 4; q++) {
            double sum = 0;
            int count = 0;
            for (int i = (int) ((long) m * q / 4); i < (int) ((long) m * (q + 1) / 4); i++) {
                double o = overlap[(int) (order[i] & 0xFFFFFFFFL)];
                if (!Double.isNaN(o)) {
                    sum += o;
                    count++;
                }
            }
            out[q] = count == 0 ? Double.NaN : sum / count;
        }
        return out;
    }

    /** Mean distinct partners of the active nodes with a partner in the drop, counting links first seen before day {@code days}. */
    private double partners(int[] kept, int[] lows, int[] highs, int m, int n, boolean[] active, int days) {
        int[] count = new int[n];
        int[] any = new int[n];
        for (int e = 0; e < m; e++) {
            any[lows[e]]++;
            any[highs[e]]++;
            if (firstDay[kept[e]] < days) {
                count[lows[e]]++;
                count[highs[e]]++;
            }
        }
        long sum = 0;
        int nodesWithPartner = 0;
        for (int v = 0; v < n; v++) {
            if (active[v] && any[v] > 0) {
                sum += count[v];
                nodesWithPartner++;
            }
        }
        return nodesWithPartner == 0 ? Double.NaN : (double) sum / nodesWithPartner;
    }

    private static int common(int[] adjacent, int a, int aEnd, int b, int bEnd) {
        int common = 0;
        while (a < aEnd && b < bEnd) {
            int x = adjacent[a];
            int y = adjacent[b];
            if (x == y) {
                common++;
                a++;
                b++;
            } else if (x < y) {
                a++;
            } else {
                b++;
            }
        }
        return common;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
