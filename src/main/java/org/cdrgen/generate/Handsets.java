package org.cdrgen.generate;

import org.cdrgen.config.Device;
import org.cdrgen.config.PopulationProfile;
import org.cdrgen.model.Handset;
import org.cdrgen.model.RatType;
import org.cdrgen.model.Subscriber;

/**
 * The phone a subscriber carries on a day, as a pure function of (seed, subscriber, day): the first phone
 * from activation, replaced after geometric gaps of days (the daily swap probability), each phone's model
 * and IMEI from {@link ImeiAllocation}, so no two phones in use on a day share an IMEI. Runs for every party
 * of every subscriber-day: hashes instead of a random stream, and only the IMEI and the Handset allocated.
 */
final class Handsets {
    private final long seed;
    private final ImeiAllocation imeis;
    private final RatType[] bestRats;
    /** ln(1 - p) of the daily swap probability p; 0 when phones are never swapped. */
    private final double logKeep;

    Handsets(long seed, int subscribers, PopulationProfile profile) {
        this.seed = seed;
        this.imeis = new ImeiAllocation(seed, subscribers, profile.devices());
        this.bestRats = profile.devices().stream().map(Device::bestRat).toArray(RatType[]::new);
        this.logKeep = Math.log1p(-profile.deviceSwapDailyProbability());
    }

    Handset inUse(Subscriber s, long epochDay) {
        int generation = generation(s, epochDay);
        long position = imeis.position(s.id, generation);
        int model = imeis.modelAt(position);
        byte[] imei = new byte[ImeiAllocation.IMEI_DIGITS];
        imeis.write(model, position, generation, imei);
        return new Handset(imei, bestRats[model]);
    }

    /** How many phone swaps the subscriber has made from activation up to and including the day. */
    int generation(Subscriber s, long epochDay) {
        if (logKeep == 0) {
            return 0;
        }
        long day = s.activationEpochDay;
        int generation = 0;
        long h = Seeds.hash(seed, s.id, 0, Seeds.Purpose.DEVICE);
        while (true) {
            // Geometric gap by inversion: the days kept before the next swap, >= 0.
            h = Seeds.mix(h + 0x9e3779b97f4a7c15L);
            double u = 1 - Seeds.unit(h);
            day += 1 + (long) Math.floor(Math.log(u) / logKeep);
            if (day > epochDay) {
                return generation;
            }
            generation++;
        }
    }
}
