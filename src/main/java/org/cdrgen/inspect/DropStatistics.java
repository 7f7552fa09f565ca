package org.cdrgen.inspect;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdrgen.inspect.EventRecord.Column;

/**
 * Reads a drop once and computes {@link DropReport}: row counts, per subscriber-day activity (idle days
 * included), hourly profiles, call outcomes, on-net pairing, contacts, cells, data sessions, roaming and
 * device swaps. Row-level figures cover every row; per-subscriber figures cover the population, taken from
 * subscribers.csv when present, else from the served IMSIs of the home PLMN (the most frequent PLMN of
 * non-roaming rows). Memory is a few primitive arrays per subscriber, session and on-net call.
 */
public final class DropStatistics implements DropReader.EventVisitor {
    private static final int VOICE = 0;
    private static final int SMS = 1;
    private static final int DATA = 2;
    private static final int OTHER = 3;
    private static final int MO = 0;
    private static final int MT = 1;
    private static final String[] DIRECTIONS = {"MO", "MT"};

    private final DropReader reader;
    private final int days;
    private final boolean[] weekend;
    private final SubscriberIndex index = new SubscriberIndex();
    private final SubscriberDayGrid grid;
    private final CallStatistics calls;
    private final DataStatistics data;
    private final long[][] rowCounts = new long[3][2];
    private final Tally otherRows = new Tally();
    private final long[][] hourly = new long[3][24];
    private final Tally homePlmns = new Tally();
    private final long[] roamingRows = new long[3];
    private final Tally visitedPlmns = new Tally();
    private final PairCounter cells = new PairCounter(1 << 14);
    private final PairCounter imeis = new PairCounter(1 << 12);
    private int[] rowsPerSubscriber = new int[1024];
    private long[] lastImei = new long[1024];
    private boolean[] roamed = new boolean[1024];
    private final List<Path> subscriberFiles;
    /** How many subscribers the subscribers file(s) list, or -1 if the drop has none. */
    private final int subscribersFromFile;
    private long totalRows;
    private long rowsOffPartitionDate;
    private long roamingRowsWithCell;
    private final MobilityStatistics mobility;
    private final GraphStatistics graph = new GraphStatistics();
    private final RhythmStatistics rhythm = new RhythmStatistics();
    private int currentDay;
    private String currentDate;

    private DropStatistics(DropReader reader) {
        this.reader = reader;
        this.days = reader.days().size();
        this.weekend = new boolean[days];
        for (int d = 0; d < days; d++) {
            DayOfWeek dow = reader.days().get(d).date().getDayOfWeek();
            weekend[d] = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        }
        this.grid = new SubscriberDayGrid(days);
        this.calls = new CallStatistics(grid);
        this.data = new DataStatistics(grid);
        Arrays.fill(lastImei, Long.MIN_VALUE);
        // Subscribers listed in subscribers.csv take the first ids, so the population is the ids below their count.
        subscriberFiles = reader.subscriberFiles();
        subscriberFiles.forEach(file -> reader.readSubscriberImsis(file).forEach(index::idOf));
        this.subscribersFromFile = subscriberFiles.isEmpty() ? -1 : index.size();
        this.mobility = new MobilityStatistics(reader.readCellSites());
    }

    /** Reads the drop in {@code dir} and computes its report. */
    public static DropReport analyze(Path dir) {
        DropReader reader = DropReader.open(dir);
        DropStatistics statistics = new DropStatistics(reader);
        reader.readEvents(statistics);
        return statistics.report();
    }

    @Override
    public void beginDay(int dayIndex, LocalDate date) {
        mobility.endDay();
        currentDay = dayIndex;
        currentDate = date.toString();
        calls.beginDay(dayIndex);
        graph.beginDay(dayIndex);
        rhythm.beginDay(dayIndex, date.toEpochDay());
        data.beginDay(dayIndex);
    }

    @Override
    public void event(EventRecord row) {
        totalRows++;
        String typeName = row.get(Column.EVENT_TYPE);
        String directionName = row.get(Column.DIRECTION);
        int type = typeName.equals("VOICE") ? VOICE
                : typeName.equals("SMS") ? SMS
                : typeName.equals("DATA") ? DATA : OTHER;
        int direction = directionName.equals("MO") ? MO : directionName.equals("MT") ? MT : OTHER;
        if (type == OTHER || direction == OTHER) {
            otherRows.add(typeName + " " + directionName);
        } else {
            rowCounts[type][direction]++;
        }
        int sub = index.idOf(row.get(Column.SERVED_IMSI));
        ensureSubscriber(sub);
        rowsPerSubscriber[sub]++;
        graph.served(row, sub);
        if (!row.get(Column.START_TIME).startsWith(currentDate)) {
            rowsOffPartitionDate++;
        }
        boolean roaming = row.flag(Column.ROAMING);
        if (roaming) {
            roamed[sub] = true;
            visitedPlmns.add(row.get(Column.VISITED_PLMN));
            roamingRowsWithCell += row.isEmpty(Column.CELL_ID) ? 0 : 1;
        } else {
            homePlmns.add(row.get(Column.MCC) + "-" + row.get(Column.MNC));
            if (!row.isEmpty(Column.CELL_ID)) {
                cells.add(sub, row.getLong(Column.CELL_ID));
                mobility.row(sub, row);
            }
        }
        long imei = EventRecord.numberKey(row.get(Column.SERVED_IMEI));
        if (imei != lastImei[sub]) { // rows of one subscriber mostly repeat the IMEI: count changes only
            imeis.add(sub, imei);
            lastImei[sub] = imei;
        }
        if (type == OTHER) {
            return;
        }
        hourly[type][row.utcHour(Column.START_TIME)]++;
        roamingRows[type] += roaming ? 1 : 0;
        int slot = grid.slot(sub, currentDay);
        grid.rows[slot]++;
        boolean mo = direction == MO;
        if (type == VOICE) {
            grid.voiceMo[slot] += mo ? 1 : 0;
            grid.voiceCalls[slot]++;
            calls.voice(row, sub, mo, weekend[currentDay]);
            if (mo) {
                graph.voiceMo(row);
                rhythm.voiceMo(sub, row.get(Column.OTHER_PARTY_MSISDN));
            }
        } else if (type == SMS) {
            grid.smsMo[slot] += mo ? 1 : 0;
            calls.sms(row, sub, mo);
        } else {
            data.record(row, sub, currentDay);
        }
    }

    private void ensureSubscriber(int sub) {
        if (sub >= rowsPerSubscriber.length) {
            int length = Math.max(sub + 1, rowsPerSubscriber.length * 2);
            rowsPerSubscriber = Arrays.copyOf(rowsPerSubscriber, length);
            int old = lastImei.length;
            lastImei = Arrays.copyOf(lastImei, length);
            Arrays.fill(lastImei, old, length, Long.MIN_VALUE);
            roamed = Arrays.copyOf(roamed, length);
        }
    }

    private DropReport report() {
        mobility.endDay();
        String homePlmn = homePlmns.shares().keySet().stream().findFirst().orElse("");
        Population population = new Population(members(homePlmn), weekend);
        return new DropReport(overview(homePlmn, population), rows(), activity(population), hourly(),
                calls.voiceResult(), calls.onNetResult(), calls.contactsResult(population),
                calls.topContactsResult(population), cells(population), mobility.result(population),
                data.result(population), roaming(population),
                devices(population), graph.result(population, days), rhythm.result(population, rowDates()));
    }

    private boolean[] members(String homePlmn) {
        boolean[] members = new boolean[index.size()];
        String prefix = homePlmn.replace("-", "");
        for (int id = 0; id < members.length; id++) {
            members[id] = subscribersFromFile >= 0 ? id < subscribersFromFile : index.imsi(id).startsWith(prefix);
        }
        return members;
    }

    private DropReport.Overview overview(String homePlmn, Population population) {
        int outsideImsis = 0;
        long outsideRows = 0;
        for (int id = 0; id < index.size(); id++) {
            if (!population.contains(id) && rowsPerSubscriber[id] > 0) {
                outsideImsis++;
                outsideRows += rowsPerSubscriber[id];
            }
        }
        List<DropReader.DayFiles> dayFiles = reader.days();
        int weekendDates = SubscriberDayGrid.countTrue(weekend);
        String source = subscribersFromFile < 0
                ? "distinct served_imsi of home PLMN " + homePlmn + " (no subscribers.csv)"
                : subscriberFiles.size() == 1 ? subscriberFiles.get(0).getFileName().toString()
                : subscriberFiles.size() + " subscribers-shard files";
        return new DropReport.Overview(reader.root().toString(), reader.eventFileCount(),
                dayFiles.get(0).date().toString(), dayFiles.get(days - 1).date().toString(), days, days - weekendDates,
                weekendDates, totalRows, homePlmn, source, population.size, (long) population.size * days,
                outsideImsis, outsideRows, rowsOffPartitionDate);
    }

    private Map<String, Long> rows() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int type = 0; type < 3; type++) {
            for (int direction = 0; direction < 2; direction++) {
                if (rowCounts[type][direction] > 0 || !(type == DATA && direction == MT)) {
                    out.put(DropReport.SERVICES.get(type) + " " + DIRECTIONS[direction], rowCounts[type][direction]);
                }
            }
        }
        otherRows.shares().forEach((label, share) -> out.put(label, share.count()));
        return out;
    }

    private DropReport.Activity activity(Population population) {
        Map<String, DropReport.DayCounts> perDay = new LinkedHashMap<>();
        perDay.put("voice_mo_attempts", dayCounts(grid.voiceMo, population));
        perDay.put("voice_calls_mo_mt", dayCounts(grid.voiceCalls, population));
        perDay.put("sms_mo", dayCounts(grid.smsMo, population));
        perDay.put("data_sessions", dayCounts(grid.dataSessions, population));
        return new DropReport.Activity(perDay, zeroShare(grid.voiceMo, population),
                zeroShare(grid.voiceCalls, population), medianLag1Autocorrelation(population),
                everyDayShare(population));
    }

    /**
     * Day-to-day persistence: the median over subscribers (with 5 or more MO calls and SMS, on 3 or more days)
     * of the lag-1 autocorrelation of their daily MO calls + SMS; about 0 when days are independent.
     */
    private double medianLag1Autocorrelation(Population population) {
        if (days < 3) {
            return Double.NaN;
        }
        DoubleList lag1 = new DoubleList();
        double[] c = new double[days];
        for (int s = 0; s < population.members.length; s++) {
            if (!population.contains(s)) {
                continue;
            }
            double total = 0;
            for (int d = 0; d < days; d++) {
                int slot = grid.slot(s, d);
                c[d] = grid.voiceMo[slot] + grid.smsMo[slot];
                total += c[d];
            }
            double mean = total / days;
            double variance = 0;
            double covariance = 0;
            for (int d = 0; d < days; d++) {
                variance += (c[d] - mean) * (c[d] - mean);
                if (d + 1 < days) {
                    covariance += (c[d] - mean) * (c[d + 1] - mean);
                }
            }
            if (total >= 5 && variance > 0) {
                lag1.add(covariance / variance);
            }
        }
        return lag1.size() == 0 ? Double.NaN : lag1.summarize().median();
    }

    /** Per subscriber id, the dates it has rows on. */
    private int[] rowDates() {
        int[] out = new int[index.size()];
        for (int s = 0; s < out.length; s++) {
            for (int d = 0; d < days; d++) {
                int slot = grid.slot(s, d); // may grow the grid: before grid.rows is read
                out[s] += grid.rows[slot] > 0 ? 1 : 0;
            }
        }
        return out;
    }

    /** The share of the population with rows on every date of the drop. */
    private double everyDayShare(Population population) {
        int every = 0;
        for (int s = 0; s < population.members.length; s++) {
            if (population.contains(s)) {
                boolean all = true;
                for (int d = 0; d < days && all; d++) {
                    all = grid.rows[grid.slot(s, d)] > 0;
                }
                every += all ? 1 : 0;
            }
        }
        return Fractions.share(every, population.size);
    }

    private DropReport.DayCounts dayCounts(int[] counter, Population population) {
        double[] all = grid.values(counter, population.members, population.size, population.allDays);
        double[] weekdays = grid.values(counter, population.members, population.size, population.weekdays);
        double[] weekends = grid.values(counter, population.members, population.size, population.weekendDays);
        return new DropReport.DayCounts(Summary.ofSorting(all, all.length), mean(weekdays), mean(weekends));
    }

    private double zeroShare(int[] counter, Population population) {
        double[] all = grid.values(counter, population.members, population.size, population.allDays);
        long zeros = Arrays.stream(all).filter(v -> v == 0).count();
        return Fractions.share(zeros, all.length);
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
    }

    private Map<String, double[]> hourly() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int type = 0; type < 3; type++) {
            long total = Arrays.stream(hourly[type]).sum();
            double[] shares = new double[24];
            for (int h = 0; h < 24; h++) {
                shares[h] = Fractions.share(hourly[type][h], total);
            }
            out.put(DropReport.SERVICES.get(type), shares);
        }
        return out;
    }

    private DropReport.Cells cells(Population population) {
        int n = index.size();
        int[] distinct = new int[n];
        int[] total = new int[n];
        int[] top = new int[n * 2];
        cells.forEach((sub, cell, count) -> {
            distinct[sub]++;
            total[sub] += count;
            TopCounts.insert(top, sub * 2, 2, count);
        });
        DoubleList perSubscriber = new DoubleList();
        double sumTop1 = 0;
        double sumTop2 = 0;
        for (int s = 0; s < n; s++) {
            if (population.contains(s) && total[s] > 0) {
                perSubscriber.add(distinct[s]);
                sumTop1 += (double) top[s * 2] / total[s];
                sumTop2 += (double) (top[s * 2] + top[s * 2 + 1]) / total[s];
            }
        }
        int located = perSubscriber.size();
        return new DropReport.Cells(located, perSubscriber.summarize(), Fractions.share(sumTop1, located),
                Fractions.share(sumTop2, located));
    }

    private DropReport.Roaming roaming(Population population) {
        long rows = Arrays.stream(roamingRows).sum();
        Map<String, Double> byService = new LinkedHashMap<>();
        for (int type = 0; type < 3; type++) {
            byService.put(DropReport.SERVICES.get(type),
                    Fractions.share(roamingRows[type], rowCounts[type][MO] + rowCounts[type][MT]));
        }
        int roamers = 0;
        for (int id = 0; id < index.size(); id++) {
            roamers += population.contains(id) && roamed[id] ? 1 : 0;
        }
        return new DropReport.Roaming(rows, Fractions.share(rows, totalRows), byService, roamers,
                Fractions.share(roamers, population.size), visitedPlmns.shares(), roamingRowsWithCell);
    }

    private DropReport.Devices devices(Population population) {
        int[] distinct = new int[index.size()];
        imeis.forEach((sub, imei, count) -> distinct[sub]++);
        int swapped = 0;
        int max = 0;
        for (int id = 0; id < distinct.length; id++) {
            if (population.contains(id)) {
                swapped += distinct[id] > 1 ? 1 : 0;
                max = Math.max(max, distinct[id]);
            }
        }
        return new DropReport.Devices(swapped, Fractions.share(swapped, population.size), max);
    }
}
