package org.cdrgen.model;


/**
 * Nearest-site lookup over irregularly placed sites: a 2-d tree stored in one array (the node of a range is its
 * middle element, split on x at even depths and y at odd ones), built once per network. A query visits
 * O(log n) nodes for a point among the sites, allocation-free.
 */
final class SiteIndex {
    /** Site ids, and their positions, in tree order (positions copied for locality). */
    private final int[] tsite;
    private final double[] tx;
    private final double[] ty;

    SiteIndex(double[] x, double[] y) {
        this.tsite = new int[x.length];
        for (int i = 0; i < tsite.length; i++) {
            tsite[i] = i;
        }
        build(x, y, tsite, 0, tsite.length, 0);
        this.tx = new double[x.length];
        this.ty = new double[x.length];
        for (int i = 0; i < tsite.length; i++) {
            tx[i] = x[tsite[i]];
            ty[i] = y[tsite[i]];
        }
    }

    private static void build(double[] x, double[] y, int[] tree, int from, int to, int depth) {
        if (to - from <= 1) {
            return;
        }
        // Sorted as primitive keys: the coordinate in whole metres (offset to stay positive), then the site id.
        double[] axis = (depth & 1) == 0 ? x : y;
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            long metres = Math.round(axis[tree[i]] * 1000) + (1L << 30);
            keys[i - from] = metres << 21 | tree[i];
        }
        java.util.Arrays.sort(keys);
        for (int i = from; i < to; i++) {
            tree[i] = (int) (keys[i - from] & ((1 << 21) - 1));
        }
        int mid = (from + to) >>> 1;
        build(x, y, tree, from, mid, depth + 1);
        build(x, y, tree, mid + 1, to, depth + 1);
    }

    /** A query's point and best-so-far; one per thread, so queries allocate nothing. */
    private final class Query {
        double px;
        double py;
        byte[] layers;
        int mask;
        double bestDistance;
        int best;

        void search(int from, int to, int depth) {
            while (to > from) {
                int mid = (from + to) >>> 1;
                double dx = tx[mid] - px;
                double dy = ty[mid] - py;
                double d = dx * dx + dy * dy;
                if (d <= bestDistance) {
                    int site = tsite[mid];
                    if ((layers == null || (layers[site] & mask) != 0) && (d < bestDistance || site < best)) {
                        bestDistance = d;
                        best = site;
                    }
                }
                double delta = (depth & 1) == 0 ? -dx : -dy;
                depth++;
                if (delta < 0) {
                    search(from, mid, depth);
                    if (delta * delta > bestDistance) {
                        return;
                    }
                    from = mid + 1;
                } else {
                    search(mid + 1, to, depth);
                    if (delta * delta > bestDistance) {
                        return;
                    }
                    to = mid;
                }
            }
        }
    }

    private final ThreadLocal<Query> queries = ThreadLocal.withInitial(Query::new);

    /** The site nearest to (px, py) among those whose layer bits meet {@code mask}, all when layers is null (-1 if none). */
    int nearest(double px, double py, byte[] layers, int mask) {
        return nearest(px, py, layers, mask, -1, Double.POSITIVE_INFINITY);
    }

    /**
     * The same, starting from a guess (a site near the point, and its squared distance): the tree is then cut
     * much sooner. The answer does not depend on the guess (ties go to the lowest id either way).
     */
    int nearest(double px, double py, byte[] layers, int mask, int guess, double guessDistance) {
        Query q = queries.get();
        q.px = px;
        q.py = py;
        q.layers = layers;
        q.mask = mask;
        q.bestDistance = guessDistance;
        q.best = guess;
        q.search(0, tsite.length, 0);
        return q.best;
    }
}
