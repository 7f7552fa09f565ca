package org.cdrgen.run;

/** Receives a run's progress; the CLI picks a progress bar, log lines or nothing. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void start(long totalSubscriberDays) {
        }

        @Override
        public void advance(long subscriberDays, long rows) {
        }

        @Override
        public void finish() {
        }
    };

    void start(long totalSubscriberDays);

    /** Called by the writing thread after each chunk, with the totals so far. */
    void advance(long subscriberDays, long rows);

    void finish();
}
