package org.cdrgen.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.cdrgen.config.ProfileLoader;
import org.junit.jupiter.api.Test;

/**
 * Contact books built one subscriber at a time agree with each other: if B is in A's book then A is in B's
 * (old holders' ties still remembered after a churn are one-sided by nature, and rare); ties reach far
 * beyond id blocks; on-net ties are a fair part of the book; books come and go over months.
 */
class ContactBookTest {
    private static final int LINES = 20_000;

    private static GenerationModel model() {
        return new GenerationModel(7, LINES, LocalDate.of(2026, 3, 2), 1, new ProfileLoader().loadBuiltIn().profile());
    }

    private static ContactBook book(GenerationModel model) {
        return new ContactBook(model.seed, model.population, model.otherParties, model.profile.contacts(),
                model.profile.population());
    }

    @Test
    void tiesAreSymmetricAndSpreadOverTheBase() {
        GenerationModel model = model();
        ContactBook book = book(model);
        long day = model.day(0).epochDay;
        LineHistory history = model.population.history();
        Set<Long> links = new HashSet<>();
        long onNet = 0;
        long all = 0;
        long farApart = 0;
        int active = 0;
        for (int line = 0; line < LINES; line++) {
            LineHistory.LineHolder h = history.holderOn(line, day);
            if (!h.active()) {
                continue;
            }
            active++;
            book.build(line, h.personId(), day);
            all += book.size();
            for (int i = 0; i < book.size(); i++) {
                int other = book.subscriber(book.contact(i));
                if (other >= 0) {
                    onNet++;
                    links.add((long) line << 32 | other);
                    farApart += Math.abs(other - line) >= 200 ? 1 : 0;
                }
            }
        }
        // A one-sided link is an old tie: to a number whose holder changed, or that has none (in a cool-down).
        long oneSided = 0;
        long unexplained = 0;
        for (long l : links) {
            if (!links.contains((l & 0xFFFFFFFFL) << 32 | l >>> 32)) {
                oneSided++;
                LineHistory.LineHolder callee = history.holderOn((int) l, day);
                unexplained += callee.active() && callee.tenure() == 0 ? 1 : 0;
            }
        }
        assertTrue(unexplained == 0 && oneSided < 0.03 * links.size(), oneSided + " one-sided of " + links.size()
                + ", " + unexplained + " to a first holder");
        assertTrue(farApart > 0.95 * onNet, farApart + " of " + onNet + " on-net ties beyond 200 ids");
        double perSubscriber = (double) onNet / active;
        assertTrue(perSubscriber > 4 && perSubscriber < 12, "on-net ties per subscriber " + perSubscriber);
        assertTrue(onNet > 0.15 * all && onNet < 0.45 * all, onNet + " on-net of " + all);
    }

    @Test
    void booksChangeOverMonthsButMostStrongTiesStay() {
        GenerationModel model = model();
        ContactBook book = book(model);
        long day = model.day(0).epochDay;
        LineHistory history = model.population.history();
        long kept = 0;
        long before = 0;
        long topKept = 0;
        long tops = 0;
        for (int line = 0; line < 2_000; line++) {
            LineHistory.LineHolder h = history.holderOn(line, day);
            LineHistory.LineHolder later = history.holderOn(line, day + 90);
            if (!h.active() || !later.active() || later.tenure() != h.tenure()) {
                continue;
            }
            book.build(line, h.personId(), day);
            Set<Long> first = new HashSet<>();
            for (int i = 0; i < book.size(); i++) {
                first.add(book.msisdn(book.contact(i)));
            }
            long top = book.msisdn(book.contact(0));
            book.build(line, h.personId(), day + 90);
            Set<Long> second = new HashSet<>();
            for (int i = 0; i < book.size(); i++) {
                second.add(book.msisdn(book.contact(i)));
            }
            before += first.size();
            first.retainAll(second);
            kept += first.size();
            tops++;
            topKept += second.contains(top) ? 1 : 0;
        }
        double share = (double) kept / before;
        assertTrue(share > 0.4 && share < 0.9, "contacts still there 90 days later: " + share);
        assertTrue(topKept > 0.8 * tops, "strongest tie still there 90 days later: " + topKept + " of " + tops);
    }
}
