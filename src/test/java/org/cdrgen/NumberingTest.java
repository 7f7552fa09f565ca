package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.config.ConfigException;
import org.cdrgen.config.Destination;
import org.cdrgen.config.OtherPartiesProfile;
import org.cdrgen.config.Profile;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.config.ServiceNumber;
import org.cdrgen.testing.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Subscriber identities and other parties as a numbering plan would have them (issue 12, items 4 and 5),
 * on 5,000 subscribers x 7 days of the default profile: no constant step between consecutive subscribers'
 * numbers, MSISDNs only in the mobile ranges, and off-net parties of every kind in their shape and share.
 */
class NumberingTest {
    private static final int SUBSCRIBERS = 5_000;

    @TempDir
    static Path tmp;
    static Profile profile;
    static String cc;
    /** subscribers.csv by subscriber id: IMSI, MSISDN. */
    static final Map<Integer, String[]> identities = new TreeMap<>();
    /** Every off-net VOICE/SMS row: its served MSISDN and other party. */
    static final List<String[]> offNet = new ArrayList<>();
    static final Set<String> activeSubscribers = new HashSet<>();

    /** Every IMSI of subscribers.csv and the (line, holder) it belongs to: never two. */
    private static final Map<String, String> simOwners = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        profile = new ProfileLoader().loadBuiltIn().profile();
        cc = profile.network().countryCode();
        Path drop = tmp.resolve("drop");
        Cli.Result run = Cli.run("--subscribers", Integer.toString(SUBSCRIBERS), "--days", "7", "--seed", "5",
                "--start-date", "2026-03-02", "--quiet", "--output-dir", drop.toString());
        assertEquals(0, run.exit(), run.describe());
        for (CSVRecord s : csv(drop.resolve("subscribers.csv"))) {
            // A line's first version in the drop; its later ones (a new SIM, a new holder) are in simOwners.
            identities.putIfAbsent(Integer.parseInt(s.get("subscriber_id")), new String[] {s.get("served_imsi"), s.get("served_msisdn")});
            String owner = s.get("subscriber_id") + "/" + s.get("holder");
            String before = simOwners.putIfAbsent(s.get("served_imsi"), owner);
            assertTrue(before == null || before.equals(owner), "IMSI " + s.get("served_imsi") + " of " + before + " and " + owner);
        }
        try (Stream<Path> files = Files.walk(drop.resolve("events"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                for (CSVRecord r : csv(file)) {
                    if (r.get("event_type").equals("DATA")) {
                        continue;
                    }
                    activeSubscribers.add(r.get("served_msisdn"));
                    if (r.get("other_party_on_net").equals("false")) {
                        offNet.add(new String[] {r.get("served_msisdn"), r.get("other_party_msisdn")});
                    }
                }
            }
        }
        assertTrue(offNet.size() > 50_000, "enough off-net rows to measure shares: " + offNet.size());
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void consecutiveSubscribersHaveNoConstantStep() {
        Set<Long> msisdnSteps = new HashSet<>();
        Set<Long> msinSteps = new HashSet<>();
        for (int id = 1, pairs = 0; pairs < 999; id++) {
            String[] a = identities.get(id - 1);
            String[] b = identities.get(id);
            if (a == null || b == null) {
                continue; // a line without a holder in the drop's days
            }
            pairs++;
            msisdnSteps.add(Long.parseLong(b[1]) - Long.parseLong(a[1]));
            msinSteps.add(Long.parseLong(b[0].substring(5)) - Long.parseLong(a[0].substring(5)));
        }
        // An affine numbering gives 1 or 2 distinct steps; a keyed permutation gives nearly all different ones.
        assertTrue(msisdnSteps.size() > 990, "distinct MSISDN steps over 999 pairs: " + msisdnSteps.size());
        assertTrue(msinSteps.size() > 990, "distinct MSIN steps over 999 pairs: " + msinSteps.size());
    }

    @Test
    void everyIdentityIsDistinct() {
        // Lines with a holder in the week: most; the rest are in a cool-down after a churn.
        assertTrue(identities.size() > 0.85 * SUBSCRIBERS, "lines listed: " + identities.size());
        assertEquals(identities.size(), identities.values().stream().map(i -> i[1]).distinct().count(), "distinct MSISDNs");
        assertEquals(identities.size(), identities.values().stream().map(i -> i[0]).distinct().count(), "distinct IMSIs");
        assertTrue(simOwners.size() >= identities.size(), "SIMs: " + simOwners.size());
    }

    @Test
    void servedMsisdnsLieInTheMobileRangesOnly() {
        Map<String, Integer> perRange = new TreeMap<>();
        for (String[] identity : identities.values()) {
            String range = mobileRange(identity[1]);
            assertTrue(range != null, "served_msisdn outside the mobile ranges: " + identity[1]);
            perRange.merge(range, 1, Integer::sum);
        }
        // Spread over every range (equal sizes here: each near 1/8 of the subscribers).
        assertEquals(profile.network().nationalNumberPrefixes().size(), perRange.size(), "ranges used: " + perRange);
        double even = (double) SUBSCRIBERS / perRange.size();
        perRange.forEach((range, n) -> assertTrue(Math.abs(n - even) < 0.2 * even, "range " + range + ": " + n));
    }

    @Test
    void offNetMobilesLieInTheMobileRangesAndAreNeverOurs() {
        Set<String> ours = new HashSet<>();
        identities.values().forEach(i -> ours.add(i[1]));
        long mobiles = 0;
        for (String[] row : offNet) {
            String other = row[1];
            assertTrue(!ours.contains(other), "an off-net party is one of our subscribers: " + other);
            // UK 070 (personal numbering) and 076 (paging) are not mobile: nothing is numbered there.
            assertTrue(!other.startsWith(cc + "70") && !other.startsWith(cc + "76"), "non-mobile 07 range: " + other);
            if (kindOf(other).equals("other_mobile")) {
                mobiles++;
            }
        }
        assertTrue(mobiles > 0.3 * offNet.size(), "other operators' mobiles are the largest kind: " + mobiles);
    }

    @Test
    void eachOtherPartyKindHasItsShareAndShape() {
        OtherPartiesProfile parties = profile.otherParties();
        double[] weights = parties.shares().asArray();
        String[] kinds = {"other_mobile", "fixed_line", "international", "short_code", "service", "shared"};
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String[] row : offNet) {
            counts.merge(kindOf(row[1]), 1, Integer::sum);
        }
        assertEquals(null, counts.get("unknown"), "numbers of no kind's shape: " + counts);
        StringBuilder report = new StringBuilder();
        for (int k = 0; k < kinds.length; k++) {
            double expected = weights[k] / total;
            double seen = counts.getOrDefault(kinds[k], 0) / (double) offNet.size();
            report.append(String.format(Locale.ROOT, "%s %.3f (profile %.3f); ", kinds[k], seen, expected));
            // Rows follow tie strength, which is independent of the kind: shares hold within sampling noise.
            assertTrue(Math.abs(seen - expected) < 0.25 * expected + 0.01, kinds[k] + ": " + report);
        }
        System.out.println("other-party kinds in off-net rows: " + report);
    }

    @Test
    void internationalNumbersFollowTheDestinationMix() {
        Map<String, Integer> perCountry = new HashMap<>();
        int international = 0;
        for (String[] row : offNet) {
            Destination d = destinationOf(row[1]);
            if (d != null) {
                perCountry.merge(d.countryCode(), 1, Integer::sum);
                international++;
            }
        }
        double total = profile.otherParties().internationalDestinations().stream().mapToDouble(Destination::share).sum();
        for (Destination d : profile.otherParties().internationalDestinations()) {
            double seen = perCountry.getOrDefault(d.countryCode(), 0) / (double) international;
            double expected = d.share() / total;
            assertTrue(Math.abs(seen - expected) < 0.5 * expected + 0.02,
                    "destination " + d.countryCode() + ": " + seen + " vs " + expected + " of " + international);
        }
    }

    @Test
    void popularSharedNumbersAreCalledByManySubscribers() {
        Map<String, Set<String>> callers = new HashMap<>();
        for (String[] row : offNet) {
            if (kindOf(row[1]).equals("shared")) {
                callers.computeIfAbsent(row[1], n -> new HashSet<>()).add(row[0]);
            }
        }
        int top = callers.values().stream().mapToInt(Set::size).max().orElse(0);
        System.out.println("top shared number: " + top + " distinct callers of " + activeSubscribers.size());
        assertTrue(top >= 0.01 * activeSubscribers.size(),
                "the top shared number has " + top + " distinct subscribers of " + activeSubscribers.size());
        // Heavy-tailed: many pool numbers are called by one subscriber or two, a few by very many.
        long byTenOrMore = callers.values().stream().filter(s -> s.size() >= 10).count();
        assertTrue(byTenOrMore >= 10 && byTenOrMore < callers.size() / 2,
                byTenOrMore + " of " + callers.size() + " shared numbers have 10 or more callers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "network: { national_number_prefixes: [\"7a\"] }|network.national_number_prefixes[0]|1..4 digits",
        "network: { national_number_prefixes: [\"7\", \"71\"] }|network.national_number_prefixes|\"71\"",
        "network: { national_number_prefixes: [] }|network.national_number_prefixes|at least one",
        "network: { national_number_prefixes: [\"7123\"] }|network.national_number_prefixes|200000000",
        "other_parties: { fixed_line_prefixes: [\"7\"] }|other_parties.fixed_line_prefixes|mobile ranges",
        "other_parties: { shared_prefixes: [\"1\"] }|other_parties.shared_prefixes|overlap",
        "other_parties: { shares: { other_mobile: 0, fixed_line: 0, international: 0, short_code: 0, service: 0,"
                + " shared: 0 } }|other_parties.shares|sum to 0",
        "other_parties: { international_destinations: [{ country_code: \"44\", number_length: 10, share: 1 }] }"
                + "|other_parties.international_destinations[0].country_code|home country code",
        "other_parties: { international_destinations: [{ country_code: \"1\", number_length: 20, share: 1 }] }"
                + "|other_parties.international_destinations[0].number_length|4..14",
        "other_parties: { short_code_prefixes: [\"0\"] }|other_parties.short_code_prefixes[0]|not starting with 0",
        "other_parties: { shared_popularity_exponent: 9 }|other_parties.shared_popularity_exponent|0..5",
        "other_parties: { service_numbers: [{ number: \"12\", use: voicemail, share: 1 }] }"
                + "|other_parties.service_numbers[0].number|3..15 digits",
    })
    void badNumberingIsRejectedNamingKeyAndRange(String yaml, String key, String detail) {
        ConfigException e = assertThrows(ConfigException.class, () -> new ProfileLoader().loadYaml(yaml + "\n", "t.yaml"));
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void shippedProfilesListMobileRangesAndOtherParties() {
        Profile sms = new ProfileLoader().loadShipped("sms-era-2010").profile();
        assertEquals(profile.network().nationalNumberPrefixes(), sms.network().nationalNumberPrefixes());
        assertTrue(sms.otherParties().shares().fixedLine() > profile.otherParties().shares().fixedLine(),
                "the 2010 profile calls landlines more");
        assertTrue(profile.otherParties().serviceNumbers().stream().map(ServiceNumber::use).toList().contains("voicemail"));
    }

    // ---- the shapes of each kind, from the profile ----

    /** The mobile range (national prefix) of a number of the home country, or null. */
    private static String mobileRange(String number) {
        if (number.length() != cc.length() + profile.network().nationalNumberLength() || !number.startsWith(cc)) {
            return null;
        }
        for (String prefix : profile.network().nationalNumberPrefixes()) {
            if (number.startsWith(cc + prefix)) {
                return prefix;
            }
        }
        return null;
    }

    private static boolean homeNumberIn(String number, List<String> prefixes, int nationalLength) {
        return number.length() == cc.length() + nationalLength
                && prefixes.stream().anyMatch(p -> number.startsWith(cc + p));
    }

    private static Destination destinationOf(String number) {
        for (Destination d : profile.otherParties().internationalDestinations()) {
            if (number.length() == d.countryCode().length() + d.numberLength() && number.startsWith(d.countryCode())
                    && number.charAt(d.countryCode().length()) != '0') {
                return d;
            }
        }
        return null;
    }

    private static String kindOf(String number) {
        OtherPartiesProfile p = profile.otherParties();
        if (p.serviceNumbers().stream().anyMatch(s -> s.number().equals(number))) {
            return "service";
        }
        if (mobileRange(number) != null) {
            return "other_mobile";
        }
        if (homeNumberIn(number, p.fixedLinePrefixes(), p.fixedLineLength())) {
            return "fixed_line";
        }
        if (homeNumberIn(number, p.sharedPrefixes(), p.fixedLineLength())) {
            return "shared";
        }
        if (number.length() == p.shortCodeDigits() && p.shortCodePrefixes().stream().anyMatch(number::startsWith)) {
            return "short_code";
        }
        return destinationOf(number) != null ? "international" : "unknown";
    }
}
