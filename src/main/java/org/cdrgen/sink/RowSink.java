package org.cdrgen.sink;

import org.cdrgen.model.CellRow;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.SubscriberRow;

/**
 * Where generated rows go: the CSV formatter of a drop, a test collecting rows, a Spark reader. A generator
 * hands over finished rows one at a time, in the order they are written; each row object is reused once the
 * call returns, so a sink copies what it keeps ({@link EventRow#copyFrom}). A sink implements the kinds of
 * row it wants; the others are dropped.
 */
public interface RowSink {
    /** One event record of the events/ files, in the subscriber-day's time order. */
    default void event(EventRow row) {
    }

    /** One subscriber of subscribers.csv (generated with the subscriber's first day of the run). */
    default void subscriber(SubscriberRow row) {
    }

    /** One cell of cells.csv. */
    default void cell(CellRow row) {
    }
}
