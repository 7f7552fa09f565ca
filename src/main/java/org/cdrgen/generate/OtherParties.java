package org.cdrgen.generate;

import java.util.List;
import org.cdrgen.config.Destination;
import org.cdrgen.config.NetworkProfile;
import org.cdrgen.config.OtherPartiesProfile;
import org.cdrgen.config.ServiceNumber;

/**
 * The numbers of off-net parties, as a pure function of a hash: the kind is drawn from the profile's mix,
 * then a number of that kind's shape. Pools (short codes, shared business numbers) are built once per run
 * from the seed and drawn by Zipf popularity, so a few of their numbers are called by many subscribers.
 * Read-only and shared by all workers; a draw allocates nothing.
 */
public final class OtherParties {
    /** The kinds, in the order of {@link org.cdrgen.config.OtherPartyShares#asArray()}. */
    private static final int OTHER_MOBILE = 0;
    private static final int FIXED_LINE = 1;
    private static final int INTERNATIONAL = 2;
    private static final int SHORT_CODE = 3;
    private static final int SERVICE = 4;
    private static final List<String> FIRST_DIGITS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");

    private final Population population;
    private final CumulativeIndex kindCumulative;
    private final NumberRangeSet fixedLine;
    private final NumberRangeSet[] destinations;
    private final CumulativeIndex destinationCumulative;
    private final long[] serviceNumbers;
    private final CumulativeIndex serviceCumulative;
    private final long[] shortCodes;
    private final CumulativeIndex shortCodeCumulative;
    private final long[] sharedNumbers;
    private final CumulativeIndex sharedCumulative;

    OtherParties(long seed, NetworkProfile network, OtherPartiesProfile profile, Population population) {
        this.population = population;
        this.kindCumulative = new CumulativeIndex(cumulative(profile.shares().asArray()));
        String cc = network.countryCode();
        this.fixedLine = new NumberRangeSet(cc, profile.fixedLinePrefixes(), profile.fixedLineLength());
        List<Destination> abroad = profile.internationalDestinations();
        this.destinations = new NumberRangeSet[abroad.size()];
        double[] destinationShares = new double[abroad.size()];
        for (int i = 0; i < destinations.length; i++) {
            // A national number abroad starts with 1-9 (0 is a trunk prefix, never part of E.164).
            destinations[i] = new NumberRangeSet(abroad.get(i).countryCode(), FIRST_DIGITS, abroad.get(i).numberLength());
            destinationShares[i] = abroad.get(i).share();
        }
        this.destinationCumulative = new CumulativeIndex(cumulative(destinationShares));
        List<ServiceNumber> services = profile.serviceNumbers();
        this.serviceNumbers = new long[services.size()];
        double[] serviceShares = new double[services.size()];
        for (int i = 0; i < serviceNumbers.length; i++) {
            serviceNumbers[i] = Long.parseLong(services.get(i).number());
            serviceShares[i] = services.get(i).share();
        }
        this.serviceCumulative = new CumulativeIndex(cumulative(serviceShares));
        long poolKey = Seeds.hash(seed, 0, 0, Seeds.Purpose.OTHER_PARTIES);
        // Short codes carry no country code: the "0" country part is a zero in front.
        this.shortCodes = pool(new NumberRangeSet("0", profile.shortCodePrefixes(), profile.shortCodeDigits()),
                profile.shortCodes(), Seeds.hash(poolKey, 1));
        this.shortCodeCumulative = new CumulativeIndex(zipf(profile.shortCodes(), profile.sharedPopularityExponent()));
        this.sharedNumbers = pool(new NumberRangeSet(cc, profile.sharedPrefixes(), profile.fixedLineLength()),
                profile.sharedNumbers(), Seeds.hash(poolKey, 2));
        this.sharedCumulative = new CumulativeIndex(zipf(profile.sharedNumbers(), profile.sharedPopularityExponent()));
    }

    /** The number of an off-net party drawn from a hash (E.164 digits without '+', or a short code). */
    public long number(long hash) {
        int kind = kindCumulative.pick(Seeds.unit(hash));
        long h = Seeds.mix(hash);
        switch (kind) {
            case OTHER_MOBILE:
                return population.offNetMsisdn(h);
            case FIXED_LINE:
                return fixedLine.numberOf(h);
            case INTERNATIONAL:
                return destinations[destinationCumulative.pick(Seeds.unit(h))].numberOf(Seeds.mix(h));
            case SHORT_CODE:
                return shortCodes[shortCodeCumulative.pick(Seeds.unit(h))];
            case SERVICE:
                return serviceNumbers[serviceCumulative.pick(Seeds.unit(h))];
            default:
                return sharedNumbers[sharedCumulative.pick(Seeds.unit(h))];
        }
    }

    /** Cumulative shares normalised to end at exactly 1. */
    private static double[] cumulative(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] out = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            out[i] = sum / total;
        }
        out[out.length - 1] = 1.0;
        return out;
    }

    /** Zipf popularity over ranks: the k-th (from 0) weighs (k + 1)^-exponent. */
    private static double[] zipf(int size, double exponent) {
        double[] weights = new double[size];
        for (int k = 0; k < size; k++) {
            weights[k] = Math.pow(k + 1, -exponent);
        }
        return cumulative(weights);
    }

    private static long[] pool(NumberRangeSet ranges, int size, long key) {
        long[] numbers = new long[size];
        long h = key;
        for (int k = 0; k < size; k++) {
            h = Seeds.mix(h + 0x9e3779b97f4a7c15L);
            numbers[k] = ranges.numberOf(h);
        }
        return numbers;
    }
}
