package org.cdrgen.cli;

import java.util.Locale;
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
            bar.setExtraMessage(barRate(rows, seconds));
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
            LOG.info(logLine(subscriberDays, total, rows, (now - startedNanos) / 1e9));
        }

        @Override
        public void finish() {
        }
    }

    /** The progress bar's extra message: the row rate so far. */
    static String barRate(long rows, double elapsedSeconds) {
        return String.format(Locale.ROOT, " %.2fM rows/s", rows / Math.max(elapsedSeconds, 1e-3) / 1e6);
    }

    /**
     * A periodic log line: work done, rows, row rate and the time left at the rate so far (unknown until
     * some work is done: nothing to extrapolate from).
     */
    static String logLine(long subscriberDays, long totalSubscriberDays, long rows, double elapsedSeconds) {
        double fraction = totalSubscriberDays == 0 ? 1 : (double) subscriberDays / totalSubscriberDays;
        String eta = fraction == 0 ? "unknown"
                : humanDuration(Math.round(elapsedSeconds / fraction - elapsedSeconds));
        return String.format(Locale.ROOT, "%,d of %,d subscriber-days (%.0f%%), %,d rows, %,.0f rows/s, ETA %s",
                subscriberDays, totalSubscriberDays, fraction * 100, rows, rows / Math.max(elapsedSeconds, 1e-3), eta);
    }

    /**
     * A duration for people, to the precision an estimate deserves: "42 s", "3 min 05 s", "1 h 27 min",
     * "2 d 03 h". Beyond a minute the smaller unit is rounded, never shown as 60.
     */
    static String humanDuration(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return String.format(Locale.ROOT, "%d s", s);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        long minutes = (s + 30) / 60;
        if (minutes < 24 * 60) {
            return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
        }
        long hours = (s + 1800) / 3600;
        return String.format(Locale.ROOT, "%d d %02d h", hours / 24, hours % 24);
    }
}
