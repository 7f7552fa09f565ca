package org.cdrgen.generate;

import java.time.LocalDate;
import java.util.function.Predicate;
import org.cdrgen.model.EventRow;

/** The rows of one subscriber-day as a {@link DayTransform} sees them. */
public final class DayRows {
    private final RowBatch batch;
    private int subscriber;
    private LocalDate date;

    DayRows(RowBatch batch) {
        this.batch = batch;
    }

    void pointAt(int subscriber, LocalDate date) {
        this.subscriber = subscriber;
        this.date = date;
    }

    public int subscriber() {
        return subscriber;
    }

    public LocalDate date() {
        return date;
    }

    public int size() {
        return batch.size();
    }

    public EventRow get(int i) {
        return batch.get(i);
    }

    /** A new, cleared row at the end, to fill in; it is put in time order with the others afterwards. */
    public EventRow add() {
        return batch.add();
    }

    /** Keeps only the rows that pass, in their order. */
    public void keepIf(Predicate<EventRow> keep) {
        batch.keepIf(keep);
    }
}
