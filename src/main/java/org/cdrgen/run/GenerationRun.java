package org.cdrgen.run;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cdrgen.Version;
import org.cdrgen.generate.ChunkGenerator;
import org.cdrgen.generate.GenerationModel;
import org.cdrgen.output.ChunkBuffer;
import org.cdrgen.output.DropWriter;
import org.cdrgen.output.Manifest;
import org.cdrgen.output.OutputFile;
import org.cdrgen.output.RotatingCsvWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a generation: workers of a fixed pool generate chunks in parallel, while the calling thread writes
 * finished chunks strictly in plan order. At most a few chunks per thread are in flight, so memory stays
 * flat however many subscriber-days are asked for. manifest.json and then _SUCCESS are written last, only
 * when every file is complete.
 */
public final class GenerationRun {
    private static final Logger LOG = LoggerFactory.getLogger(GenerationRun.class);

    private final RunSettings settings;
    private final Progress progress;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public GenerationRun(RunSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** What a finished run wrote. */
    public record Result(List<OutputFile> files, long eventRows, long subscriberDays, long elapsedNanos) {
    }

    /** Asks a running {@link #run()} to stop; it then removes its temporary files and throws CancellationException. */
    public void cancel() {
        cancelled.set(true);
    }

    public static GenerationModel model(RunSettings settings) {
        return new GenerationModel(settings.seed(), settings.subscribers(), settings.startDate(), settings.days(),
                settings.profile().profile());
    }

    public static ChunkPlan plan(RunSettings settings) {
        return new ChunkPlan(settings.days(), settings.shard().firstSubscriber(settings.subscribers()),
                settings.shard().endSubscriber(settings.subscribers()), settings.chunkSubscribers());
    }

    public Result run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        RotatingCsvWriter.warmUpHashing();
        GenerationModel model = model(settings);
        ChunkPlan plan = plan(settings);
        DropWriter drop = new DropWriter(settings.outputDir(), settings.maxFileBytes(), settings.compression(),
                settings.shard().fileTag());
        LOG.info("Generating {} subscribers x {} days from {} (seed {}, profile {}, shard {}, {} sites, {} threads)",
                settings.subscribers(), settings.days(), settings.startDate(), settings.seed(),
                settings.profile().profile().profileName(), settings.shard(), model.network.siteCount(),
                settings.threads());

        int threads = settings.threads();
        int window = 2 * threads + 2;
        LOG.debug("Profile {} from {} (sha256 {}); {} chunks of up to {} subscribers, {} in flight at most;"
                + " output {} compressed {}, files rotate at {} bytes", settings.profile().profile().profileName(),
                settings.profile().source(), settings.profile().sha256(), plan.chunkCount(),
                settings.chunkSubscribers(), window, settings.outputDir(), settings.compression().label(),
                settings.maxFileBytes());
        CpuAccount cpu = LOG.isDebugEnabled() ? new CpuAccount() : null;
        ExecutorService workers = Executors.newFixedThreadPool(threads, workerThreads());
        ThreadLocal<ChunkGenerator> generators = ThreadLocal.withInitial(() -> new ChunkGenerator(model));
        ArrayDeque<ChunkBuffer> freeBuffers = new ArrayDeque<>();
        for (int i = 0; i < window; i++) {
            freeBuffers.add(new ChunkBuffer(settings.chunkSubscribers()));
        }
        ArrayDeque<Future<ChunkBuffer>> inFlight = new ArrayDeque<>();
        AtomicBoolean overflowed = new AtomicBoolean();
        long rows = 0;
        long subscriberDays = 0;
        boolean success = false;
        progress.start(plan.subscriberDays());
        try {
            drop.writeCells(model.network, model.tables.homeMcc, model.tables.homeMnc);
            long next = 0;
            long written = 0;
            while (written < plan.chunkCount()) {
                while (next < plan.chunkCount() && !freeBuffers.isEmpty()) {
                    long chunk = next++;
                    ChunkBuffer buffer = freeBuffers.poll();
                    inFlight.add(workers.submit(() -> {
                        if (generators.get().generate(plan.day(chunk), plan.firstSubscriber(chunk),
                                plan.subscriberCount(chunk), plan.day(chunk) == 0, buffer)) {
                            overflowed.set(true);
                        }
                        if (cpu != null) {
                            cpu.workerProgress();
                        }
                        return buffer;
                    }));
                }
                ChunkBuffer done = await(inFlight.poll());
                if (cancelled.get()) {
                    throw new CancellationException("stopped by a signal");
                }
                drop.writeChunk(model.day(plan.day(written)).date, done);
                rows += done.eventRows();
                subscriberDays += plan.subscriberCount(written);
                written++;
                freeBuffers.add(done);
                progress.advance(subscriberDays, rows);
            }
            List<OutputFile> files = drop.finish();
            for (OutputFile file : files) {
                LOG.debug("Wrote {}: {} rows, {} bytes, sha256 {}", file.path(), file.rows(), file.bytes(), file.sha256());
            }
            if (cancelled.get()) {
                throw new CancellationException("stopped by a signal");
            }
            manifest(files, rows).writeTo(settings.outputDir());
            drop.publishSuccessMarker();
            success = true;
            if (cpu != null) {
                LOG.debug(cpu.summary(System.nanoTime() - started));
            }
            if (overflowed.get()) {
                LOG.warn("Some subscriber-days reached the cap of events per day; the profile's rates are extreme");
            }
            return new Result(files, rows, subscriberDays, System.nanoTime() - started);
        } finally {
            progress.finish();
            workers.shutdownNow();
            if (!success) {
                drop.abort();
            }
            workers.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private Manifest manifest(List<OutputFile> files, long rows) {
        return new Manifest(Version.get(), 1, settings.seed(), settings.startDate().toString(), settings.days(),
                settings.subscribers(), settings.shard().toString(),
                settings.shard().firstSubscriber(settings.subscribers()),
                settings.shard().endSubscriber(settings.subscribers()),
                settings.profile().profile().profileName(), settings.profile().source(), settings.profile().sha256(),
                settings.maxFileBytes(), settings.compression().label(), rows, files);
    }

    private ChunkBuffer await(Future<ChunkBuffer> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            if (cancelled.get()) {
                throw new CancellationException("stopped by a signal");
            }
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "cdrgen-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
