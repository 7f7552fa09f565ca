package org.cdrgen.inspect;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cdrgen.inspect.EventRecord.Column;

/**
 * VOICE and SMS rows: call outcomes and durations, on-net pairing, and who talks to whom (distinct contacts
 * over the drop and per day, tie strength). A call counts once: its MO row, or the MT row of an off-net
 * call, because an on-net call's MT row repeats the caller's MO row.
 */
final class CallStatistics {
    private final SubscriberDayGrid grid;
    private final DoubleList weekdayDurations = new DoubleList();
    private final DoubleList weekendDurations = new DoubleList();
    private final Tally disposition = new Tally();
    private final Tally releaseCause = new Tally();
    private final CallPairing voicePairing = new CallPairing();
    private final CallPairing smsPairing = new CallPairing();
    private final PairCounter contactsVoiceSms = new PairCounter(1 << 16);
    private final PairCounter contactsVoice = new PairCounter(1 << 16);
    private final PairCounter dayContactsVoiceSms = new PairCounter(1 << 14);
    private final PairCounter dayContactsVoice = new PairCounter(1 << 14);
    private final PairCounter moCallTies = new PairCounter(1 << 16);
    private long calls;
    private int currentDay = -1;

    CallStatistics(SubscriberDayGrid grid) {
        this.grid = grid;
    }

    /** Ends the previous day: per-day distinct contacts are counted with one small set that is then reused. */
    void beginDay(int day) {
        endDay();
        currentDay = day;
    }

    void endDay() {
        if (currentDay < 0) {
            return;
        }
        int day = currentDay;
        // slot() may grow the grid, so it must run before the array field is read.
        dayContactsVoiceSms.forEach((sub, key, count) -> {
            int slot = grid.slot(sub, day);
            grid.contactsVoiceSms[slot]++;
        });
        dayContactsVoice.forEach((sub, key, count) -> {
            int slot = grid.slot(sub, day);
            grid.contactsVoice[slot]++;
        });
        dayContactsVoiceSms.clear();
        dayContactsVoice.clear();
        currentDay = -1;
    }

    void voice(EventRecord row, int sub, boolean mo, boolean weekend) {
        voicePairing.add(row, mo);
        long other = contact(row, sub);
        if (other != Long.MIN_VALUE) {
            contactsVoice.add(sub, other);
            dayContactsVoice.add(sub, other);
            if (mo) {
                moCallTies.add(sub, other);
            }
        }
        if (!mo && row.flag(Column.OTHER_PARTY_ON_NET)) {
            return; // the caller's MO row already counted this call
        }
        calls++;
        String outcome = row.get(Column.CALL_DISPOSITION);
        disposition.add(outcome);
        releaseCause.add(row.get(Column.RELEASE_CAUSE));
        if ("ANSWERED".equals(outcome)) {
            (weekend ? weekendDurations : weekdayDurations).add(row.getLong(Column.DURATION_S));
        }
    }

    void sms(EventRecord row, int sub, boolean mo) {
        smsPairing.add(row, mo);
        contact(row, sub);
    }

    /** Records the other party as a contact of both kinds; returns its key, or Long.MIN_VALUE if empty. */
    private long contact(EventRecord row, int sub) {
        String number = row.get(Column.OTHER_PARTY_MSISDN);
        if (number.isEmpty()) {
            return Long.MIN_VALUE;
        }
        long key = EventRecord.numberKey(number);
        contactsVoiceSms.add(sub, key);
        dayContactsVoiceSms.add(sub, key);
        return key;
    }

    DropReport.Voice voiceResult() {
        long answered = weekdayDurations.size() + weekendDurations.size();
        double[] all = new double[(int) answered];
        for (int i = 0; i < weekdayDurations.size(); i++) {
            all[i] = weekdayDurations.get(i);
        }
        for (int i = 0; i < weekendDurations.size(); i++) {
            all[weekdayDurations.size() + i] = weekendDurations.get(i);
        }
        return new DropReport.Voice(calls, answered, Summary.ofSorting(all, all.length),
                weekdayDurations.summarize(), weekendDurations.summarize(), disposition.shares(),
                releaseCause.shares());
    }

    Map<String, DropReport.OnNet> onNetResult() {
        Map<String, DropReport.OnNet> out = new LinkedHashMap<>();
        out.put("VOICE", voicePairing.result());
        out.put("SMS", smsPairing.result());
        return out;
    }

    /** Distinct contacts per subscriber (whole drop) and per subscriber-day, for the population. */
    Map<String, DropReport.Contacts> contactsResult(Population population) {
        endDay();
        Map<String, DropReport.Contacts> out = new LinkedHashMap<>();
        out.put("voice_sms", contacts(contactsVoiceSms, grid.contactsVoiceSms, population));
        out.put("voice", contacts(contactsVoice, grid.contactsVoice, population));
        return out;
    }

    private DropReport.Contacts contacts(PairCounter pairs, int[] perDay, Population population) {
        int[] distinct = new int[population.members.length];
        pairs.forEach((sub, key, count) -> {
            if (sub < distinct.length) {
                distinct[sub]++;
            }
        });
        double[] perSubscriber = population.perMember(distinct);
        double[] days = grid.values(perDay, population.members, population.size, population.allDays);
        DoubleList active = new DoubleList();
        for (double v : days) {
            if (v > 0) {
                active.add(v);
            }
        }
        double activeMean = active.size() == 0 ? Double.NaN : active.sum() / active.size();
        return new DropReport.Contacts(Summary.ofSorting(perSubscriber, perSubscriber.length),
                Summary.ofSorting(days, days.length), activeMean);
    }

    /** Tie strength: the share of each caller's MO attempts to its top 1 and top 3 numbers, averaged. */
    DropReport.TopContacts topContactsResult(Population population) {
        int n = population.members.length;
        int[] total = new int[n];
        int[] top = new int[n * 3];
        moCallTies.forEach((sub, key, count) -> {
            if (sub >= n) {
                return;
            }
            total[sub] += count;
            TopCounts.insert(top, sub * 3, 3, count);
        });
        int callers = 0;
        double sumTop1 = 0;
        double sumTop3 = 0;
        for (int s = 0; s < n; s++) {
            if (population.members[s] && total[s] > 0) {
                callers++;
                sumTop1 += (double) top[s * 3] / total[s];
                sumTop3 += (double) (top[s * 3] + top[s * 3 + 1] + top[s * 3 + 2]) / total[s];
            }
        }
        return new DropReport.TopContacts(callers, Fractions.share(sumTop1, callers),
                Fractions.share(sumTop3, callers));
    }
}
