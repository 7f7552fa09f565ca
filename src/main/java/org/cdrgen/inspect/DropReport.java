package org.cdrgen.inspect;

import java.util.List;
import java.util.Map;

/**
 * What {@code cdrgen stats} reports about a drop. Shares are fractions in 0..1; byte volumes are octets;
 * NaN means "no data" (null in JSON). "Calls" count each call once: MO rows plus MT rows of off-net calls
 * (an on-net call's MT row repeats its MO row).
 */
public record DropReport(
        Overview overview,
        /** Rows per "EVENT_TYPE DIRECTION", e.g. "VOICE MO". */
        Map<String, Long> rows,
        Activity activity,
        /** Per service, the share of its rows starting in each UTC hour 0..23. */
        Map<String, double[]> hourlyShareUtc,
        Voice voice,
        /** Per service (VOICE, SMS): on-net shares and MO/MT pairing. */
        Map<String, OnNet> onNet,
        /** Per kind ("voice_sms": calls and SMS both ways; "voice": calls both ways): distinct other parties. */
        Map<String, Contacts> contacts,
        TopContacts topContacts,
        Cells cells,
        Mobility mobility,
        Data data,
        Roaming roaming,
        Devices devices,
        Graph graph,
        Rhythm rhythm) {

    /**
     * @param populationSource where the subscriber population came from: subscribers.csv, or the distinct
     *        served_imsi of the home PLMN when the drop has no subscribers.csv
     * @param weekendDates dates falling on Saturday or Sunday (the default profile's weekend)
     * @param servedImsisOutsidePopulation served IMSIs with rows that are not in the population
     * @param rowsOffPartitionDate rows whose UTC start date differs from their date= folder (expected only
     *        with a non-UTC profile time zone)
     */
    public record Overview(String directory, int eventFiles, String firstDate, String lastDate, int dates,
            int weekdayDates, int weekendDates, long rows, String homePlmn, String populationSource,
            int subscribers, long subscriberDays, int servedImsisOutsidePopulation, long rowsOutsidePopulation,
            long rowsOffPartitionDate) {
    }

    /** A count and its share of the whole it belongs to. */
    public record Share(long count, double share) {
    }

    /**
     * Per subscriber-day of the population, subscriber-days without events included.
     * @param perSubscriberDay keys voice_mo_attempts, voice_calls_mo_mt (calls made or received, each row once),
     *        sms_mo, data_sessions (distinct charging_id)
     * @param medianLag1Autocorrelation of a subscriber's daily MO calls + SMS (habits: about 0 for
     *        independent days), over subscribers with 5 or more of them; null for fewer than 3 dates
     * @param everyDayShare the share of the population with rows on every date
     */
    public record Activity(Map<String, DayCounts> perSubscriberDay, double zeroVoiceMoShare,
            double zeroVoiceShare, double medianLag1Autocorrelation, double everyDayShare) {
    }

    /** @param all over every subscriber-day; weekday/weekend means over those dates only */
    public record DayCounts(Summary all, double weekdayMean, double weekendMean) {
    }

    /** Answered calls (each call once), durations in seconds; mixes over all call attempts. */
    public record Voice(long calls, long answered, Summary answeredDuration, Summary answeredDurationWeekday,
            Summary answeredDurationWeekend, Map<String, Share> disposition, Map<String, Share> releaseCause) {
    }

    /**
     * @param onNetReferences distinct call_reference values of on-net rows
     * @param matched references seen both as an MO and an MT row
     * @param consistent matched pairs whose times, duration, outcome and numbers agree (caller and callee swap)
     * @param moOnly on-net references with an MO row but no MT row
     * @param mtOnly on-net references with an MT row but no MO row
     * @param repeated references seen more than once in the same direction
     */
    public record OnNet(long moRows, double moOnNetShare, long mtRows, double mtOnNetShare, long onNetReferences,
            long matched, double matchedShare, long consistent, double consistentShare, long moOnly, long mtOnly,
            long repeated) {
    }

    /**
     * @param perSubscriber distinct other_party_msisdn per population subscriber over the whole drop
     * @param perSubscriberDay distinct per subscriber-day, days without contacts included
     * @param activeDayMean mean over subscriber-days with at least one contact
     */
    public record Contacts(Summary perSubscriber, Summary perSubscriberDay, double activeDayMean) {
    }

    /**
     * Tie strength over MO voice call attempts: for each subscriber with one, the share of its attempts
     * to its most called number and to its 3 most called numbers, averaged over those subscribers.
     */
    public record TopContacts(int subscribers, double topContactShare, double top3ContactShare) {
    }

    /**
     * Over rows in the home network (roaming false) with a cell_id, every event type.
     * @param topCellShare mean over subscribers of the share of their rows at their most frequent cell
     */
    public record Cells(int subscribers, Summary distinctCellsPerSubscriber, double topCellShare,
            double top2CellShare) {
    }

    /**
     * Home-network rows placed by cells.csv (all null / 0 when the drop has no cells.csv).
     * @param radiusOfGyrationKm per subscriber, over all their placed rows
     * @param followedSubscribers the subscribers whose rows are followed in time order (the first 20,000)
     * @param siteChanges consecutive rows of a followed subscriber at two different sites
     * @param fastChangeShare of those, the share implying more than 300 km/h
     * @param subscribersWithFastChange followed subscribers with at least one such change
     */
    public record Mobility(Summary radiusOfGyrationKm, double radiusP99OverMedian, int followedSubscribers,
            long siteChanges, double fastChangeShare, double subscribersWithFastChange, int days,
            double distinctSitesFirstWeek, double distinctSitesAllDays, double distinctSitesGrowthExponent) {
    }

    /**
     * DATA. A session is the records of one (served_imsi, charging_id); its volume is downlink plus uplink
     * summed over its partial records.
     * @param medianSessionDownlinkUplinkRatio median of downlink/uplink over sessions with uplink above 0
     */
    public record Data(long records, long sessions, Summary sessionBytes, Summary bytesPerSubscriberDay,
            Summary recordsPerSession, long downlinkBytes, long uplinkBytes, double downlinkUplinkRatio,
            double medianSessionDownlinkUplinkRatio, double partialRecordShare, Map<String, Share> causeForTerm,
            Map<String, Share> apn) {
    }

    /**
     * @param rowsWithCellId roaming rows that nevertheless carry a cell_id (cells.csv lists home cells only)
     */
    public record Roaming(long rows, double rowShare, Map<String, Double> rowShareByService, int subscribers,
            double subscriberShare, Map<String, Share> visitedPlmn, long rowsWithCellId) {
    }

    /** @param subscribersWithSwap population subscribers whose rows show more than one served_imei */
    /**
     * The on-net call graph (VOICE MO rows to on-net numbers, any outcome; links undirected for all but
     * reciprocity), over the active subscribers: numbers of the population serving rows.
     * @param sampled whether the drop met more numbers than {@code nodeLimit}: the figures are then those of
     *        the first {@code nodeLimit} numbers met (served or called) and the links between them
     * @param largestComponentShare of the active subscribers, in the largest connected component
     * @param averageClustering mean local clustering over active subscribers with 2 or more partners
     * @param transitivity closed triples / connected triples
     * @param overlapByStrengthQuartile mean neighbourhood overlap of the links in each quartile of strength
     *        (calls both ways), weakest first
     * @param partnersFirst7Days mean distinct partners in the first 7 dates (null for 7 dates or fewer), over
     *        the active subscribers with a partner in the drop
     * @param partnersWholeDrop the same over all dates
     * @param reciprocity share of directed links (A called B) whose reverse is there too (B called A)
     */
    public record Graph(int activeSubscribers, boolean sampled, int nodeLimit, long links,
            double largestComponentShare, double averageClustering, double transitivity,
            double[] overlapByStrengthQuartile, double partnersFirst7Days, double partnersWholeDrop,
            double reciprocity) {
    }

    /**
     * Who calls whom with a rhythm: VOICE MO attempts (any outcome) of the first 20,000 subscribers of the
     * population, per (caller, number) pair.
     * @param callers population subscribers with VOICE MO attempts on 4 or more dates
     * @param dailyTieShare of the callers, those who called one number on at least 75% of the dates they have
     *        rows on
     * @param weeklyTieShare of the callers, those with a weekly tie: a number called in 3 or more distinct
     *        weeks (Monday to Sunday), with 3 or more of its dates, and at least half of them, on one weekday
     * @param multiWeekPairs (caller, number) pairs of the callers called in 3 or more distinct weeks
     * @param weeklyPairShare of those pairs, the weekly ties
     */
    public record Rhythm(int callers, double dailyTieShare, double weeklyTieShare, long multiWeekPairs,
            double weeklyPairShare) {
    }

    public record Devices(int subscribersWithSwap, double swapShare, int maxImeisPerSubscriber) {
    }

    static final List<String> SERVICES = List.of("VOICE", "SMS", "DATA");
}
