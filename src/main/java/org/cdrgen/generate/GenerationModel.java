package org.cdrgen.generate;

import java.time.LocalDate;
import java.util.List;
import org.cdrgen.config.Profile;
import org.cdrgen.model.CellNetwork;

/**
 * The read-only state of a run, built once and shared by all workers: the profile's tables, the radio
 * network, the population functions and the calendar of the requested days.
 */
public final class GenerationModel {
    public final long seed;
    public final int subscribers;
    public final Profile profile;
    /** The map people live on and the network covers. */
    public final Country country;
    public final CellNetwork network;
    public final ModelTables tables;
    public final Population population;
    /** Numbers of off-net parties (other mobiles, fixed lines, abroad, short codes, services, businesses). */
    public final OtherParties otherParties;
    /** Scenarios applied to every subscriber-day, in order; none in a plain run. */
    final DayTransform[] transforms;
    private final DayCalendar[] days;

    public GenerationModel(long seed, int subscribers, LocalDate startDate, int dayCount, Profile profile) {
        this(seed, subscribers, startDate, dayCount, profile, List.of());
    }

    public GenerationModel(long seed, int subscribers, LocalDate startDate, int dayCount, Profile profile,
            List<DayTransform> transforms) {
        this.seed = seed;
        this.subscribers = subscribers;
        this.profile = profile;
        this.country = new Country(seed, profile.country(), profile.network().siteDensityExponent());
        this.network = NetworkBuilder.build(seed, profile.network(), country, subscribers);
        this.tables = new ModelTables(profile, network);
        this.population = new Population(seed, subscribers, tables, network, country);
        this.otherParties = new OtherParties(seed, profile.network(), profile.otherParties(), population);
        this.transforms = transforms.toArray(DayTransform[]::new);
        this.days = new DayCalendar[dayCount];
        for (int d = 0; d < dayCount; d++) {
            days[d] = new DayCalendar(d, startDate.plusDays(d), profile);
        }
    }

    public int dayCount() {
        return days.length;
    }

    public DayCalendar day(int index) {
        return days[index];
    }
}
