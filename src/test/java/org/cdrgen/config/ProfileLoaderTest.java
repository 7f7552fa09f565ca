package org.cdrgen.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cdrgen.model.RatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading profiles: the built-in default, user files laid over it, and one-line errors naming the key. */
class ProfileLoaderTest {
    @TempDir
    Path tmp;

    private final ProfileLoader loader = new ProfileLoader();

    private ProfileLoader.Loaded load(String yaml) throws IOException {
        Path file = tmp.resolve("profile.yaml");
        Files.writeString(file, yaml);
        return loader.load(file);
    }

    @Test
    void builtInProfileLoads() {
        ProfileLoader.Loaded loaded = loader.loadBuiltIn();
        Profile p = loaded.profile();
        assertEquals("default-2025", p.profileName());
        assertEquals("234", p.network().mcc());
        assertEquals("15", p.network().mnc());
        assertEquals("44", p.network().countryCode());
        assertEquals("UTC", p.network().timeZone());
        assertEquals(2.6, p.voice().moCallsPerDay());
        assertEquals(1.35, p.voice().durationSigma());
        assertEquals(24, p.voice().hourlyWeekday().length);
        assertEquals(30, p.population().devices().size());
        assertEquals(new RhythmProfile(0.45, 0.8, 0.35, 0.85, 0.7), p.contacts().rhythm());
        assertEquals(RatType.NR, p.population().devices().get(0).bestRat());
        assertEquals(List.of("internet", "ims", "mms"), p.data().apns().stream().map(DataProfile.Apn::name).toList());
        assertTrue(loaded.sha256().matches("[0-9a-f]{64}"), loaded.sha256());
        assertEquals(loaded.sha256(), loader.loadBuiltIn().sha256(), "the checksum is stable");
    }

    @Test
    void userFileOverridesOnlyItsOwnKeys() throws IOException {
        Profile base = loader.loadBuiltIn().profile();
        ProfileLoader.Loaded loaded = load("voice:\n  mo_calls_per_day: 3.5\n  outcomes:\n    busy: 0.2\n"
                + "network:\n  time_zone: Europe/London\n");
        Profile p = loaded.profile();
        assertEquals(3.5, p.voice().moCallsPerDay());
        assertEquals(new VoiceProfile.Outcomes(0.70, 0.2, 0.17, 0.07), p.voice().outcomes(),
                "nested mappings merge key by key");
        assertEquals("Europe/London", p.network().timeZone());
        // Everything else is the built-in value.
        assertEquals(base.voice().mtOffNetCallsPerDay(), p.voice().mtOffNetCallsPerDay());
        assertEquals(base.voice().durationMedianS(), p.voice().durationMedianS());
        assertEquals(base.voice().durationSigma(), p.voice().durationSigma());
        assertEquals(base.voice().ratWeights(), p.voice().ratWeights());
        assertArrayEquals(base.voice().hourlyWeekday(), p.voice().hourlyWeekday());
        assertEquals(base.network().mcc(), p.network().mcc());
        assertEquals(base.network().layerShare(), p.network().layerShare());
        assertEquals(base.population(), p.population());
        assertEquals(base.contacts(), p.contacts());
        assertEquals(base.mobility(), p.mobility());
        assertEquals(base.sms().moPerDay(), p.sms().moPerDay());
        assertArrayEquals(base.sms().segments(), p.sms().segments());
        assertEquals(base.data().apns(), p.data().apns());
        assertEquals(base.calendar().specialDays(), p.calendar().specialDays());
        assertEquals(base.profileName(), p.profileName());
        assertNotEquals(loader.loadBuiltIn().sha256(), loaded.sha256(), "the checksum covers the effective profile");
        assertTrue(loaded.source().endsWith("profile.yaml"), loaded.source());
    }

    @Test
    void listsAreReplacedNotMerged() throws IOException {
        Profile p = load("data:\n  apns:\n    - { name: internet, share: 1, volume_factor: 1, min_rat: GERAN }\n").profile();
        assertEquals(List.of(new DataProfile.Apn("internet", 1, 1, org.cdrgen.model.RatType.GERAN)), p.data().apns());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                // network
                Arguments.of("network:\n  mcc: \"23\"\n", List.of("network.mcc", "3 digits")),
                Arguments.of("network:\n  mnc: \"1\"\n", List.of("network.mnc", "2..3 digits")),
                Arguments.of("network:\n  national_number_length: 20\n",
                        List.of("network.national_number_length", "6..13")),
                Arguments.of("network:\n  time_zone: Mars/Olympus\n", List.of("network.time_zone", "Mars/Olympus")),
                Arguments.of("country:\n  origin_latitude: 85\n", List.of("country.origin_latitude", "-80..80")),
                Arguments.of("network:\n  site_density_exponent: 1.5\n", List.of("network.site_density_exponent", "0..1")),
                Arguments.of("mobility:\n  exploration:\n    return_exponent: -1\n", List.of("mobility.exploration.return_exponent", "0..5")),
                Arguments.of("network:\n  layer_share:\n    nr: 1.5\n", List.of("network.layer_share.nr", "0..1")),
                Arguments.of("network:\n  layer_share: { geran: 0.5, utran: 0.5, eutran: 0.5, nr: 0.5 }\n",
                        List.of("network.layer_share", "every site")),
                // population
                Arguments.of("population:\n  prepaid_share: 1.5\n", List.of("population.prepaid_share", "0..1")),
                Arguments.of("population:\n  activity_sigma: -1\n", List.of("population.activity_sigma", "0..3")),
                Arguments.of("population:\n  base_complete_date: 2026-13-01\n",
                        List.of("population.base_complete_date", "YYYY-MM-DD", "1985-01-01")),
                Arguments.of("population:\n  base_complete_date: 1970-01-01\n",
                        List.of("population.base_complete_date", "1985-01-01 to 2200-12-31")),
                Arguments.of("population:\n  lifecycle:\n    prepaid_churn_per_year: 13\n",
                        List.of("population.lifecycle.prepaid_churn_per_year", "0..12")),
                Arguments.of("population:\n  lifecycle:\n    postpaid_churn_per_year: -0.1\n",
                        List.of("population.lifecycle.postpaid_churn_per_year", "0..12")),
                Arguments.of("population:\n  lifecycle:\n    msisdn_quarantine_days: 0\n",
                        List.of("population.lifecycle.msisdn_quarantine_days", "1..3650")),
                Arguments.of("population:\n  lifecycle:\n    old_contact_fade_days: 0\n",
                        List.of("population.lifecycle.old_contact_fade_days", "0.1..3650")),
                Arguments.of("population:\n  lifecycle:\n    churn_per_year: 0.1\n",
                        List.of("population.lifecycle.churn_per_year")),
                Arguments.of("population:\n  devices: []\n", List.of("population.devices", "at least one")),
                Arguments.of("habits:\n  mood_persistence: 1\n", List.of("habits.mood_persistence", "0..0.99")),
                Arguments.of("mobility:\n  visited_plmns:\n    - { plmn: \"208-01\", share: 1, time_zone: Mars/Olympus }\n",
                        List.of("mobility.visited_plmns[0].time_zone", "Mars/Olympus", "IANA")),
                Arguments.of("data:\n  peak_throughput_mbps: { geran: 0, utran: 42, eutran: 60, nr: 300 }\n",
                        List.of("data.peak_throughput_mbps.geran", "0.01..100000")),
                Arguments.of("population:\n  devices:\n    - { tac: \"1234\", tac_count: 1, model: x, best_rat: NR, share: 1 }\n",
                        List.of("population.devices[0].tac", "8 digits")),
                Arguments.of("population:\n  devices:\n    - { tac: \"12345678\", tac_count: 1, model: x, best_rat: LTE, share: 1 }\n",
                        List.of("population.devices[0].best_rat", "LTE")),
                Arguments.of("population:\n  devices:\n    - { tac: \"12345678\", tac_count: 0, model: x, best_rat: NR, share: 1 }\n",
                        List.of("population.devices[0].tac_count", "1..10000")),
                Arguments.of("population:\n  devices:\n    - { tac: \"99999999\", tac_count: 2, model: x, best_rat: NR, share: 1 }\n",
                        List.of("population.devices[0].tac_count", "1..1")),
                Arguments.of("population:\n  devices:\n    - { tac: \"12345678\", tac_count: 5, model: x, best_rat: NR, share: 1 }\n"
                        + "    - { tac: \"12345680\", tac_count: 1, model: y, best_rat: NR, share: 1 }\n",
                        List.of("population.devices[1]", "12345680..12345680", "population.devices[0]", "12345678..12345682")),
                // contacts
                Arguments.of("contacts:\n  circle_size_max: 3\n", List.of("contacts.circle_size_max", "4..1000")),
                Arguments.of("contacts:\n  workplace_size_exponent: 1\n", List.of("contacts.workplace_size_exponent", "1.1..5")),
                Arguments.of("contacts:\n  weak_ties: 17\n", List.of("contacts.weak_ties", "0..16")),
                Arguments.of("contacts:\n  tie_active_share: 0\n", List.of("contacts.tie_active_share", "0.05..1")),
                Arguments.of("contacts:\n  on_net_share: 2\n", List.of("contacts.on_net_share", "0..1")),
                Arguments.of("contacts:\n  rhythm:\n    partner_share: 1.5\n", List.of("contacts.rhythm.partner_share", "0..1")),
                Arguments.of("contacts:\n  rhythm:\n    partner_daily_probability: -0.1\n",
                        List.of("contacts.rhythm.partner_daily_probability", "0..1")),
                Arguments.of("contacts:\n  rhythm:\n    parent_share: 2\n", List.of("contacts.rhythm.parent_share", "0..1")),
                Arguments.of("contacts:\n  rhythm:\n    parent_weekly_probability: 1.01\n",
                        List.of("contacts.rhythm.parent_weekly_probability", "0..1")),
                Arguments.of("contacts:\n  rhythm:\n    max_call_share: -1\n", List.of("contacts.rhythm.max_call_share", "0..1")),
                Arguments.of("contacts:\n  rhythm:\n    sister_share: 0.1\n", List.of("unknown key 'contacts.rhythm.sister_share'")),
                // voice
                Arguments.of("voice:\n  duration_sigma: 9\n", List.of("voice.duration_sigma", "0.01..4")),
                Arguments.of("voice:\n  burst_probability: 0.99\n", List.of("voice.burst_probability", "0..0.95")),
                Arguments.of("voice:\n  outcomes: { answered: 0, busy: 0, no_answer: 0, failed: 0 }\n",
                        List.of("voice.outcomes", "sum to 0")),
                Arguments.of("voice:\n  hourly_weekday: [1, 2, 3]\n", List.of("voice.hourly_weekday", "24")),
                Arguments.of("voice:\n  mo_calls_per_day: lots\n", List.of("voice.mo_calls_per_day", "number")),
                Arguments.of("voice:\n  busy_typo: 1\n", List.of("unknown key 'voice.busy_typo'")),
                // sms
                Arguments.of("sms:\n  segments: []\n", List.of("sms.segments", "1..16")),
                Arguments.of("sms:\n  delivery_delay_sigma: 5\n", List.of("sms.delivery_delay_sigma", "0..4")),
                // data
                Arguments.of("data:\n  partial_record_time_limit_s: 10\n",
                        List.of("data.partial_record_time_limit_s", "60..86400")),
                Arguments.of("data:\n  volume_sigma: 0\n", List.of("data.volume_sigma", "0.01..4")),
                Arguments.of("data:\n  apns:\n    - { name: \"a,b\", share: 1, volume_factor: 1, min_rat: GERAN }\n", List.of("data.apns[0].name")),
                // mobility
                Arguments.of("mobility:\n  work_end_hour: 5\n", List.of("mobility.work_end_hour", "10..24")),
                Arguments.of("mobility:\n  visited_plmns:\n    - { plmn: \"234-10\", share: 1, time_zone: Europe/London }\n",
                        List.of("mobility.visited_plmns[0].plmn", "home")),
                Arguments.of("mobility:\n  visited_plmns:\n    - { plmn: \"20801\", share: 1, time_zone: Europe/Paris }\n",
                        List.of("mobility.visited_plmns[0].plmn", "MCC-MNC")),
                // calendar
                Arguments.of("calendar:\n  month_activity: [1, 1, 1]\n", List.of("calendar.month_activity", "12")),
                Arguments.of("calendar:\n  weekend_activity: { voice: 11, sms: 1, data: 1 }\n",
                        List.of("calendar.weekend_activity.voice", "0..10")),
                Arguments.of("calendar:\n  special_days:\n    - { date: \"13-45\", name: x, voice: 1, sms: 1, data: 1 }\n",
                        List.of("calendar.special_days[0].date", "MM-DD")),
                Arguments.of("calendar:\n  weekend_days: [FUNDAY]\n", List.of("calendar.weekend_days", "FUNDAY")),
                // the file as a whole
                Arguments.of("colour: blue\n", List.of("unknown key 'colour'")),
                Arguments.of("", List.of("empty")),
                Arguments.of("- voice\n", List.of("mapping")),
                Arguments.of("voice: [\n", List.of("invalid YAML")),
                // shapes the binder checks itself
                Arguments.of("population:\n  devices:\n    - { tac: \"12345678\", tac_count: 1, model: x, best_rat: NR }\n",
                        List.of("population.devices[0].share", "missing")),
                Arguments.of("voice:\n  mo_calls_per_day: 1\n  mo_calls_per_day: 2\n", List.of("voice.mo_calls_per_day", "twice")),
                Arguments.of("voice:\n  mo_calls_per_day:\n", List.of("voice.mo_calls_per_day", "needs a value")),
                Arguments.of("voice:\n  mo_calls_per_day: .inf\n", List.of("voice.mo_calls_per_day", "number")),
                Arguments.of("voice: 3\n", List.of("key 'voice'", "mapping")),
                Arguments.of("voice:\n  hourly_weekday: 1\n", List.of("voice.hourly_weekday", "list")),
                Arguments.of("network:\n  subscribers_per_site: 2.5\n",
                        List.of("network.subscribers_per_site", "whole number")),
                Arguments.of("network:\n  subscribers_per_site: 99999999999\n",
                        List.of("network.subscribers_per_site", "99999999999")),
                Arguments.of("calendar:\n  weekend_days: [SATURDAY, [SUNDAY]]\n", List.of("calendar.weekend_days[1]")),
                Arguments.of("!!binary voice: 1\n", List.of("profile.yaml")));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidValuesAreRejectedNamingKeyAndRange(String yaml, List<String> expected) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        String message = e.getMessage();
        for (String s : expected) {
            assertTrue(message.contains(s), "message lacks '" + s + "': " + message);
        }
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.startsWith(tmp.resolve("profile.yaml").toString()), "names the file: " + message);
    }

    @Test
    void scalarsKeepTheirTextAndNumbersMayBeQuoted() throws IOException {
        // YAML 1.1 would read an unquoted 01 as the integer 1; an MNC keeps its leading zero.
        Profile p = load("network:\n  mnc: 01\n  mcc: 234\nvoice:\n  mo_calls_per_day: \"3.25\"\n"
                + "  duration_median_s: 1_000\n").profile();
        assertEquals("01", p.network().mnc());
        assertEquals("234", p.network().mcc());
        assertEquals(3.25, p.voice().moCallsPerDay());
        assertEquals(1000, p.voice().durationMedianS());
    }

    @Test
    void checksumIgnoresLayoutButNotValues() throws IOException {
        String a = load("voice:\n  mo_calls_per_day: 3.5  # a comment\n").sha256();
        String b = load("voice: { mo_calls_per_day: 3.5 }\n").sha256();
        String c = load("voice: { mo_calls_per_day: 3.6 }\n").sha256();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void missingFileIsAConfigError() {
        Path missing = tmp.resolve("absent.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(missing));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains(missing.toString()),
                e.getMessage());
    }
}
