package org.cdrgen.inspect;

/**
 * The subscriber-days the per-subscriber statistics range over: which subscriber ids belong to the
 * population, and which date indexes are weekdays or weekend days.
 */
final class Population {
    /** members[id]: the subscriber id belongs to the population; ids beyond the array do not. */
    final boolean[] members;
    final int size;
    final boolean[] allDays;
    final boolean[] weekdays;
    final boolean[] weekendDays;

    Population(boolean[] members, boolean[] weekendDays) {
        this.members = members;
        this.size = SubscriberDayGrid.countTrue(members);
        this.weekendDays = weekendDays;
        this.allDays = new boolean[weekendDays.length];
        this.weekdays = new boolean[weekendDays.length];
        for (int d = 0; d < weekendDays.length; d++) {
            allDays[d] = true;
            weekdays[d] = !weekendDays[d];
        }
    }

    boolean contains(int id) {
        return id < members.length && members[id];
    }

    /** The values of the population's members, in id order. */
    double[] perMember(int[] values) {
        double[] out = new double[size];
        int n = 0;
        for (int id = 0; id < members.length; id++) {
            if (members[id]) {
                out[n++] = id < values.length ? values[id] : 0;
            }
        }
        return out;
    }
}
