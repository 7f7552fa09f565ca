package org.cdrgen.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cdrgen.run.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A progress bar on an interactive terminal, periodic log lines in cron and CI, nothing with --quiet. */
final class ProgressReporters {
    private static final Logger LOG = LoggerFactory.getLogger("cdrgen.progress");
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private ProgressReporters() {
    }

    static Progress choose(boolean quiet) {
        if (quiet) {
            return Progress.NONE;
        }
        return System.console() != null ? new Bar() : new LogLines();
    }

    /** Subscriber-days done, rows/s and ETA, redrawn on stderr. */
    static final class Bar implements Progress {
        private ProgressBar bar;
        private long startedNanos;

        @Override
        public void start(long totalSubscriberDays) {
            startedNanos = System.nanoTime();
            bar = new ProgressBarBuilder()
                    .setTaskName("Generating")
                    .setInitialMax(totalSubscriberDays)
                    .setUnit(" sub-days", 1)
                    .setMaxRenderedLength(120)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        }

        @Override
        public void advance(long subscriberDays, long rows) {
            bar.stepTo(subscriberDays);
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            bar.setExtraMessage(String.format(" %.2fM rows/s", rows / Math.max(seconds, 1e-3) / 1e6));
        }

        @Override
        public void finish() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** A log line every ten seconds: what cron mail and CI logs can hold. */
    static final class LogLines implements Progress {
        private long total;
        private long startedNanos;
        private long lastNanos;

        @Override
        public void start(long totalSubscriberDays) {
            total = totalSubscriberDays;
            startedNanos = System.nanoTime();
            lastNanos = startedNanos;
        }

        @Override
        public void advance(long subscriberDays, long rows) {
            long now = System.nanoTime();
            if (now - lastNanos < LOG_EVERY_NANOS) {
                return;
            }
            lastNanos = now;
            double seconds = (now - startedNanos) / 1e9;
            double fraction = total == 0 ? 1 : (double) subscriberDays / total;
            long etaSeconds = fraction == 0 ? 0 : Math.round(seconds / fraction - seconds);
            LOG.info(String.format("%,d of %,d subscriber-days (%.0f%%), %,d rows, %,.0f rows/s, ETA %d s",
                    subscriberDays, total, fraction * 100, rows, rows / seconds, etaSeconds));
        }

        @Override
        public void finish() {
        }
    }
}
