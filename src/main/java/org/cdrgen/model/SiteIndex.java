package org.cdrgen.model;

import java.util.Arrays;

/**
 * Nearest-site lookup over irregularly placed sites: a 2-d tree stored in one array (the node of a range is its
 * middle element, split on x at even depths and y at odd ones), built once per network. A query visits
 * O(log n) nodes for a point among the sites, allocation-free.
 */
final class SiteIndex {
    private final double[] x;
    private final double[] y;
    /** Site ids in tree order. */
    private final int[] tree;

    SiteIndex(double[] x, double[] y) {
        this.x = x;
        this.y = y;
        this.tree = new int[x.length];
        for (int i = 0; i < tree.length; i++) {
            tree[i] = i;
        }
        build(0, tree.length, 0);
    }

    private void build(int from, int to, int depth) {
        if (to - from <= 1) {
            return;
        }
        boolean byX = (depth & 1) == 0;
        Integer[] range = new Integer[to - from];
        for (int i = from; i < to; i++) {
            range[i - from] = tree[i];
        }
        Arrays.sort(range, (a, b) -> byX ? Double.compare(x[a], x[b]) != 0 ? Double.compare(x[a], x[b]) : a - b
                : Double.compare(y[a], y[b]) != 0 ? Double.compare(y[a], y[b]) : a - b);
        for (int i = from; i < to; i++) {
            tree[i] = range[i - from];
        }
        int mid = (from + to) >>> 1;
        build(from, mid, depth + 1);
        build(mid + 1, to, depth + 1);
    }

    /** Each thread's best-so-far of a query: {squared distance, site}. */
    private static final ThreadLocal<double[]> FOUND = ThreadLocal.withInitial(() -> new double[2]);

    /** The site nearest to (px, py) among those whose layer bits meet {@code mask}, all when layers is null (-1 if none). */
    int nearest(double px, double py, byte[] layers, int mask) {
        double[] found = FOUND.get();
        found[0] = Double.POSITIVE_INFINITY;
        found[1] = -1;
        search(0, tree.length, 0, px, py, layers, mask, found);
        return (int) found[1];
    }

    private void search(int from, int to, int depth, double px, double py, byte[] layers, int mask, double[] found) {
        while (to > from) {
            int mid = (from + to) >>> 1;
            int site = tree[mid];
            double dx = x[site] - px;
            double dy = y[site] - py;
            double d = dx * dx + dy * dy;
            if ((layers == null || (layers[site] & mask) != 0) && (d < found[0] || d == found[0] && site < found[1])) {
                found[0] = d;
                found[1] = site;
            }
            double delta = (depth & 1) == 0 ? px - x[site] : py - y[site];
            int nearFrom = delta < 0 ? from : mid + 1;
            int nearTo = delta < 0 ? mid : to;
            int farFrom = delta < 0 ? mid + 1 : from;
            int farTo = delta < 0 ? to : mid;
            search(nearFrom, nearTo, depth + 1, px, py, layers, mask, found);
            if (delta * delta > found[0]) {
                return;
            }
            from = farFrom;
            to = farTo;
            depth++;
        }
    }
}
