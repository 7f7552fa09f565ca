package org.cdrgen.inspect;

import java.util.Arrays;

/**
 * Who calls whom with a rhythm, from the VOICE MO attempts (any outcome) of the first {@link #FOLLOWED}
 * subscribers of the population: for each (caller, number) pair, the dates it was called on. A caller
 * counts if they made attempts on 4 or more dates. A daily tie is a number called on at least 75% of the
 * dates the caller has rows on (a partner called most evenings). A weekly tie is a number called in 3 or
 * more distinct weeks (Monday to Sunday) with 3 or more of its dates, and at least half of them, on one
 * weekday (a parent called on Sundays); a number called now and then has its dates spread over the week.
 * Memory: a few numbers per pair, as many pairs as the followed callers have partners.
 */
final class RhythmStatistics {
    static final int FOLLOWED = 20_000;
    static final int MIN_CALLER_DATES = 4;
    static final double DAILY_SHARE = 0.75;
    static final int WEEKLY_MIN_WEEKS = 3;
    static final int WEEKLY_MIN_SAME_WEEKDAY = 3;

    private final LongIntMap numbers = new LongIntMap(1 << 14);
    private final LongIntMap pairs = new LongIntMap(1 << 16);
    private int[] pairCaller = new int[1 << 16];
    private int[] lastDay = new int[1 << 16];
    private int[] lastWeek = new int[1 << 16];
    private short[] dates = new short[1 << 16];
    private short[] weeks = new short[1 << 16];
    /** Per pair, seven counts: its dates on each weekday (Monday first). */
    private short[] weekdays = new short[7 << 16];
    private int[] callerLastDay = new int[1024];
    private int[] callerDates = new int[1024];
    private int day;
    private int week;
    private int weekday;

    RhythmStatistics() {
        Arrays.fill(callerLastDay, -1);
    }

    /** @param epochDay the date's day number (1970-01-01 is 0), for its week and weekday */
    void beginDay(int dayIndex, long epochDay) {
        day = dayIndex;
        // 1970-01-01 was a Thursday: three days after a Monday.
        week = (int) Math.floorDiv(epochDay + 3, 7);
        weekday = (int) Math.floorMod(epochDay + 3, 7);
    }

    void voiceMo(int sub, String otherParty) {
        if (sub >= FOLLOWED || otherParty.isEmpty()) {
            return;
        }
        if (sub >= callerLastDay.length) {
            int old = callerLastDay.length;
            int n = Math.max(sub + 1, old * 2);
            callerLastDay = Arrays.copyOf(callerLastDay, n);
            Arrays.fill(callerLastDay, old, n, -1);
            callerDates = Arrays.copyOf(callerDates, n);
        }
        if (callerLastDay[sub] != day) {
            callerLastDay[sub] = day;
            callerDates[sub]++;
        }
        int number = numbers.getOrAdd(EventRecord.numberKey(otherParty));
        int before = pairs.size();
        int pair = pairs.getOrAdd((long) sub << 32 | number);
        if (pairs.size() > before) {
            if (pair >= pairCaller.length) {
                grow(pairCaller.length * 2);
            }
            pairCaller[pair] = sub;
            lastDay[pair] = -1;
            lastWeek[pair] = Integer.MIN_VALUE;
        }
        if (lastDay[pair] == day) {
            return;
        }
        lastDay[pair] = day;
        dates[pair] = (short) Math.min(Short.MAX_VALUE, dates[pair] + 1);
        weekdays[pair * 7 + weekday] = (short) Math.min(Short.MAX_VALUE, weekdays[pair * 7 + weekday] + 1);
        if (lastWeek[pair] != week) {
            lastWeek[pair] = week;
            weeks[pair] = (short) Math.min(Short.MAX_VALUE, weeks[pair] + 1);
        }
    }

    private void grow(int n) {
        pairCaller = Arrays.copyOf(pairCaller, n);
        lastDay = Arrays.copyOf(lastDay, n);
        lastWeek = Arrays.copyOf(lastWeek, n);
        dates = Arrays.copyOf(dates, n);
        weeks = Arrays.copyOf(weeks, n);
        weekdays = Arrays.copyOf(weekdays, n * 7);
    }

    /** @param rowDates per subscriber id, the dates it has rows on */
    DropReport.Rhythm result(Population population, int[] rowDates) {
        int n = callerDates.length;
        boolean[] daily = new boolean[n];
        boolean[] weekly = new boolean[n];
        long weeklyCandidates = 0;
        long weeklyTies = 0;
        for (int p = 0; p < pairs.size(); p++) {
            int sub = pairCaller[p];
            if (!population.contains(sub) || callerDates[sub] < MIN_CALLER_DATES) {
                continue;
            }
            int active = sub < rowDates.length ? rowDates[sub] : 0;
            if (dates[p] >= DAILY_SHARE * active) {
                daily[sub] = true;
            }
            if (weeks[p] >= WEEKLY_MIN_WEEKS) {
                weeklyCandidates++;
                int top = 0;
                for (int w = 0; w < 7; w++) {
                    top = Math.max(top, weekdays[p * 7 + w]);
                }
                if (top >= WEEKLY_MIN_SAME_WEEKDAY && 2 * top >= dates[p]) {
                    weeklyTies++;
                    weekly[sub] = true;
                }
            }
        }
        int callers = 0;
        int withDaily = 0;
        int withWeekly = 0;
        for (int s = 0; s < n; s++) {
            if (population.contains(s) && callerDates[s] >= MIN_CALLER_DATES) {
                callers++;
                withDaily += daily[s] ? 1 : 0;
                withWeekly += weekly[s] ? 1 : 0;
            }
        }
        return new DropReport.Rhythm(callers, Fractions.share(withDaily, callers), Fractions.share(withWeekly, callers),
                weeklyCandidates, Fractions.share(weeklyTies, weeklyCandidates));
    }
}
