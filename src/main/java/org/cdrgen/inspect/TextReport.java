package org.cdrgen.inspect;

import java.util.Locale;
import java.util.Map;

/** The report as aligned, readable text sections. */
public final class TextReport {
    private static final String SUMMARY_HEADER = String.format(Locale.ROOT, "%12s %10s %10s %10s %10s %10s %12s",
            "n", "mean", "p10", "median", "p90", "p99", "max");
    private static final int LABEL = 38;
    private static final Map<String, String> ACTIVITY_LABELS = Map.of("voice_mo_attempts", "VOICE MO attempts",
            "voice_calls_mo_mt", "VOICE calls MO+MT", "sms_mo", "SMS MO",
            "data_sessions", "DATA sessions (charging_id)");
    private final StringBuilder out = new StringBuilder();

    private TextReport() {
    }

    public static String render(DropReport report) {
        TextReport text = new TextReport();
        text.overview(report.overview());
        text.rows(report);
        text.activity(report.activity());
        text.hourly(report.hourlyShareUtc());
        text.voice(report.voice());
        text.onNet(report.onNet());
        text.contacts(report.contacts(), report.topContacts());
        text.cells(report.cells());
        text.mobility(report.mobility());
        text.data(report.data());
        text.roaming(report.roaming());
        text.devices(report.devices());
        text.graph(report.graph());
        text.rhythm(report.rhythm());
        return text.out.toString();
    }

    private void overview(DropReport.Overview o) {
        line("cdrgen stats: " + o.directory());
        pair("event files", count(o.eventFiles()));
        pair("dates", o.firstDate() + " .. " + o.lastDate() + " (" + o.dates() + ": " + o.weekdayDates()
                + " weekdays, " + o.weekendDates() + " weekend days)");
        pair("rows", count(o.rows()));
        pair("home PLMN", o.homePlmn().isEmpty() ? "-" : o.homePlmn());
        pair("population", count(o.subscribers()) + " subscribers (" + o.populationSource() + "), "
                + count(o.subscriberDays()) + " subscriber-days");
        pair("outside the population", count(o.servedImsisOutsidePopulation()) + " served IMSIs, "
                + count(o.rowsOutsidePopulation()) + " rows");
        pair("rows off their date= folder", count(o.rowsOffPartitionDate()) + " (UTC start date differs)");
    }

    private void rows(DropReport report) {
        section("Rows by event type and direction");
        long total = report.overview().rows();
        report.rows().forEach((label, n) -> pair(label, String.format(Locale.ROOT, "%12s %8s", count(n),
                percent(Fractions.share(n, total)))));
    }

    private void activity(DropReport.Activity a) {
        section("Per subscriber-day (population, idle days included)");
        line(pad("", LABEL) + SUMMARY_HEADER + String.format(Locale.ROOT, " %10s %10s", "weekday", "weekend"));
        a.perSubscriberDay().forEach((metric, counts) -> line(pad("  " + ACTIVITY_LABELS.getOrDefault(metric, metric),
                LABEL) + summary(counts.all(), 1) + String.format(Locale.ROOT, " %10s %10s",
                number(counts.weekdayMean()), number(counts.weekendMean()))));
        pair("days without a VOICE MO attempt", percent(a.zeroVoiceMoShare()));
        pair("days without any call (MO or MT)", percent(a.zeroVoiceShare()));
        pair("lag-1 autocorrelation", (Double.isFinite(a.medianLag1Autocorrelation())
                ? String.format(Locale.ROOT, "%.3f", a.medianLag1Autocorrelation()) : "-")
                + " (median over subscribers, daily MO calls + SMS)");
        pair("rows on every date", percent(a.everyDayShare()) + " of the population");
    }

    private void hourly(Map<String, double[]> hourly) {
        section("Hourly profile: share of rows by UTC hour of start_time (activity follows the profile's local time)");
        StringBuilder header = new StringBuilder("  hour");
        hourly.keySet().forEach(service -> header.append(String.format(Locale.ROOT, " %8s", service)));
        line(header.toString());
        for (int h = 0; h < 24; h++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %02d  ", h));
            for (double[] shares : hourly.values()) {
                row.append(String.format(Locale.ROOT, " %8s", percent(shares[h])));
            }
            line(row.toString());
        }
    }

    private void voice(DropReport.Voice v) {
        section("Voice calls (each call once: MO rows and off-net MT rows)");
        pair("calls", count(v.calls()) + ", answered " + count(v.answered()) + " ("
                + percent(Fractions.share(v.answered(), v.calls())) + ")");
        line(pad("  answered duration (s)", LABEL) + SUMMARY_HEADER);
        summaryLine("    all", v.answeredDuration(), 1);
        summaryLine("    weekday", v.answeredDurationWeekday(), 1);
        summaryLine("    weekend", v.answeredDurationWeekend(), 1);
        mix("call_disposition", v.disposition());
        mix("release_cause (Q.850)", v.releaseCause());
    }

    private void onNet(Map<String, DropReport.OnNet> onNet) {
        section("On-net calls and SMS (MO and MT rows paired by call_reference)");
        line(String.format(Locale.ROOT, "  %-6s %11s %8s %11s %8s %11s %9s %11s %8s %8s %8s", "", "MO rows",
                "on-net", "MT rows", "on-net", "on-net refs", "matched", "consistent", "MO only", "MT only",
                "repeated"));
        onNet.forEach((service, o) -> line(String.format(Locale.ROOT,
                "  %-6s %11s %8s %11s %8s %11s %9s %11s %8s %8s %8s", service, count(o.moRows()),
                percent(o.moOnNetShare()), count(o.mtRows()), percent(o.mtOnNetShare()), count(o.onNetReferences()),
                percent(o.matchedShare()), percent(o.consistentShare()), count(o.moOnly()), count(o.mtOnly()),
                count(o.repeated()))));
        line("  matched: share of on-net references with both an MO and an MT row; consistent: share of matched"
                + " pairs with equal times, duration, outcome and numbers");
    }

    private void contacts(Map<String, DropReport.Contacts> contacts, DropReport.TopContacts top) {
        section("Contacts: distinct other_party_msisdn (MO and MT rows)");
        line(pad("", LABEL) + SUMMARY_HEADER + String.format(Locale.ROOT, " %10s", "active-day"));
        contacts.forEach((kind, c) -> {
            String label = kind.equals("voice_sms") ? "VOICE+SMS" : "VOICE";
            summaryLine("  " + label + " per subscriber", c.perSubscriber(), 1);
            line(pad("  " + label + " per subscriber-day", LABEL) + summary(c.perSubscriberDay(), 1)
                    + String.format(Locale.ROOT, " %10s", number(c.activeDayMean())));
        });
        pair("top contact share of MO attempts", percent(top.topContactShare()) + " (top 3: "
                + percent(top.top3ContactShare()) + "; mean over " + count(top.subscribers()) + " callers)");
    }

    private void cells(DropReport.Cells c) {
        section("Cells (home-network rows with a cell_id, all event types)");
        line(pad("", LABEL) + SUMMARY_HEADER);
        summaryLine("  distinct cells per subscriber", c.distinctCellsPerSubscriber(), 1);
        pair("rows at the top cell", percent(c.topCellShare()) + " (top 2 cells: " + percent(c.top2CellShare())
                + "; mean over " + count(c.subscribers()) + " subscribers)");
    }

    private void mobility(DropReport.Mobility m) {
        section("Mobility (home-network rows placed by cells.csv)");
        line(pad("", LABEL) + SUMMARY_HEADER);
        summaryLine("  radius of gyration (km)", m.radiusOfGyrationKm(), 1);
        pair("radius p99 / median", Double.isFinite(m.radiusP99OverMedian())
                ? String.format(Locale.ROOT, "%.1f", m.radiusP99OverMedian()) : "-");
        pair("site changes", count(m.siteChanges()) + " between consecutive rows of " + count(m.followedSubscribers())
                + " followed subscribers; " + percent(m.fastChangeShare()) + " imply more than 300 km/h ("
                + percent(m.subscribersWithFastChange()) + " of them have one)");
        if (Double.isFinite(m.distinctSitesGrowthExponent())) {
            pair("distinct sites", String.format(Locale.ROOT, "%.1f in the first 7 days, %.1f in all %d (mean per"
                    + " followed subscriber): grow as t^%.2f", m.distinctSitesFirstWeek(), m.distinctSitesAllDays(),
                    m.days(), m.distinctSitesGrowthExponent()));
        }
    }

    private void data(DropReport.Data d) {
        section("Data (session = records of one served_imsi and charging_id)");
        pair("records", count(d.records()) + ", sessions " + count(d.sessions()) + ", partial records (seq > 1) "
                + percent(d.partialRecordShare()));
        line(pad("", LABEL) + SUMMARY_HEADER);
        summaryLine("  records per session", d.recordsPerSession(), 1);
        summaryLine("  volume per session (MB)", d.sessionBytes(), 1e6);
        summaryLine("  volume per subscriber-day (MB)", d.bytesPerSubscriberDay(), 1e6);
        pair("downlink / uplink", number(d.downlinkUplinkRatio()) + " overall, median per session "
                + number(d.medianSessionDownlinkUplinkRatio()));
        mix("cause_for_term (causeForRecClosing)", d.causeForTerm());
        mix("apn", d.apn());
    }

    private void roaming(DropReport.Roaming r) {
        section("Roaming");
        StringBuilder byService = new StringBuilder();
        r.rowShareByService().forEach((service, share) -> byService.append(", ").append(service).append(' ')
                .append(percent(share)));
        pair("roaming rows", count(r.rows()) + " (" + percent(r.rowShare()) + byService + ")");
        pair("subscribers who roamed", count(r.subscribers()) + " (" + percent(r.subscriberShare()) + ")");
        pair("roaming rows with a cell_id", count(r.rowsWithCellId()));
        mix("visited_plmn", r.visitedPlmn());
    }

    private void devices(DropReport.Devices d) {
        section("Devices");
        pair("subscribers with an IMEI change", count(d.subscribersWithSwap()) + " (" + percent(d.swapShare())
                + "), at most " + count(d.maxImeisPerSubscriber()) + " IMEIs per subscriber");
    }

    private void graph(DropReport.Graph g) {
        section("On-net call graph (VOICE MO to on-net numbers; links between active subscribers)");
        if (g.sampled()) {
            pair("sample", "the first " + count(g.nodeLimit()) + " numbers met (served or called) and their links");
        }
        pair("active subscribers", count(g.activeSubscribers()) + ", links " + count(g.links()));
        pair("largest component", percent(g.largestComponentShare()) + " of active subscribers");
        pair("average clustering", number3(g.averageClustering()) + " (subscribers with 2+ partners; transitivity "
                + number3(g.transitivity()) + ")");
        double[] o = g.overlapByStrengthQuartile();
        pair("overlap by tie-strength quartile", number3(o[0]) + " " + number3(o[1]) + " " + number3(o[2]) + " "
                + number3(o[3]) + " (weakest to strongest; strongest / weakest "
                + number(o[3] / o[0]) + ")");
        pair("distinct partners", "first 7 days " + number(g.partnersFirst7Days()) + ", whole drop "
                + number(g.partnersWholeDrop()) + " (ratio " + number(g.partnersWholeDrop() / g.partnersFirst7Days())
                + ")");
        pair("reciprocity", percent(g.reciprocity()) + " of directed links (A called B) also go back");
    }

    private void rhythm(DropReport.Rhythm r) {
        section("Call rhythm (VOICE MO attempts of the first 20,000 subscribers, to each number)");
        pair("callers", count(r.callers()) + " (VOICE MO attempts on 4+ dates)");
        pair("daily ties", percent(r.dailyTieShare()) + " of callers call one number on 75%+ of their dates with rows");
        pair("weekly ties", percent(r.weeklyTieShare()) + " of callers call one number in 3+ weeks, mostly on one"
                + " weekday (" + percent(r.weeklyPairShare()) + " of " + count(r.multiWeekPairs())
                + " pairs called in 3+ weeks)");
    }

    private static String number3(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private void mix(String title, Map<String, DropReport.Share> shares) {
        line("  " + title);
        shares.forEach((value, share) -> line(String.format(Locale.ROOT, "    %-30s %12s %8s", value,
                count(share.count()), percent(share.share()))));
    }

    private void summaryLine(String label, Summary s, double unit) {
        line(pad(label, LABEL) + summary(s, unit));
    }

    private static String summary(Summary s, double unit) {
        return String.format(Locale.ROOT, "%12s %10s %10s %10s %10s %10s %12s", count(s.n()), number(s.mean() / unit),
                number(s.p10() / unit), number(s.median() / unit), number(s.p90() / unit), number(s.p99() / unit),
                number(s.max() / unit));
    }

    private void section(String title) {
        out.append(System.lineSeparator());
        line(title);
    }

    private void pair(String label, String value) {
        line(pad("  " + label, LABEL) + value);
    }

    private void line(String text) {
        out.append(text.stripTrailing()).append(System.lineSeparator());
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Whole numbers without decimals, others with 2 (1 from 100 up); NaN ("no data") as "-". */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.2f", v);
    }

    static String percent(double share) {
        if (Double.isNaN(share)) {
            return "-";
        }
        return String.format(Locale.ROOT, share != 0 && Math.abs(share) < 0.01 ? "%.2f%%" : "%.1f%%", share * 100);
    }
}
