package org.cdrgen.generate;

import org.cdrgen.config.MobilityProfile;
import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.Subscriber;

/**
 * A person's long trips inside the country: at most one a Monday..Sunday week (so trips never overlap and a
 * day's trip is found from its week alone), half of them at the weekend, to a settlement picked by
 * population at least {@link #MIN_KM} from home. A pure function of (seed, holder, week).
 */
final class LongTrips {
    static final double MIN_KM = 50;
    /** Farther than this there and back in a day is not a day trip: the trip takes two days or does not happen. */
    static final double DAY_TRIP_MAX_KM = 250;

    private final long seed;
    private final Country country;
    private final CellNetwork network;
    private final double weeklyProbability;
    private final int maxDays;
    private final double[] point = new double[2];

    /** The trip found by the last {@link #on} that returned true. */
    int destinationSite;
    boolean firstDay;
    boolean lastDay;

    LongTrips(long seed, Country country, CellNetwork network, MobilityProfile mobility) {
        this.seed = seed;
        this.country = country;
        this.network = network;
        this.weeklyProbability = Math.min(1, mobility.longTripsPerYear() * 7 / 365.25);
        this.maxDays = mobility.longTripMaxDays();
    }

    /** Whether the subscriber is on a long trip on the day; if so, sets where to and whether it starts or ends then. */
    boolean on(Subscriber s, long epochDay) {
        if (weeklyProbability <= 0) {
            return false;
        }
        long week = Math.floorDiv(epochDay + 3, 7); // 1970-01-01 was a Thursday: weeks run Monday..Sunday
        int weekday = (int) Math.floorMod(epochDay + 3, 7);
        long h = Seeds.hash(Seeds.hash(seed, s.personId, week, Seeds.Purpose.PLACES), 0x7419);
        if (Seeds.unit(h) >= weeklyProbability) {
            return false;
        }
        h = Seeds.mix(h);
        boolean weekend = Seeds.unit(h) < 0.5;
        h = Seeds.mix(h);
        int start = weekend ? 4 + (int) Long.remainderUnsigned(h, 2) : (int) Long.remainderUnsigned(h, 7);
        h = Seeds.mix(h);
        int length = 1 + (int) Long.remainderUnsigned(h, Math.min(maxDays, 7 - start));
        if (weekday < start) {
            return false;
        }
        int destination = -1;
        for (int attempt = 0; attempt < 4 && destination < 0; attempt++) {
            h = Seeds.mix(h);
            int settlement = country.settlementByPopulation(Seeds.unit(h));
            country.pointOf(settlement, 0.5 * Seeds.unit(Seeds.mix(h)), Seeds.unit(Seeds.mix(h ^ 0x51ED)), point);
            double km = Math.hypot(point[0] - s.homeX, point[1] - s.homeY);
            if (km >= MIN_KM) {
                destination = network.nearestSite(point[0], point[1]);
                if (length == 1 && km > DAY_TRIP_MAX_KM) {
                    if (start + 1 >= 7 || maxDays < 2) {
                        return false;
                    }
                    length = 2;
                }
            }
        }
        if (destination < 0 || weekday >= start + length) {
            return false;
        }
        destinationSite = destination;
        firstDay = weekday == start;
        lastDay = weekday == start + length - 1;
        return true;
    }
}
