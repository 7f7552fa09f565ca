package org.cdrgen.inspect;

import java.util.Arrays;
import org.cdrgen.inspect.EventRecord.Column;

/**
 * DATA rows. A long session is written as partial records sharing one charging_id, so sessions are keyed
 * by (served subscriber, charging_id) and their volumes summed over their records. Sessions per
 * subscriber-day count distinct charging_ids per date: rows arrive date by date, so remembering the last
 * date a session was seen on is enough to count a session that spans midnight on both dates.
 *
 * <p>Open sessions are the bulk of the memory, so a session that has had no record for a whole date is
 * taken as ended and reduced to three numbers. This assumes a session writes a record at least every other
 * date, which partial-record time limits (hours) guarantee.
 */
final class DataStatistics {
    private static final long HASHED_KEY_FLAG = 1L << 62;
    private static final int INITIAL = 1 << 14;
    private final SubscriberDayGrid grid;
    private LongIntMap open = new LongIntMap(INITIAL);
    private long[] keys = new long[INITIAL];
    private long[] downlink = new long[INITIAL];
    private long[] uplink = new long[INITIAL];
    private int[] records = new int[INITIAL];
    private int[] lastDay = new int[INITIAL];
    private final DoubleList sessionBytes = new DoubleList();
    private final DoubleList recordsPerSession = new DoubleList();
    private final DoubleList downlinkUplinkRatios = new DoubleList();
    private final Tally causeForTerm = new Tally();
    private final Tally apn = new Tally();
    private long totalDownlink;
    private long totalUplink;
    private long recordCount;
    private long partialRecords;
    private long rowsWithoutChargingId;

    DataStatistics(SubscriberDayGrid grid) {
        this.grid = grid;
    }

    /** Ends the sessions without a record on the date before {@code day}. */
    void beginDay(int day) {
        if (day >= 2) {
            endSessionsSeenBefore(day - 1);
        }
    }

    void record(EventRecord row, int sub, int day) {
        recordCount++;
        long down = row.getLong(Column.BYTES_DOWNLINK, 0);
        long up = row.getLong(Column.BYTES_UPLINK, 0);
        if (row.getLong(Column.RECORD_SEQUENCE_NUMBER, 1) > 1) {
            partialRecords++;
        }
        causeForTerm.add(row.get(Column.CAUSE_FOR_TERM));
        apn.add(row.get(Column.APN));

        long key = sessionKey(sub, row.getLong(Column.CHARGING_ID, -1));
        int openBefore = open.size();
        int id = open.getOrAdd(key);
        if (id >= records.length) {
            resize(records.length * 2);
        }
        int slot = grid.slot(sub, day);
        if (open.size() > openBefore) { // a new session: its slot may hold an ended session's values
            keys[id] = key;
            downlink[id] = 0;
            uplink[id] = 0;
            records[id] = 0;
            grid.dataSessions[slot]++;
        } else if (lastDay[id] != day) {
            grid.dataSessions[slot]++;
        }
        lastDay[id] = day;
        downlink[id] += down;
        uplink[id] += up;
        records[id]++;
        grid.dataBytes[slot] += down + up;
    }

    /**
     * charging_id is a uint32, so subscriber id and charging_id pack into one long; other values get a hashed
     * key, and a row without charging_id is a session of its own.
     */
    private long sessionKey(int sub, long chargingId) {
        if (chargingId >= 0 && chargingId <= 0xFFFF_FFFFL) {
            return ((long) sub << 32) | chargingId;
        }
        if (chargingId == -1) {
            return Long.MIN_VALUE | rowsWithoutChargingId++;
        }
        return HASHED_KEY_FLAG | (LongIntMap.mix(chargingId * 31 + sub) & (HASHED_KEY_FLAG - 1));
    }

    /** Moves the sessions last seen before date {@code day} to the finished samples; keeps the others open. */
    private void endSessionsSeenBefore(int day) {
        int n = open.size();
        int kept = 0;
        for (int id = 0; id < n; id++) {
            if (lastDay[id] < day) {
                finish(id);
            } else {
                keys[kept] = keys[id];
                downlink[kept] = downlink[id];
                uplink[kept] = uplink[id];
                records[kept] = records[id];
                lastDay[kept] = lastDay[id];
                kept++;
            }
        }
        open = new LongIntMap(Math.max(INITIAL, kept));
        for (int id = 0; id < kept; id++) {
            open.getOrAdd(keys[id]); // re-adding in order gives each session its compacted id
        }
        if (records.length > INITIAL && kept < records.length / 4) {
            resize(Math.max(INITIAL, Integer.highestOneBit(kept) * 2));
        }
    }

    private void finish(int id) {
        sessionBytes.add(downlink[id] + uplink[id]);
        recordsPerSession.add(records[id]);
        totalDownlink += downlink[id];
        totalUplink += uplink[id];
        if (uplink[id] > 0) {
            downlinkUplinkRatios.add((double) downlink[id] / uplink[id]);
        }
    }

    private void resize(int length) {
        keys = Arrays.copyOf(keys, length);
        downlink = Arrays.copyOf(downlink, length);
        uplink = Arrays.copyOf(uplink, length);
        records = Arrays.copyOf(records, length);
        lastDay = Arrays.copyOf(lastDay, length);
    }

    DropReport.Data result(Population population) {
        endSessionsSeenBefore(Integer.MAX_VALUE);
        double[] perDay = grid.values(grid.dataBytes, population.members, population.size, population.allDays);
        return new DropReport.Data(recordCount, sessionBytes.size(), sessionBytes.summarize(),
                Summary.ofSorting(perDay, perDay.length), recordsPerSession.summarize(), totalDownlink, totalUplink,
                Fractions.share(totalDownlink, totalUplink), downlinkUplinkRatios.summarize().median(),
                Fractions.share(partialRecords, recordCount), causeForTerm.shares(), apn.shares());
    }
}
