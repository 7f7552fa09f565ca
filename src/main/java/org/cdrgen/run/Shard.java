package org.cdrgen.run;

/**
 * The I-th of N disjoint, contiguous subscriber ranges (1-based, as in --shard 1/4 .. 4/4). The union of
 * all N shards' rows is exactly the rows of one full run with the same seed.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not one of 1/" + count + ".." + count + "/" + count);
        }
    }

    public boolean isWhole() {
        return count == 1;
    }

    public int firstSubscriber(int subscribers) {
        return (int) ((long) subscribers * (index - 1) / count);
    }

    /** Exclusive. */
    public int endSubscriber(int subscribers) {
        return (int) ((long) subscribers * index / count);
    }

    /** How many of the run's subscribers this shard holds. */
    public int size(int subscribers) {
        return endSubscriber(subscribers) - firstSubscriber(subscribers);
    }

    /** Part of every file name a shard writes, so shards copied into one place never overwrite each other. */
    public String fileTag() {
        return isWhole() ? "" : "-shard-" + index + "-of-" + count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
