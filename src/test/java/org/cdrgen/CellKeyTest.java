package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.cdrgen.api.Cdrgen;
import org.cdrgen.model.CellRow;
import org.cdrgen.model.RatType;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.sink.RowSink;
import org.junit.jupiter.api.Test;

/**
 * Every reference to a cell resolves to exactly one row of cells.csv, at 1,000,000 subscribers: the key
 * (rat_type, tac, cell_id) is unique there, and subscribers.csv's home and work cells carry all three. (The
 * events' own cells are checked against cells.csv by SchemaTest.) An all-quiet profile makes the
 * subscribers without their events, so the test stays quick.
 */
class CellKeyTest {
    private static final String QUIET = "voice:\n  mo_calls_per_day: 0\n  mt_off_net_calls_per_day: 0\n"
            + "sms:\n  mo_per_day: 0\n  mt_off_net_per_day: 0\n" + "data:\n  sessions_per_day: 0\n";

    private static long key(RatType rat, int tac, long cellId) {
        // cell ids fit 36 bits (NR NCI), tacs 24: both fit one long with the RAT on top
        return (long) rat.ordinal() << 62 | (long) tac << 38 | cellId;
    }

    @Test
    void everyCellReferenceResolvesToOneCellAtAMillionSubscribers() {
        Cdrgen cdrgen = Cdrgen.builder().seed(42).subscribers(1_000_000).startDate(LocalDate.of(2026, 3, 2))
                .profileYaml(QUIET).build();
        Set<Long> cells = new HashSet<>();
        Set<Long> ratAndCellId = new HashSet<>();
        int[] rows = {0};
        cdrgen.cells(new RowSink() {
            @Override
            public void cell(CellRow row) {
                rows[0]++;
                cells.add(key(row.ratType, row.tac, row.cellId));
                ratAndCellId.add(key(row.ratType, 0, row.cellId));
            }
        });
        assertEquals(rows[0], cells.size(), "(rat_type, tac, cell_id) is unique in cells.csv");
        assertTrue(ratAndCellId.size() < rows[0], "without tac the key repeats (GERAN/UTRAN CIs per LAC): the"
                + " test would not show the point at this size");

        long[] unresolved = {0, 0};
        long[] subscribers = {0};
        RowSink subscriberCheck = new RowSink() {
            @Override
            public void subscriber(SubscriberRow row) {
                subscribers[0]++;
                if (!cells.contains(key(row.homeRat, row.homeTac, row.homeCellId))) {
                    unresolved[0]++;
                }
                if (row.workCellId >= 0 && !cells.contains(key(row.workRat, row.workTac, row.workCellId))) {
                    unresolved[1]++;
                }
            }
        };
        for (long c = 0; c < cdrgen.chunkCount(); c++) {
            cdrgen.generate(cdrgen.chunk(c), subscriberCheck);
        }
        // One row per version valid on the day: most lines have a holder, the rest are in a cool-down.
        assertTrue(subscribers[0] > 850_000 && subscribers[0] <= 1_000_000, "subscriber rows: " + subscribers[0]);
        assertEquals(0, unresolved[0], "home cells not in cells.csv");
        assertEquals(0, unresolved[1], "work cells not in cells.csv");
    }
}
