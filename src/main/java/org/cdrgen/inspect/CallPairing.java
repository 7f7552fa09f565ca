package org.cdrgen.inspect;

import static org.cdrgen.inspect.Fractions.share;

import java.util.Arrays;
import org.cdrgen.inspect.EventRecord.Column;

/**
 * Pairs the MO and MT rows of on-net calls (or SMS) by call_reference. The schema says both rows share
 * the reference, times, duration and outcome, with caller and callee swapped; each row is reduced to a
 * 64-bit fingerprint of those fields, seen from the caller's side, so a pair is consistent when the
 * fingerprints agree.
 */
final class CallPairing {
    private final LongIntMap references = new LongIntMap(1 << 16);
    private byte[] moSeen = new byte[1 << 16];
    private byte[] mtSeen = new byte[1 << 16];
    private long[] moPrint = new long[1 << 16];
    private long[] mtPrint = new long[1 << 16];
    private long moRows;
    private long moOnNet;
    private long mtRows;
    private long mtOnNet;

    void add(EventRecord row, boolean mo) {
        boolean onNet = row.flag(Column.OTHER_PARTY_ON_NET);
        if (mo) {
            moRows++;
            moOnNet += onNet ? 1 : 0;
        } else {
            mtRows++;
            mtOnNet += onNet ? 1 : 0;
        }
        if (!onNet || row.isEmpty(Column.CALL_REFERENCE)) {
            return;
        }
        int id = references.getOrAdd(row.getLong(Column.CALL_REFERENCE));
        if (id >= moSeen.length) {
            int length = moSeen.length * 2;
            moSeen = Arrays.copyOf(moSeen, length);
            mtSeen = Arrays.copyOf(mtSeen, length);
            moPrint = Arrays.copyOf(moPrint, length);
            mtPrint = Arrays.copyOf(mtPrint, length);
        }
        long print = fingerprint(row, mo);
        if (mo) {
            moSeen[id] = (byte) Math.min(2, moSeen[id] + 1);
            moPrint[id] = print;
        } else {
            mtSeen[id] = (byte) Math.min(2, mtSeen[id] + 1);
            mtPrint[id] = print;
        }
    }

    private static long fingerprint(EventRecord row, boolean mo) {
        long caller = EventRecord.numberKey(row.get(mo ? Column.SERVED_MSISDN : Column.OTHER_PARTY_MSISDN));
        long callee = EventRecord.numberKey(row.get(mo ? Column.OTHER_PARTY_MSISDN : Column.SERVED_MSISDN));
        long h = LongIntMap.mix(caller) ^ callee;
        h = LongIntMap.mix(h) + row.get(Column.START_TIME).hashCode();
        h = LongIntMap.mix(h) + row.get(Column.ANSWER_TIME).hashCode();
        h = LongIntMap.mix(h) + row.get(Column.END_TIME).hashCode();
        h = LongIntMap.mix(h) + row.get(Column.DURATION_S).hashCode();
        h = LongIntMap.mix(h) + row.get(Column.CALL_DISPOSITION).hashCode();
        h = LongIntMap.mix(h) + row.get(Column.RELEASE_CAUSE).hashCode();
        h = LongIntMap.mix(h) + row.get(Column.SMS_STATUS).hashCode();
        return LongIntMap.mix(h);
    }

    DropReport.OnNet result() {
        long matched = 0;
        long consistent = 0;
        long moOnly = 0;
        long mtOnly = 0;
        long repeated = 0;
        int n = references.size();
        for (int id = 0; id < n; id++) {
            if (moSeen[id] > 0 && mtSeen[id] > 0) {
                matched++;
                consistent += moPrint[id] == mtPrint[id] ? 1 : 0;
            } else if (moSeen[id] > 0) {
                moOnly++;
            } else {
                mtOnly++;
            }
            repeated += moSeen[id] > 1 || mtSeen[id] > 1 ? 1 : 0;
        }
        return new DropReport.OnNet(moRows, share(moOnNet, moRows), mtRows, share(mtOnNet, mtRows), n, matched,
                share(matched, n), consistent, share(consistent, matched), moOnly, mtOnly, repeated);
    }
}
