package org.cdrgen.generate;

import org.cdrgen.config.ContactProfile;
import org.cdrgen.config.PopulationProfile;

/**
 * Where on-net ties can form, as pure functions of (seed, line): O(1) per question, nothing stored per line.
 * <ul>
 * <li>Households: the {@link Settlement}'s (one home).
 * <li>Circles (neighbours, friends): runs of the settlement order, which the country lays over its map, so
 *     circle members live near each other. Two tilings, the second offset by half a block, so every line is
 *     in two circles that overlap others. Each tiling is cut into blocks, and a block into circles of
 *     power-law sizes drawn along it from the block's hash, so a circle is found from its block alone.
 * <li>Workplaces and schools: the same cut of another keyed order of the lines (anywhere on the map).
 * </ul>
 * Each line has a sociability per order (log-normal, mean 1), from a hash of its place in that order, so a
 * member's pull is known without finding its line. A subscriber's activity factor (the square root of the
 * population's activity, at most 1) thins ties on both sides alike.
 */
final class Communities {
    private static final int TABLE = 1024;
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    final Settlement settlement;
    final KeyedPermutation work;
    private final int lines;
    private final int circleBlock;
    private final int workBlock;
    private final int[] circleSizes;
    private final int[] workSizes;
    private final double[] sociability;
    private final double[] rootActivity;
    private final long circleKey;
    private final long workKey;
    private final double prepaidRoot;
    private final double postpaidRoot;
    private final double quietRoot;
    private final double quietShare;
    private final double meanFactor;

    private final LineHistory history;
    private final double prepaidShare;
    private final double laterPrepaidShare;

    Communities(long seed, int lines, ContactProfile contacts, PopulationProfile population, LineHistory history) {
        this.lines = lines;
        this.history = history;
        this.prepaidShare = population.prepaidShare();
        this.laterPrepaidShare = LineHistory.prepaidDrawShare(prepaidShare, population.lifecycle());
        this.settlement = new Settlement(seed, lines, population.householdSizes());
        this.work = new KeyedPermutation(Math.max(1, lines), Seeds.hash(seed, 1, 0, Seeds.Purpose.TIE));
        this.circleKey = Seeds.hash(seed, 2, 0, Seeds.Purpose.TIE);
        this.workKey = Seeds.hash(seed, 3, 0, Seeds.Purpose.TIE);
        this.circleSizes = sizes(contacts.circleSizeMin(), contacts.circleSizeMax(), contacts.circleSizeExponent());
        this.workSizes = sizes(contacts.workplaceSizeMin(), contacts.workplaceSizeMax(), contacts.workplaceSizeExponent());
        this.circleBlock = 2 * Math.max(32, contacts.circleSizeMax());
        this.workBlock = 2 * Math.max(32, contacts.workplaceSizeMax());
        this.sociability = new double[TABLE];
        this.rootActivity = new double[TABLE];
        double sum = 0;
        for (int i = 0; i < TABLE; i++) {
            double u = (i + 0.5) / TABLE;
            sociability[i] = Quantiles.logNormalWithMean(u, 1.0, contacts.countSigma());
            sum += sociability[i];
            rootActivity[i] = Math.sqrt(Quantiles.logNormalWithMean(u, 1.0, population.activitySigma()));
        }
        for (int i = 0; i < TABLE; i++) {
            sociability[i] /= sum / TABLE;
        }
        this.prepaidRoot = Math.sqrt(population.prepaidActivity());
        this.postpaidRoot = Math.sqrt(population.postpaidActivity());
        this.quietRoot = Math.sqrt(population.quietActivity());
        this.quietShare = population.quietShare();
        double mean = 0;
        for (int i = 0; i < TABLE; i++) {
            for (int plan = 0; plan < 2; plan++) {
                double share = plan == 0 ? population.prepaidShare() : 1 - population.prepaidShare();
                double root = rootActivity[i] * (plan == 0 ? prepaidRoot : postpaidRoot);
                mean += share / TABLE * ((1 - quietShare) * Math.min(1, root) + quietShare * Math.min(1, root * quietRoot));
            }
        }
        this.meanFactor = mean;
    }

    /** Sizes at 1,024 evenly spaced quantiles of a power law of the exponent on [min, max]. */
    private static int[] sizes(int min, int max, double exponent) {
        int[] out = new int[TABLE];
        double a = exponent - 1;
        double low = Math.pow(min, -a);
        double high = Math.pow(max + 1.0, -a);
        for (int i = 0; i < TABLE; i++) {
            double u = (i + 0.5) / TABLE;
            out[i] = (int) Math.min(max, Math.floor(Math.pow(low - u * (low - high), -1 / a)));
        }
        return out;
    }

    int lines() {
        return lines;
    }

    /** (start << 32 | end) of the circle of a tiling (0 or 1) holding a settlement position. */
    long circle(int position, int tiling) {
        return span(position, tiling * (circleBlock / 2), circleBlock, circleSizes, circleKey + tiling);
    }

    /** (start << 32 | end) of the workplace holding a place of the work order. */
    long workplace(int workPosition) {
        return span(workPosition, 0, workBlock, workSizes, workKey);
    }

    /** The run of the tiling holding {@code position}: sizes drawn along its block, clamped to the order. */
    private long span(int position, int offset, int block, int[] sizes, long key) {
        long shifted = (long) position + offset;
        long blockStart = shifted / block * block;
        long blockEnd = blockStart + block;
        long h = Seeds.mix(key ^ blockStart * GOLDEN);
        long start = blockStart;
        while (true) {
            h = Seeds.mix(h + GOLDEN);
            long end = Math.min(blockEnd, start + sizes[(int) (h >>> 54)]);
            if (shifted < end) {
                long from = Math.max(0, start - offset);
                long to = Math.min(lines, end - offset);
                return from << 32 | to;
            }
            start = end;
        }
    }

    /** The sociability of a place in the settlement order (order 0) or the work order (order 1). */
    double sociability(int order, int place) {
        return sociability[(int) (Seeds.mix((order == 0 ? circleKey : workKey) ^ (place + 1L) * GOLDEN) >>> 54)];
    }

    /**
     * A holder's activity factor, min(1, sqrt(activity)), from the identity hash that draws the activity
     * (the population's draw: plan, log-normal level, quiet SIMs; the level read from a table of quantiles).
     */
    double activityFactor(long personId) {
        long identityHash = history.identityHash(personId);
        boolean prepaid = Seeds.unit(identityHash) < (personId >>> 32 == 0 ? prepaidShare : laterPrepaidShare);
        long h2 = Seeds.mix(identityHash);
        double root = rootActivity[(int) (h2 >>> 54)] * (prepaid ? prepaidRoot : postpaidRoot);
        if (Seeds.unit(Seeds.mix(h2)) < quietShare) {
            root *= quietRoot;
        }
        return Math.min(1, root);
    }

    /** The mean activity factor over the population. */
    double meanActivityFactor() {
        return meanFactor;
    }

    /** A symmetric hash of two places of an order in a layer. */
    static long placePair(long layerKey, int a, int b) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        return Seeds.mix(layerKey + (long) low * GOLDEN + (long) high * 0xc2b2ae3d27d4eb4fL);
    }
}
