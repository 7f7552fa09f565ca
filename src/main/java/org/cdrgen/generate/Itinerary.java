package org.cdrgen.generate;

import org.cdrgen.config.MobilityProfile;
import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.RatType;
import org.cdrgen.model.Subscriber;

/**
 * Where a subscriber is during a local day, as a pure function of (seed, holder, day): stays (home, work,
 * the person's places) joined by trips whose time follows their length (see {@link #travelMs}). Every event
 * of the day is placed where the itinerary says at its time, whichever chunk writes it (the callee's MT row
 * of an on-net call too), so a subscriber's consecutive rows never imply a jump faster than the trip
 * between two stays.
 *
 * <p>The day: at home, then on a working day (for a worker, with the profile's chance) at work for the
 * working hours, give or take an hour; outings of 1-3 hours, as many as make the profile's share of waking
 * hours (08-22) on average, each to one of the person's ranked places (exploration and preferential return:
 * the k-th place with weight k^-return_exponent, at a heavy-tailed jump from home); home in between when
 * there is time, and at night. On a long trip's days (see {@link LongTrips}) the person travels to another
 * settlement, stays there, and comes back.
 */
final class Itinerary {
    private static final int MAX_STOPS = 16;
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    /** Trips this long (km) go at half way between the town speed and the long-distance one. */
    private static final double SPEED_RISE_KM = 25;

    private final CellNetwork network;
    private final MobilityProfile mobility;
    private final MobilityProfile.Exploration exploration;
    private final long seed;
    private final LongTrips longTrips;
    /** Picks a place's rank (0-based) with weight (rank + 1)^-return_exponent. */
    private final CumulativeIndex placeRanks;
    private final StreamRandom rng = new StreamRandom();
    /** Stop i: at site[i] (sector[i]) from arrive[i] to depart[i]; between depart[i] and arrive[i + 1], on the way. */
    private final int[] site = new int[MAX_STOPS];
    private final int[] sector = new int[MAX_STOPS];
    private final boolean[] usual = new boolean[MAX_STOPS];
    private final long[] arrive = new long[MAX_STOPS];
    private final long[] depart = new long[MAX_STOPS];
    private int stops;
    private final long[] outingStart = new long[8];
    private final long[] outingEnd = new long[8];
    private final int[] outingPlace = new int[8];

    long personId = Long.MIN_VALUE;
    long epochDay = Long.MIN_VALUE;

    Itinerary(GenerationModel model) {
        this.network = model.network;
        this.mobility = model.profile.mobility();
        this.exploration = mobility.exploration();
        this.seed = model.seed;
        this.longTrips = new LongTrips(model.seed, model.country, model.network, mobility);
        double[] weights = new double[exploration.places()];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += Math.pow(k + 1, -exploration.returnExponent());
            weights[k] = sum;
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= sum;
        }
        weights[weights.length - 1] = 1.0;
        this.placeRanks = new CumulativeIndex(weights);
    }

    void build(Subscriber s, DayCalendar day) {
        personId = s.personId;
        epochDay = day.epochDay;
        rng.reseed(Seeds.hash(seed, s.personId, day.epochDay, Seeds.Purpose.PLACES));
        stops = 0;
        lastStop = 0;
        if (longTrips.on(s, day.epochDay)) {
            longTrip(s, day);
            return;
        }
        stop(s.homeSite, s.homeSector, true, day.startMs());
        long workFrom = Long.MAX_VALUE;
        long workTo = Long.MIN_VALUE;
        if (s.hasWorkPlace() && day.workingDay && rng.nextDouble() < mobility.atWorkProbability()) {
            workFrom = day.hourStartMs(mobility.workStartHour()) + (long) ((rng.nextDouble() * 1.25 - 0.75) * HOUR);
            workTo = day.hourStartMs(mobility.workEndHour()) + (long) ((rng.nextDouble() * 2 - 0.5) * HOUR);
        }
        int outings = outings(s, day, workFrom, workTo);
        int next = 0;
        long t = day.startMs();
        boolean workDone = workFrom == Long.MAX_VALUE;
        while (!workDone || next < outings) {
            boolean toWork = !workDone && (next >= outings || workFrom <= outingStart[next]);
            long from = toWork ? workFrom : outingStart[next];
            long to = toWork ? workTo : outingEnd[next];
            int place = toWork ? s.workSite : outingPlace[next];
            int placeSector = toWork ? s.workSector : Math.floorMod((int) Seeds.mix(personId * 31 + place), CellNetwork.SECTORS);
            if (toWork) {
                workDone = true;
            } else {
                next++;
            }
            if (from < t + 10 * MINUTE) {
                continue; // no time for it after the stay before
            }
            go(place, placeSector, toWork, from, t);
            t = Math.max(arrive[stops - 1], Math.min(to, day.endMs() - HOUR));
            depart[stops - 1] = t;
            // Home in between if the next stay leaves time for it (an hour at home at least).
            long nextFrom = !workDone && (next >= outings || workFrom <= outingStart[next]) ? workFrom
                    : next < outings ? outingStart[next] : Long.MAX_VALUE;
            int nextPlace = !workDone && (next >= outings || workFrom <= outingStart[next]) ? s.workSite
                    : next < outings ? outingPlace[next] : s.homeSite;
            long viaHome = travelMs(place, s.homeSite) + HOUR + travelMs(s.homeSite, nextPlace);
            if (nextFrom == Long.MAX_VALUE || nextFrom - t > viaHome) {
                long home = t + travelMs(place, s.homeSite);
                if (home >= day.endMs()) {
                    break;
                }
                stop(s.homeSite, s.homeSector, true, home);
                t = home;
            }
        }
        if (site[stops - 1] != s.homeSite || !usual[stops - 1]) {
            // Home by midnight, leaving earlier if need be: the next day starts there.
            long back = travelMs(site[stops - 1], s.homeSite);
            long leave = Math.max(arrive[stops - 1], Math.min(depart[stops - 1], day.endMs() - back - MINUTE));
            if (leave + back < day.endMs()) {
                depart[stops - 1] = leave;
                stop(s.homeSite, s.homeSector, true, leave + back);
            }
        }
        depart[stops - 1] = Long.MAX_VALUE;
    }

    /**
     * A long trip's day: out from home in the morning on its first day, there all day in between, back in the
     * afternoon on its last (both on a day trip); no work or outings meanwhile.
     */
    private void longTrip(Subscriber s, DayCalendar day) {
        int there = longTrips.destinationSite;
        int thereSector = Math.floorMod((int) Seeds.mix(personId * 31 + there), CellNetwork.SECTORS);
        long away = travelMs(s.homeSite, there);
        if (longTrips.firstDay) {
            stop(s.homeSite, s.homeSector, true, day.startMs());
            long leave = day.hourStartMs(7) + (long) (rng.nextDouble() * 4 * HOUR);
            go(there, thereSector, false, leave + away, day.startMs());
        } else {
            stop(there, thereSector, false, day.startMs());
        }
        if (longTrips.lastDay) {
            long leave = day.hourStartMs(13) + (long) (rng.nextDouble() * 5 * HOUR);
            leave = Math.max(arrive[stops - 1] + HOUR, Math.min(leave, day.endMs() - away - 30 * MINUTE));
            go(s.homeSite, s.homeSector, true, leave + away, leave);
        }
        depart[stops - 1] = Long.MAX_VALUE;
    }

    /** The site of the person's place of a rank: a heavy-tailed jump from home, scaled by their range. */
    private int place(Subscriber s, int rank) {
        long h = Seeds.hash(Seeds.hash(seed, s.personId, 0, Seeds.Purpose.PLACES), 1000 + rank);
        double beta = exploration.jumpExponent();
        double jump = exploration.jumpKm() * s.range;
        // Inverse CDF of P(r) ~ (r + jump)^-(1 + beta), cut at max_outing_km: F(r) = 1 - (1 + r / jump)^-beta.
        double cut = 1 - Math.pow(1 + exploration.maxOutingKm() / jump, -beta);
        double km = jump * (Math.pow(1 - Seeds.unit(h) * cut, -1 / beta) - 1);
        double angle = 2 * Math.PI * Seeds.unit(Seeds.mix(h));
        return network.nearestSite(s.homeX + km * Math.cos(angle), s.homeY + km * Math.sin(angle));
    }

    /** Outings of the day, in time order, outside working hours: their count makes the profile's share on average. */
    private int outings(Subscriber s, DayCalendar day, long workFrom, long workTo) {
        if (mobility.otherPlaceProbability() <= 0) {
            return 0;
        }
        // Waking hours 08-22 are 14 hours; an outing lasts 2 hours on average.
        double expected = mobility.otherPlaceProbability() * 14 / 2;
        int n = (int) expected + (rng.nextDouble() < expected - (int) expected ? 1 : 0);
        n = Math.min(n, outingStart.length);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            long start = day.hourStartMs(8) + (long) (rng.nextDouble() * 13 * HOUR);
            long end = start + HOUR + (long) (rng.nextDouble() * 2 * HOUR);
            int rank = placeRanks.pick(rng.nextDouble());
            if (end > workFrom && start < workTo) {
                continue; // at work then
            }
            int place = place(s, rank);
            outingStart[kept] = start;
            outingEnd[kept] = end;
            outingPlace[kept] = place;
            kept++;
        }
        // In time order; one that starts before the one before ends is skipped when walked.
        for (int i = 1; i < kept; i++) {
            for (int j = i; j > 0 && outingStart[j] < outingStart[j - 1]; j--) {
                swap(j, j - 1);
            }
        }
        return kept;
    }

    private void swap(int a, int b) {
        long t = outingStart[a];
        outingStart[a] = outingStart[b];
        outingStart[b] = t;
        t = outingEnd[a];
        outingEnd[a] = outingEnd[b];
        outingEnd[b] = t;
        int p = outingPlace[a];
        outingPlace[a] = outingPlace[b];
        outingPlace[b] = p;
    }

    /** Leaves the last stop in time to arrive at {@code place} by {@code arriveBy} (not before {@code earliest}). */
    private void go(int place, int placeSector, boolean isUsual, long arriveBy, long earliest) {
        int from = site[stops - 1];
        long leave = Math.max(earliest, arriveBy - travelMs(from, place));
        depart[stops - 1] = leave;
        stop(place, placeSector, isUsual, leave + travelMs(from, place));
    }

    private void stop(int atSite, int atSector, boolean isUsual, long from) {
        if (stops == MAX_STOPS) {
            return;
        }
        site[stops] = atSite;
        sector[stops] = atSector;
        usual[stops] = isUsual;
        arrive[stops] = from;
        depart[stops] = Long.MAX_VALUE;
        stops++;
    }

    /** Door to door: 5 minutes plus the distance at a speed that rises with it, from town speed to long-distance. */
    private long travelMs(int a, int b) {
        if (a == b) {
            return 0;
        }
        double km = network.distanceKm(a, b);
        double fast = mobility.longDistanceSpeedKmh();
        double kmh = fast - (fast - mobility.travelSpeedKmh()) * Math.exp(-km / SPEED_RISE_KM);
        return 5 * MINUTE + (long) (km / kmh * HOUR);
    }

    /** The stop the subscriber is at or last left at an instant (the last answer first: events come in order). */
    private int stopAt(long epochMs) {
        int i = lastStop < stops && arrive[lastStop] <= epochMs ? lastStop : 0;
        while (i + 1 < stops && arrive[i + 1] <= epochMs) {
            i++;
        }
        lastStop = i;
        return i;
    }

    private int lastStop;

    /**
     * The site serving where the subscriber is at an instant: a stay's site, or one along the way. It is the
     * site of the instant's whole second, so a change of site (a handover) happens on a whole second, the same
     * for every record open then.
     */
    int siteAt(long instantMs) {
        long epochMs = Math.floorDiv(instantMs, 1000) * 1000;
        int i = stopAt(epochMs);
        if (epochMs < depart[i] || i + 1 >= stops) {
            return site[i];
        }
        return network.siteOnTrip(site[i], site[i + 1], depart[i], arrive[i + 1], epochMs);
    }

    /** The site serving a phone whose best RAT is {@code best} where the subscriber is at an instant. */
    private int servingAt(long epochMs, RatType best) {
        return network.servingSite(siteAt(epochMs), best);
    }

    /**
     * The first instant after {@code fromMs} and before {@code endMs} at which the site serving the phone is no
     * longer the one serving it at {@code fromMs}; -1 if there is none. Sites change on whole seconds only (see
     * {@link #siteAt}), so every record of the subscriber open then changes at the same instant. Stays keep
     * their site; on a trip the site can only change where the trip leaves a square of the network's raster,
     * so the walk jumps from square to square (beyond the raster it steps {@link #STEP_S} seconds, and the
     * change is found to the second between two steps).
     */
    long siteChangeMs(long fromMs, long endMs, RatType best) {
        long second = Math.floorDiv(fromMs, 1000);
        int i = stopAt(second * 1000);
        if (i + 1 >= stops || second * 1000 < depart[i] && Math.floorDiv(depart[i] + 999, 1000) * 1000 >= endMs) {
            return -1; // the record ends where it started (most do)
        }
        int first = servingAt(second * 1000, best);
        long same = second;
        long next = Math.max(second + 1, Math.floorDiv(depart[i] + 999, 1000));
        long lastSecond = Math.floorDiv(endMs - 1, 1000);
        while (next <= lastSecond) {
            long t = next * 1000;
            int j = stopAt(t);
            if (servingAt(t, best) != first) {
                return firstChange(same, next, first, best) * 1000;
            }
            if (t < depart[j] || j + 1 >= stops) {
                if (j + 1 >= stops) {
                    return -1;
                }
                same = Math.floorDiv(depart[j] + 999, 1000) - 1; // the stay's last second
                next = same + 1;
            } else {
                same = next;
                long exitMs = network.rasterExitMs(site[j], site[j + 1], depart[j], arrive[j + 1], t);
                if (exitMs == Long.MIN_VALUE) {
                    // The last second before the end is looked at too: a change between the steps is not missed.
                    next = next < lastSecond ? Math.min(next + STEP_S, lastSecond) : next + 1;
                } else {
                    // Every second before the trip leaves this raster square has its site: skip to a second before
                    // it leaves (a margin for rounding), or to the arrival.
                    long until = Math.min(exitMs, arrive[j + 1]);
                    next = Math.max(next + 1, Math.floorDiv(until - 1000, 1000));
                    same = Math.max(same, next - 1);
                }
            }
        }
        return -1;
    }

    private static final long STEP_S = 4;

    /** The first whole second in (same, other] at which the serving site is not {@code first}. */
    private long firstChange(long same, long other, int first, RatType best) {
        while (other - same > 1) {
            long mid = (same + other) >>> 1;
            if (servingAt(mid * 1000, best) != first) {
                other = mid;
            } else {
                same = mid;
            }
        }
        return other;
    }

    /** The sector of a stay (-1 on the way: any sector). */
    int sectorAt(long epochMs) {
        int i = stopAt(epochMs);
        return epochMs < depart[i] || i + 1 >= stops ? sector[i] : -1;
    }

    /** Whether the subscriber is at home or work then, where they move between rooms and sectors. */
    boolean atUsualPlace(long epochMs) {
        int i = stopAt(epochMs);
        return (epochMs < depart[i] || i + 1 >= stops) && usual[i];
    }
}
