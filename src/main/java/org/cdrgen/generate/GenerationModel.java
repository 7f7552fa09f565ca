package org.cdrgen.generate;

import java.time.LocalDate;
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
    public final CellNetwork network;
    public final ModelTables tables;
    public final Population population;
    private final DayCalendar[] days;

    public GenerationModel(long seed, int subscribers, LocalDate startDate, int dayCount, Profile profile) {
        this.seed = seed;
        this.subscribers = subscribers;
        this.profile = profile;
        this.network = NetworkBuilder.build(seed, profile.network(), subscribers);
        this.tables = new ModelTables(profile, network);
        this.population = new Population(seed, subscribers, startDate.toEpochDay(), tables, network);
        this.days = new DayCalendar[dayCount];
        for (int d = 0; d < dayCount; d++) {
            days[d] = new DayCalendar(d, startDate.plusDays(d), profile);
        }
    }

    public DayCalendar day(int index) {
        return days[index];
    }
}
