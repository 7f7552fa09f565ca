package org.cdrgen.generate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * A worker's hour-of-day samplers for one service, bound to its stream: the home clock's, and, bound when
 * first needed, those of the clocks abroad.
 */
final class HourSamplers {
    private final HourTables tables;
    private final UniformRandomProvider rng;
    private final SharedStateDiscreteSampler[][] bound = new SharedStateDiscreteSampler[2][2 * HourTables.MAX_SHIFT + 1];
    private final int[] visitedShiftDay;
    private final long[] visitedShiftEpochDay;
    private final int[] visitedShift;
    private final java.time.ZoneId[] visitedZones;

    HourSamplers(HourTables tables, java.time.ZoneId[] visitedZones, UniformRandomProvider rng) {
        this.tables = tables;
        this.rng = rng;
        this.visitedZones = visitedZones;
        this.visitedShiftDay = new int[visitedZones.length];
        this.visitedShiftEpochDay = new long[visitedZones.length];
        this.visitedShift = new int[visitedZones.length];
        java.util.Arrays.fill(visitedShiftEpochDay, Long.MIN_VALUE);
    }

    /** The sampler for a day, at home ({@code visitedPlmn} -1) or abroad on that network's clock. */
    SharedStateDiscreteSampler on(DayCalendar day, int visitedPlmn) {
        int shift = visitedPlmn < 0 ? 0 : shift(day, visitedPlmn);
        int w = day.weekend ? 1 : 0;
        SharedStateDiscreteSampler s = bound[w][shift + HourTables.MAX_SHIFT];
        if (s == null) {
            s = tables.table(day.weekend, shift).bind(rng);
            bound[w][shift + HourTables.MAX_SHIFT] = s;
        }
        return s;
    }

    private int shift(DayCalendar day, int plmn) {
        if (visitedShiftEpochDay[plmn] != day.epochDay) {
            visitedShift[plmn] = Math.max(-HourTables.MAX_SHIFT, Math.min(HourTables.MAX_SHIFT, day.hoursAheadOfHome(visitedZones[plmn])));
            visitedShiftEpochDay[plmn] = day.epochDay;
        }
        return visitedShift[plmn];
    }
}
