package org.cdrgen.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.cdrgen.config.NetworkProfile;
import org.cdrgen.config.PopulationProfile;
import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.Handset;
import org.cdrgen.model.Plan;
import org.cdrgen.model.Subscriber;

/**
 * The subscriber population as pure functions of (seed, subscriber id): who someone is, which phone they
 * carry on a day, whether they are abroad. Nothing is stored per subscriber, so memory does not grow with
 * the population, and any worker can rebuild anyone.
 */
public final class Population {
    private static final int IMSI_DIGITS = 15;

    private final long seed;
    private final int size;
    /** From this day every line is active (the profile's base_complete_date). */
    private final long baseCompleteEpochDay;
    private final ModelTables tables;
    private final CellNetwork network;
    private final PopulationProfile profile;
    /** MSINs (the IMSI digits after MCC and MNC) by a keyed permutation of the subscriber ids. */
    private final KeyedPermutation msin;
    private final MobileNumbering mobileNumbers;
    private final byte[] imsiPrefix;
    private final Handsets handsets;

    public Population(long seed, int size, ModelTables tables, CellNetwork network) {
        this.seed = seed;
        this.size = size;
        this.tables = tables;
        this.network = network;
        this.profile = tables.profile.population();
        this.baseCompleteEpochDay = profile.baseCompleteEpochDay();
        this.handsets = new Handsets(seed, size, profile);
        NetworkProfile net = tables.profile.network();
        this.imsiPrefix = (net.mcc() + net.mnc()).getBytes(StandardCharsets.US_ASCII);
        // Keys of their own (not a subscriber's identity hash), one per numbering, from the run seed.
        long identityKey = Seeds.hash(seed, -1, 0, Seeds.Purpose.IDENTITY);
        this.msin = new KeyedPermutation(NumberRangeSet.pow10(IMSI_DIGITS - imsiPrefix.length), Seeds.hash(identityKey, 1));
        this.mobileNumbers = new MobileNumbering(net, size, Seeds.hash(identityKey, 2));
    }

    public int size() {
        return size;
    }

    public Subscriber subscriber(int id) {
        long h = Seeds.hash(seed, id, 0, Seeds.Purpose.IDENTITY);
        double u1 = Seeds.unit(h);
        long h2 = Seeds.mix(h);
        double u2 = Seeds.unit(h2);
        long h3 = Seeds.mix(h2);
        double u3 = Seeds.unit(h3);
        long h4 = Seeds.mix(h3);

        Plan plan = u1 < profile.prepaidShare() ? Plan.PREPAID : Plan.POSTPAID;
        double activity = Quantiles.logNormalWithMean(u2, 1.0, profile.activitySigma())
                * (plan == Plan.PREPAID ? profile.prepaidActivity() : profile.postpaidActivity());
        if (u3 < profile.quietShare()) {
            activity *= profile.quietActivity();
        }
        // Keyed by the calendar, not by the run: every run of any date range sees the same activation day.
        long activation = baseCompleteEpochDay - 1 - Long.remainderUnsigned(h4, profile.maxActivationAgeDays());

        byte[] imsi = Arrays.copyOf(imsiPrefix, IMSI_DIGITS);
        writeDigits(msin.permute(id), imsi, imsiPrefix.length);
        long msisdn = msisdnOf(id);

        UniformRandomProvider rng = Seeds.stream(seed, id, 0, Seeds.Purpose.PLACES);
        int homeSite = rng.nextInt(network.siteCount());
        int homeSector = rng.nextInt(CellNetwork.SECTORS);
        int workSite = homeSite;
        int workSector = homeSector;
        if (rng.nextDouble() < tables.profile.mobility().workerShare()) {
            workSite = siteNear(homeSite, tables.profile.mobility().workDistanceMedianKm(), rng);
            workSector = rng.nextInt(CellNetwork.SECTORS);
        }
        int[] others = new int[tables.profile.mobility().otherPlaces()];
        for (int i = 0; i < others.length; i++) {
            others[i] = siteNear(rng.nextBoolean() ? homeSite : workSite, 2.0, rng);
        }
        double mix = profile.serviceMixSigma();
        long t = Seeds.mix(h4);
        double voice = activity * Quantiles.logNormalWithMean(Seeds.unit(t), 1.0, mix);
        t = Seeds.mix(t);
        double sms = activity * Quantiles.logNormalWithMean(Seeds.unit(t), 1.0, mix);
        t = Seeds.mix(t);
        double data = activity * Quantiles.logNormalWithMean(Seeds.unit(t), 1.0, mix);
        return new Subscriber(id, plan, activity, voice, sms, data, imsi, msisdn, activation, homeSite, homeSector, workSite, workSector,
                others);
    }

    /** A site at a log-normally distributed distance (median given) in a random direction. */
    private int siteNear(int site, double medianKm, UniformRandomProvider rng) {
        double km = medianKm * Math.exp(0.8 * Quantiles.standardNormal(rng.nextDouble()));
        double cells = km / network.siteSpacingKm();
        double angle = rng.nextDouble() * 2 * Math.PI;
        return network.siteAt(network.row(site) + cells * Math.sin(angle), network.column(site) + cells * Math.cos(angle));
    }

    /** The MSISDN of subscriber {@code id}. */
    public long msisdnOf(int id) {
        return mobileNumbers.subscriberNumber(id);
    }

    /** A mobile number of another operator: from the same mobile ranges, but never one of ours. */
    public long offNetMsisdn(long hash) {
        return mobileNumbers.otherOperatorNumber(hash);
    }

    /** The digits of {@code value}, zero-padded, into the rest of {@code out} from {@code offset}. */
    private static void writeDigits(long value, byte[] out, int offset) {
        for (int i = out.length - 1; i >= offset; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The handset in use on a day: the first one from activation, replaced after geometric gaps of days
     * (the daily swap probability); no two phones in use on one day share an IMEI (see {@link Handsets}).
     */
    public Handset handset(Subscriber s, long epochDay) {
        return handsets.inUse(s, epochDay);
    }

    /**
     * The visited network (index into the profile's list) if the subscriber is abroad on that day, else -1.
     * Trips start on any day with a small probability and last 1..max days; the latest started trip wins.
     */
    public int roamingPlmn(int id, long epochDay) {
        double p = tables.profile.mobility().roamingTripDailyProbability();
        if (p <= 0) {
            return -1;
        }
        int maxDays = tables.profile.mobility().roamingTripMaxDays();
        for (long start = epochDay; start > epochDay - maxDays; start--) {
            long h = Seeds.hash(seed, id, start, Seeds.Purpose.ROAMING);
            if (Seeds.unit(h) < p) {
                long length = 1 + Long.remainderUnsigned(Seeds.mix(h), maxDays);
                if (start + length > epochDay) {
                    return tables.visitedPlmn.bind(Seeds.stream(Seeds.mix(h ^ 0x5bd1e995L))).sample();
                }
            }
        }
        return -1;
    }
}
