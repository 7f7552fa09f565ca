package org.cdrgen.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.cdrgen.config.LifecycleProfile;
import org.cdrgen.config.MobilityProfile;
import org.cdrgen.config.NetworkProfile;
import org.cdrgen.config.PopulationProfile;
import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.Handset;
import org.cdrgen.model.Plan;
import org.cdrgen.model.Subscriber;

/**
 * The subscriber population as pure functions of (seed, line, day): who holds a line on a day (see
 * {@link LineHistory}), with which SIM and phone, whether they are abroad. Nothing is stored per subscriber,
 * so memory does not grow with the population, and any worker can rebuild anyone.
 */
public final class Population {
    private static final int IMSI_DIGITS = 15;

    private final long seed;
    private final int size;
    private final LineHistory history;
    private final Habits habits;
    /** SIM serials of a line that get distinct IMSIs before they repeat: 10^MSIN digits / lines. */
    private final int simsPerLine;
    private final ModelTables tables;
    private final CellNetwork network;
    private final Country country;
    /** Where lines live: households, neighbours (see {@link Settlement}). */
    private final Settlement settlement;
    private final PopulationProfile profile;
    /** MSINs (the IMSI digits after MCC and MNC) by a keyed permutation of the subscriber ids. */
    private final KeyedPermutation msin;
    private final MobileNumbering mobileNumbers;
    private final byte[] imsiPrefix;
    private final Handsets handsets;

    public Population(long seed, int size, ModelTables tables, CellNetwork network, Country country) {
        this.seed = seed;
        this.size = size;
        this.tables = tables;
        this.network = network;
        this.country = country;
        this.settlement = new Settlement(seed, size, tables.profile.population().householdSizes());
        this.profile = tables.profile.population();
        this.history = new LineHistory(seed, profile);
        this.habits = new Habits(seed, tables.profile.habits());
        this.handsets = new Handsets(seed, size, profile);
        NetworkProfile net = tables.profile.network();
        this.imsiPrefix = (net.mcc() + net.mnc()).getBytes(StandardCharsets.US_ASCII);
        // Keys of their own (not a subscriber's identity hash), one per numbering, from the run seed.
        long identityKey = Seeds.hash(seed, -1, 0, Seeds.Purpose.IDENTITY);
        long msinCount = NumberRangeSet.pow10(IMSI_DIGITS - imsiPrefix.length);
        this.msin = new KeyedPermutation(msinCount, Seeds.hash(identityKey, 1));
        // IMSI index = SIM serial x lines + line: unique across all lines and all their SIMs (up to this many each).
        this.simsPerLine = (int) Math.max(1, Math.min(Integer.MAX_VALUE, msinCount / Math.max(1, size)));
        this.mobileNumbers = new MobileNumbering(net, size, Seeds.hash(identityKey, 2));
    }

    public int size() {
        return size;
    }

    LifecycleProfile lifecycle() {
        return profile.lifecycle();
    }

    /** How much busier or quieter than usual the subscriber is on a day (mean 1; runs of days alike). */
    public double mood(Subscriber s, long epochDay) {
        return habits.mood(s.personId, epochDay);
    }

    /** The same, and the mood of the day before into {@code dayBefore[0]} (see {@link Habits#moods}). */
    double moods(Subscriber s, long epochDay, double[] dayBefore) {
        return habits.moods(s.personId, epochDay, dayBefore);
    }

    /** Whether the subscriber is away with the phone off all day. */
    public boolean away(Subscriber s, long epochDay) {
        return habits.away(s.personId, epochDay);
    }

    /** The keyed order the lines live in, cut into households. */
    public Settlement settlement() {
        return settlement;
    }

    /** The calendar of every line: holders, phones, SIMs. */
    LineHistory history() {
        return history;
    }

    /**
     * The line's subscriber on a day: its holder then, with the SIM (IMSI) and phone of that day's version.
     * When the line has no holder that day (before its first activation, or in a cool-down after a churn),
     * the last (or first) holder, with {@link Subscriber#activeOn} false for the day.
     */
    public Subscriber subscriber(int line, long epochDay) {
        LineVersion version = history.versionOn(line, epochDay);
        if (version == null) {
            LineHistory.LineHolder holder = history.holderOn(line, epochDay);
            long start = holder.start() >= 0 ? holder.start() : epochDay + 1;
            version = new LineVersion(line, holder.tenure(), holder.personId(), start, start, start, start, 0, 0,
                    null, null);
        }
        return subscriber(version);
    }

    /** The holder of a version, with that version's identity. */
    Subscriber subscriber(LineVersion version) {
        int id = version.line();
        long person = version.personId();
        long h = history.identityHash(person);
        long h2 = Seeds.mix(h);
        double u2 = Seeds.unit(h2);
        long h3 = Seeds.mix(h2);
        double u3 = Seeds.unit(h3);
        long h4 = Seeds.mix(h3);

        Plan plan = history.prepaid(person) ? Plan.PREPAID : Plan.POSTPAID;
        double activity = Quantiles.logNormalWithMean(u2, 1.0, profile.activitySigma())
                * (plan == Plan.PREPAID ? profile.prepaidActivity() : profile.postpaidActivity());
        if (u3 < profile.quietShare()) {
            activity *= profile.quietActivity();
        }

        byte[] imsi = Arrays.copyOf(imsiPrefix, IMSI_DIGITS);
        writeDigits(msin.permute((long) (version.sim() % simsPerLine) * size + id), imsi, imsiPrefix.length);
        long msisdn = msisdnOf(id);

        // The home is the household's (all lines of a household share it), wherever the settlement order puts it.
        int household = settlement.householdStart(settlement.position(id));
        double[] home = new double[2];
        country.home((household + 0.5) / size, Seeds.hash(seed, household, 3, Seeds.Purpose.SETTLEMENT), home);
        UniformRandomProvider rng = Seeds.stream(seed, person, 0, Seeds.Purpose.PLACES);
        int homeSite = network.nearestSite(home[0], home[1]);
        int homeSector = rng.nextInt(CellNetwork.SECTORS);
        int workSite = homeSite;
        int workSector = homeSector;
        MobilityProfile mobility = tables.profile.mobility();
        if (rng.nextDouble() < mobility.workerShare()) {
            double km = mobility.workDistanceMedianKm() * Math.exp(0.8 * Quantiles.standardNormal(rng.nextDouble()));
            double angle = rng.nextDouble() * 2 * Math.PI;
            workSite = network.nearestSite(home[0] + km * Math.cos(angle), home[1] + km * Math.sin(angle));
            workSector = rng.nextInt(CellNetwork.SECTORS);
        }
        double range = Math.exp(mobility.exploration().rangeSigma() * Quantiles.standardNormal(rng.nextDouble()));
        double mix = profile.serviceMixSigma();
        long t = Seeds.mix(h4);
        double voice = activity * Quantiles.logNormalWithMean(Seeds.unit(t), 1.0, mix);
        t = Seeds.mix(t);
        double sms = activity * Quantiles.logNormalWithMean(Seeds.unit(t), 1.0, mix);
        t = Seeds.mix(t);
        double data = activity * Quantiles.logNormalWithMean(Seeds.unit(t), 1.0, mix);
        return new Subscriber(id, version.tenure(), person, plan, activity, voice, sms, data, imsi, msisdn,
                version.tenureStart(), version.validFrom(), version.validTo(), version.phone(), version.began(),
                homeSite, homeSector, workSite, workSector, home[0], home[1], range);
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
     * The subscriber's phone: its generation counts the line's phones over all its holders (see
     * {@link LineHistory}); no two phones in use on one day share an IMEI (see {@link ImeiAllocation}).
     */
    public Handset handset(Subscriber s) {
        return handsets.phone(s.id, s.phoneGeneration);
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
