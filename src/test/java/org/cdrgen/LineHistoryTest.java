package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.cdrgen.config.Profile;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.generate.GenerationModel;
import org.cdrgen.generate.Population;
import org.cdrgen.model.Plan;
import org.cdrgen.model.Subscriber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default profile's living base, asked of the model directly (no rows written) for 100,000 lines: the
 * share of lines with a holder, the plan mix among holders, and the monthly churn and SIM-change rates are
 * the configured ones (population.lifecycle), on a day of 2026 and one of 2030.
 */
class LineHistoryTest {
    private static final int LINES = 100_000;
    private static final long[] DAYS = {LocalDate.of(2026, 3, 2).toEpochDay(), LocalDate.of(2030, 6, 1).toEpochDay()};
    private static Profile profile;
    private static Population population;

    @BeforeAll
    static void model() {
        profile = new ProfileLoader().loadBuiltIn().profile();
        population = new GenerationModel(42, LINES, LocalDate.of(2026, 3, 2), 1, profile).population;
    }

    @Test
    void theBaseHasTheConfiguredPlansChurnAndSimChanges() {
        var life = profile.population().lifecycle();
        double share = profile.population().prepaidShare();
        // Monthly rates from the yearly hazards: 1 - exp(-h / 12).
        double churn = share * (1 - Math.exp(-life.prepaidChurnPerYear() * 30 / 365.25))
                + (1 - share) * (1 - Math.exp(-life.postpaidChurnPerYear() * 30 / 365.25));
        double sim = 1 - Math.exp(-life.simChangePerYear() * 30 / 365.25);
        for (long day : DAYS) {
            int held = 0;
            int prepaid = 0;
            int gone = 0;
            int newSim = 0;
            for (int line = 0; line < LINES; line++) {
                Subscriber s = population.subscriber(line, day);
                if (!s.activeOn(day)) {
                    continue;
                }
                held++;
                prepaid += s.plan == Plan.PREPAID ? 1 : 0;
                Subscriber later = population.subscriber(line, day + 30);
                if (!later.activeOn(day + 30) || later.tenure != s.tenure) {
                    gone++;
                } else if (!Arrays.equals(later.imsi, s.imsi)) {
                    newSim++;
                }
            }
            String where = String.format(Locale.ROOT, "%s: %d lines with a holder, prepaid %.4f, churned within 30"
                    + " days %.4f (configured %.4f), new SIM %.4f (configured %.4f)", LocalDate.ofEpochDay(day), held,
                    prepaid / (double) held, gone / (double) held, churn, newSim / (double) held, sim);
            // Lines rest about 4 months (quarantine + reissue wait) after churns of about 1.8% a month.
            assertTrue(held > 0.90 * LINES && held < 0.96 * LINES, where);
            assertTrue(Math.abs(prepaid / (double) held - share) < 0.02, where);
            assertTrue(Math.abs(gone / (double) held - churn) < 0.1 * churn, where);
            assertTrue(Math.abs(newSim / (double) held - sim) < 0.25 * sim, where);
        }
    }
}
