package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cdrgen.config.ConfigException;
import org.cdrgen.config.Device;
import org.cdrgen.config.Profile;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.generate.GenerationModel;
import org.cdrgen.generate.Population;
import org.cdrgen.model.Handset;
import org.cdrgen.model.Luhn;
import org.cdrgen.model.Subscriber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Phones at scale, asked of the model directly (no rows written): no two phones in use on a day share an
 * IMEI at 1,000,000 subscribers, every IMEI is Luhn-valid with a TAC of its model, the swap rate and the
 * device shares are as configured.
 */
class ImeiTest {
    private static final int SUBSCRIBERS = 1_000_000;
    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    /** Days years apart: by the last, most subscribers have swapped phones several times. */
    private static final long[] DAYS = {START.toEpochDay(), LocalDate.of(2031, 7, 15).toEpochDay(),
            LocalDate.of(2045, 1, 1).toEpochDay()};
    private static final int SWAP_WINDOW_DAYS = 14;

    private static Profile profile;
    private static List<Device> devices;
    /** IMEIs (as 15-digit numbers) per day of DAYS, and each subscriber's model on DAYS[0]. */
    private static long[][] imeis;
    private static int[] modelOnFirstDay;
    private static int swappedInWindow;
    /** Lines with the same holder on the window's first and last day. */
    private static int sameHolderInWindow;

    @BeforeAll
    static void askEveryPhone() {
        profile = new ProfileLoader().loadBuiltIn().profile();
        devices = profile.population().devices();
        Population population = new GenerationModel(1, SUBSCRIBERS, START, 1, profile).population;
        imeis = new long[DAYS.length][SUBSCRIBERS];
        modelOnFirstDay = new int[SUBSCRIBERS];
        for (int id = 0; id < SUBSCRIBERS; id++) {
            for (int d = 0; d < DAYS.length; d++) {
                Subscriber s = population.subscriber(id, DAYS[d]);
                // A line without a holder that day has no phone in use: a distinct negative stand-in.
                imeis[d][id] = s.activeOn(DAYS[d])
                        ? checkedImei(population.handset(s), d == 0 ? modelOnFirstDay : null, id) : -1 - id;
                if (d == 0 && !s.activeOn(DAYS[d])) {
                    modelOnFirstDay[id] = -1;
                }
            }
            Subscriber first = population.subscriber(id, DAYS[0]);
            Subscriber later = population.subscriber(id, DAYS[0] + SWAP_WINDOW_DAYS);
            if (first.activeOn(DAYS[0]) && later.activeOn(DAYS[0] + SWAP_WINDOW_DAYS) && first.tenure == later.tenure) {
                sameHolderInWindow++;
                if (asNumber(population.handset(later).imei()) != imeis[0][id]) {
                    swappedInWindow++;
                }
            }
        }
    }

    /** The IMEI as a number, after checking its Luhn digit, TAC and best RAT against the profile. */
    private static long checkedImei(Handset h, int[] models, int id) {
        byte[] imei = h.imei();
        if (imei.length != 15 || Luhn.checkDigit(imei, 14) != imei[14] - '0') {
            fail("not a 15-digit Luhn-valid IMEI: " + new String(imei, java.nio.charset.StandardCharsets.US_ASCII));
        }
        long number = asNumber(imei);
        int model = modelOf(number / 10_000_000L);
        if (model < 0) {
            fail(String.format(Locale.ROOT, "IMEI %015d: TAC not in the profile", number));
        }
        if (h.bestRat() != devices.get(model).bestRat()) {
            fail(String.format(Locale.ROOT, "IMEI %015d of %s has best RAT %s", number, devices.get(model).model(),
                    h.bestRat()));
        }
        if (models != null) {
            models[id] = model;
        }
        return number;
    }

    private static long asNumber(byte[] digits) {
        long n = 0;
        for (byte b : digits) {
            n = n * 10 + (b - '0');
        }
        return n;
    }

    /** The model whose TAC range holds the TAC, or -1. */
    private static int modelOf(long tac) {
        for (int m = 0; m < devices.size(); m++) {
            if (tac >= devices.get(m).firstTac() && tac <= devices.get(m).lastTac()) {
                return m;
            }
        }
        return -1;
    }

    @Test
    void noTwoPhonesInUseOnADayShareAnImei() {
        for (int d = 0; d < DAYS.length; d++) {
            long[] sorted = imeis[d].clone();
            Arrays.sort(sorted);
            int duplicates = 0;
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    duplicates++;
                }
            }
            assertEquals(0, duplicates, "IMEIs shared on " + LocalDate.ofEpochDay(DAYS[d]));
        }
    }

    @Test
    void phonesChangeOverTheYears() {
        int changed = 0;
        int both = 0;
        for (int id = 0; id < SUBSCRIBERS; id++) {
            if (imeis[0][id] >= 0 && imeis[1][id] >= 0) {
                both++;
                if (imeis[0][id] != imeis[1][id]) {
                    changed++;
                }
            }
        }
        // 5.4 years at 0.0012 a day: 1 - (1 - p)^1961 = 90% of holders have a new phone (less the 0.4% whose
        // eighth swap brought their first phone back, see ImeiAllocation); lines with a new holder by then
        // (churn) have a new phone too.
        double share = changed / (double) both;
        assertTrue(share > 0.90 && share < 0.97, "share with another IMEI 5 years later: " + share);
        // About 88% of lines have a holder on a day (the rest rest in a cool-down), so about 77% on both.
        assertTrue(both > 0.7 * SUBSCRIBERS, "lines with a holder on both days: " + both);
    }

    @Test
    void swapRateIsTheConfiguredOne() {
        double p = profile.population().deviceSwapDailyProbability();
        double expected = 1 - Math.pow(1 - p, SWAP_WINDOW_DAYS);
        double share = swappedInWindow / (double) sameHolderInWindow;
        assertTrue(Math.abs(share - expected) < 0.05 * expected, String.format(Locale.ROOT,
                "new IMEI within %d days: %.5f, configured %.5f (14 x p = %.5f)", SWAP_WINDOW_DAYS, share, expected,
                SWAP_WINDOW_DAYS * p));
    }

    @Test
    void deviceSharesAreTheConfiguredOnes() {
        int[] counts = new int[devices.size()];
        int phones = 0;
        for (int model : modelOnFirstDay) {
            if (model >= 0) {
                counts[model]++;
                phones++;
            }
        }
        double total = devices.stream().mapToDouble(Device::share).sum();
        for (int m = 0; m < devices.size(); m++) {
            double share = counts[m] / (double) phones;
            double configured = devices.get(m).share() / total;
            assertTrue(Math.abs(share - configured) < 0.003, String.format(Locale.ROOT, "%s: %.4f of phones, configured %.4f",
                    devices.get(m).model(), share, configured));
        }
    }

    @Test
    void serialsDoNotCountUp() {
        // At 1,000,000 subscribers no TAC is full (a model takes 4 x share x N < 10^6 serials), so serials
        // handed out in order would crowd the bottom of 000000..999999; shuffled, they spread over all of it.
        java.util.Map<Long, long[]> sumAndCount = new java.util.HashMap<>();
        for (long imei : imeis[0]) {
            if (imei < 0) {
                continue;
            }
            long[] acc = sumAndCount.computeIfAbsent(imei / 10_000_000L, tac -> new long[2]);
            acc[0] += imei / 10 % 1_000_000;
            acc[1]++;
        }
        sumAndCount.forEach((tac, acc) -> {
            if (acc[1] >= 1000) {
                double mean = acc[0] / (double) acc[1];
                assertTrue(Math.abs(mean - 500_000) < 30_000, String.format(Locale.ROOT,
                        "TAC %08d: mean serial %.0f of %d phones", tac, mean, acc[1]));
            }
        });
        // Nor do consecutive subscribers' IMEIs differ by a constant step.
        java.util.Set<Long> steps = new java.util.HashSet<>();
        int pairs = 0;
        for (int id = 1; pairs < 1000; id++) {
            if (imeis[0][id] >= 0 && imeis[0][id - 1] >= 0) {
                steps.add(imeis[0][id] - imeis[0][id - 1]);
                pairs++;
            }
        }
        assertTrue(steps.size() > 990, "distinct steps between consecutive subscribers' IMEIs: " + steps.size());
    }

    @Test
    void theShippedProfilesHoldTheLargestRun() {
        GenerationModel small = new GenerationModel(1, 1000, START, 1, profile);
        assertDoesNotThrow(() -> new Population(1, 100_000_000, small.tables, small.network, small.country));
        Profile era = new ProfileLoader().loadShipped("sms-era-2010").profile();
        GenerationModel eraModel = new GenerationModel(1, 1000, START, 1, era);
        assertDoesNotThrow(() -> new Population(1, 100_000_000, eraModel.tables, eraModel.network, eraModel.country));
    }

    @Test
    void tooFewTacsForTheRunNameTheKey() {
        Profile one = new ProfileLoader().loadYaml("population:\n  devices:\n"
                + "    - { tac: \"35000000\", tac_count: 1, model: x, best_rat: NR, share: 1 }\n", "one").profile();
        // 200,000 subscribers x 8 generations kept apart = 1,600,000 serials: more than one TAC holds.
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new GenerationModel(1, 200_000, START, 1, one));
        assertTrue(e.getMessage().contains("population.devices[0].tac_count") && e.getMessage().contains("at least 2"),
                e.getMessage());
        assertDoesNotThrow(() -> new GenerationModel(1, 125_000, START, 1, one));
    }
}
