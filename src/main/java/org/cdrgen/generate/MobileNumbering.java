package org.cdrgen.generate;

import org.cdrgen.config.NetworkProfile;

/**
 * Mobile numbers of the home country's numbering plan: the profile's mobile ranges (e.g. UK 071-075 and
 * 077-079) as one index space, shuffled by a keyed permutation. Subscriber id i gets the number at permuted
 * index i; other operators' mobiles get permuted indexes from the subscriber count on, so they lie in the
 * same ranges and are never one of ours.
 */
final class MobileNumbering {
    private final int subscribers;
    private final NumberRangeSet ranges;
    private final KeyedPermutation permutation;

    MobileNumbering(NetworkProfile net, int subscribers, long key) {
        this.subscribers = subscribers;
        this.ranges = new NumberRangeSet(net.countryCode(), net.nationalNumberPrefixes(), net.nationalNumberLength());
        if (ranges.size() <= subscribers) {
            // NetworkProfile guarantees room for the largest population; this guards a direct caller.
            throw new IllegalArgumentException("mobile ranges hold " + ranges.size() + " numbers, fewer than "
                    + subscribers);
        }
        this.permutation = new KeyedPermutation(ranges.size(), key);
    }

    /** The MSISDN of subscriber {@code id}. */
    long subscriberNumber(int id) {
        return ranges.numberAt(permutation.permute(id));
    }

    /** A number of another operator, from a hash: same ranges, never one of our subscribers'. */
    long otherOperatorNumber(long hash) {
        long index = subscribers + Long.remainderUnsigned(hash, ranges.size() - subscribers);
        return ranges.numberAt(permutation.permute(index));
    }
}
