package org.cdrgen.run;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a run's CPU time went: the workers generating and formatting (with the compression threads of a
 * compressed run, counted as workers), the writer thread (hashing, writing), the JIT compilers and GC pauses. Kept only at -v (debug) or when the run's metrics
 * are asked for (--metrics-file): it loads the management classes, which a plain run should not pay for. The
 * split is what bounds --threads scaling: a worker's CPU time divides over cores, the writer's does not.
 */
final class CpuAccount {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ConcurrentHashMap<Thread, Long> workerCpuNanos = new ConcurrentHashMap<>();
    private final long writerStartNanos = threads.getCurrentThreadCpuTime();
    private final long jitStartMillis = jitMillis();
    private final long gcStartMillis = gcMillis();

    /** Called by a worker after each chunk (a compression thread after each block): its CPU time so far. */
    void workerProgress() {
        workerCpuNanos.put(Thread.currentThread(), threads.getCurrentThreadCpuTime());
    }

    /** Called on the writer (run) thread at the end: the split since this account was opened. */
    GenerationRun.CpuTimes times() {
        double workers = workerCpuNanos.values().stream().mapToLong(Long::longValue).sum() / 1e9;
        double writer = (threads.getCurrentThreadCpuTime() - writerStartNanos) / 1e9;
        double jit = (jitMillis() - jitStartMillis) / 1e3;
        double gc = (gcMillis() - gcStartMillis) / 1e3;
        return new GenerationRun.CpuTimes(workers, workerCpuNanos.size(), writer, jit, gc, processCpuSeconds());
    }

    /** The -v log line. */
    static String summary(GenerationRun.CpuTimes cpu, long wallNanos) {
        return String.format(Locale.ROOT, "CPU time: workers %.2f s (%d threads), writer %.2f s, JIT compiling"
                + " %.2f s, GC pauses %.2f s; wall %.2f s", cpu.workersSeconds(), cpu.workerThreads(),
                cpu.writerSeconds(), cpu.jitSeconds(), cpu.gcPauseSeconds(), wallNanos / 1e9);
    }

    /** user+sys of the whole JVM since it started (start-up included), or NaN where the JVM cannot tell. */
    private static double processCpuSeconds() {
        long nanos = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }

    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
