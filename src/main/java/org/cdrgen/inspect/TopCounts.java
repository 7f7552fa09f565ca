package org.cdrgen.inspect;

/** Keeps the k largest counts seen, in descending order, in a slice of a shared int array. */
final class TopCounts {
    private TopCounts() {
    }

    /** Inserts {@code count} into {@code top[from..from+k)}, which holds the largest counts so far, largest first. */
    static void insert(int[] top, int from, int k, int count) {
        int end = from + k;
        if (count <= top[end - 1]) {
            return;
        }
        int i = end - 1;
        while (i > from && top[i - 1] < count) {
            top[i] = top[i - 1];
            i--;
        }
        top[i] = count;
    }
}
