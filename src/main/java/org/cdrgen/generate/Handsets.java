package org.cdrgen.generate;

import org.cdrgen.config.Device;
import org.cdrgen.config.PopulationProfile;
import org.cdrgen.model.Handset;
import org.cdrgen.model.RatType;

/**
 * A line's phones: each generation's model and IMEI from {@link ImeiAllocation}, so no two phones in use on
 * a day share an IMEI (when phones change is {@link LineHistory}'s business). Runs for every party of every
 * subscriber-day: hashes instead of a random stream, and only the IMEI and the Handset allocated.
 */
final class Handsets {
    private final ImeiAllocation imeis;
    private final RatType[] bestRats;

    Handsets(long seed, int subscribers, PopulationProfile profile) {
        this.imeis = new ImeiAllocation(seed, subscribers, profile.devices());
        this.bestRats = profile.devices().stream().map(Device::bestRat).toArray(RatType[]::new);
    }

    /** The line's phone of a generation (its phones counted over all its holders). */
    Handset phone(int line, int generation) {
        long position = imeis.position(line, generation);
        int model = imeis.modelAt(position);
        byte[] imei = new byte[ImeiAllocation.IMEI_DIGITS];
        imeis.write(model, position, generation, imei);
        return new Handset(imei, bestRats[model]);
    }
}
