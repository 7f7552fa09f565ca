package org.cdrgen.run;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cdrgen.generate.ChunkGenerator;
import org.cdrgen.generate.GenerationModel;
import org.cdrgen.output.ChunkBuffer;
import org.cdrgen.Version;
import org.cdrgen.output.DropWriter;
import org.cdrgen.output.Manifest;
import org.cdrgen.output.OutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a generation: workers of a fixed pool generate chunks in parallel, while this thread writes finished
 * chunks strictly in plan order. At most a few chunks per thread are in flight, so memory stays flat
 * however many subscriber-days are asked for.
 */
public final class GenerationRun {
    private static final Logger LOG = LoggerFactory.getLogger(GenerationRun.class);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    private final RunSettings settings;

    public GenerationRun(RunSettings settings) {
        this.settings = settings;
    }

    /** What a finished run wrote. */
    public record Result(List<OutputFile> files, long eventRows, long subscriberDays, long elapsedNanos) {
    }

    public Result run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        GenerationModel model = new GenerationModel(settings.seed(), settings.subscribers(), settings.startDate(),
                settings.days(), settings.profile().profile());
        ChunkPlan plan = new ChunkPlan(settings.days(), settings.subscribers(), settings.chunkSubscribers());
        DropWriter drop = new DropWriter(settings.outputDir(), settings.maxFileBytes(), settings.compression());
        LOG.info("Generating {} subscribers x {} days from {} (seed {}, profile {}, {} cells on {} sites, {} threads)",
                settings.subscribers(), settings.days(), settings.startDate(), settings.seed(),
                settings.profile().profile().profileName(), cellCount(model),
                model.network.siteCount(), settings.threads());

        int threads = settings.threads();
        int window = 2 * threads + 2;
        ExecutorService workers = Executors.newFixedThreadPool(threads, workerThreads());
        ThreadLocal<ChunkGenerator> generators = ThreadLocal.withInitial(() -> new ChunkGenerator(model));
        ArrayDeque<ChunkBuffer> freeBuffers = new ArrayDeque<>();
        for (int i = 0; i < window; i++) {
            freeBuffers.add(new ChunkBuffer());
        }
        ArrayDeque<Future<ChunkBuffer>> inFlight = new ArrayDeque<>();
        AtomicBoolean overflowed = new AtomicBoolean();
        long rows = 0;
        boolean success = false;
        try {
            drop.writeCells(model.network, model.tables.homeMcc, model.tables.homeMnc);
            long next = 0;
            long written = 0;
            long lastProgress = System.nanoTime();
            while (written < plan.chunkCount()) {
                while (next < plan.chunkCount() && !freeBuffers.isEmpty()) {
                    long chunk = next++;
                    ChunkBuffer buffer = freeBuffers.poll();
                    inFlight.add(workers.submit(() -> {
                        if (generators.get().generate(plan.day(chunk), plan.firstSubscriber(chunk),
                                plan.subscriberCount(chunk), plan.day(chunk) == 0, buffer)) {
                            overflowed.set(true);
                        }
                        return buffer;
                    }));
                }
                ChunkBuffer done = await(inFlight.poll());
                drop.writeChunk(model.day(plan.day(written)).date, done);
                rows += done.eventRows();
                written++;
                freeBuffers.add(done);
                if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                    lastProgress = System.nanoTime();
                    LOG.info("{} of {} chunks written, {} rows", written, plan.chunkCount(), rows);
                }
            }
            List<OutputFile> files = drop.finish();
            manifest(files, rows).writeTo(settings.outputDir());
            success = true;
            if (overflowed.get()) {
                LOG.warn("Some subscriber-days reached the cap of events per day; the profile's rates are extreme");
            }
            return new Result(files, rows, (long) settings.subscribers() * settings.days(), System.nanoTime() - started);
        } finally {
            workers.shutdownNow();
            if (!success) {
                drop.abort();
            }
            workers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    private Manifest manifest(List<OutputFile> files, long rows) {
        return new Manifest(Version.get(), 1, settings.seed(), settings.startDate().toString(), settings.days(),
                settings.subscribers(), settings.profile().profile().profileName(), settings.profile().source(),
                settings.profile().sha256(), settings.maxFileBytes(), settings.compression().name().toLowerCase(),
                rows, files);
    }

    private static long cellCount(GenerationModel model) {
        long cells = 0;
        for (int site = 0; site < model.network.siteCount(); site++) {
            for (org.cdrgen.model.RatType rat : org.cdrgen.model.RatType.values()) {
                if (model.network.hasLayer(site, rat)) {
                    cells += org.cdrgen.model.CellNetwork.SECTORS;
                }
            }
        }
        return cells;
    }

    private static ChunkBuffer await(Future<ChunkBuffer> future) throws IOException, InterruptedException {
        try {
            return future.get();
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
