package org.cdrgen.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.cdrgen.Version;
import org.cdrgen.generate.ChunkGenerator;
import org.cdrgen.generate.GenerationModel;
import org.cdrgen.schema.Schema;
import org.cdrgen.drop.Compression;
import org.cdrgen.drop.DropLayout;
import org.cdrgen.drop.FileChecksum;
import org.cdrgen.drop.Frames;
import org.cdrgen.drop.DropDirectory;
import org.cdrgen.drop.DropWriter;
import org.cdrgen.drop.ParquetDropWriter;
import org.cdrgen.sink.RowSink;
import org.cdrgen.drop.Manifest;
import org.cdrgen.drop.OutputFile;
import org.cdrgen.drop.RotatingCsvWriter;
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

    /** How a run treats its output directory: replace an earlier drop (--force), check the free space first. */
    public record OutputPolicy(boolean force, boolean checkSpace) {
        public static final OutputPolicy DEFAULT = new OutputPolicy(false, true);
    }

    private enum State { RUNNING, CANCELLED, PUBLISHING }

    /** Test seam: a pause inside the publish window, where a signal must no longer stop the run. */
    private static final long PUBLISH_PAUSE_MS = Long.getLong("cdrgen.test.publish-pause-ms", 0);

    private final RunSettings settings;
    private final Progress progress;
    private final OutputPolicy policy;
    private final boolean measureCpu;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);

    public GenerationRun(RunSettings settings, Progress progress) {
        this(settings, progress, OutputPolicy.DEFAULT);
    }

    public GenerationRun(RunSettings settings, Progress progress, OutputPolicy policy) {
        this(settings, progress, policy, false);
    }

    /**
     * @param measureCpu keep the CPU split ({@link Result#cpu()}) even without debug logging, for a caller that
     *                   reports it (--metrics-file); it costs loading the management classes
     */
    public GenerationRun(RunSettings settings, Progress progress, OutputPolicy policy, boolean measureCpu) {
        this.settings = settings;
        this.progress = progress;
        this.policy = policy;
        this.measureCpu = measureCpu;
    }

    /** What a finished run wrote; {@code cpu} is null unless the run measured it (debug logging, or measureCpu). */
    public record Result(List<OutputFile> files, long eventRows, long subscriberDays, long elapsedNanos,
            CpuTimes cpu) {
        public Result(List<OutputFile> files, long eventRows, long subscriberDays, long elapsedNanos) {
            this(files, eventRows, subscriberDays, elapsedNanos, null);
        }
    }

    /**
     * Where a run's CPU time went, in seconds: the worker threads (generating, formatting; {@code workerThreads}
     * of them did work), the writer thread (hashing, compressing, writing), the JIT compilers (their elapsed
     * time) and GC pauses. {@code processSeconds} is user+sys of the whole JVM, start-up included (NaN where the
     * JVM cannot tell).
     */
    public record CpuTimes(double workersSeconds, int workerThreads, double writerSeconds, double jitSeconds,
            double gcPauseSeconds, double processSeconds) {
    }

    /**
     * Asks a running {@link #run()} to stop; it then removes the files it wrote and throws
     * CancellationException. Refused (false) once publishing has begun: the commit point is the decision
     * to publish, and from there the run completes.
     */
    public boolean cancel() {
        return state.compareAndSet(State.RUNNING, State.CANCELLED) || state.get() == State.CANCELLED;
    }

    private boolean cancelled() {
        return state.get() == State.CANCELLED;
    }

    /** The directory-level predicate of what this run writes, for the checks of the output directory. */
    public static Predicate<String> writesPath(RunSettings settings) {
        Set<LocalDate> dates = new HashSet<>();
        for (int d = 0; d < settings.days(); d++) {
            dates.add(settings.startDate().plusDays(d));
        }
        if (settings.format().parquet()) {
            return ParquetDropWriter.writesPath(settings.shard().fileTag(), dates);
        }
        return DropWriter.writesPath(settings.shard().fileTag(), settings.compression(), dates);
    }

    public static GenerationModel model(RunSettings settings) {
        return new GenerationModel(settings.seed(), settings.subscribers(), settings.startDate(), settings.days(),
                settings.profile().profile(), settings.transforms());
    }

    public static ChunkPlan plan(RunSettings settings) {
        return new ChunkPlan(settings.days(), settings.shard().firstSubscriber(settings.subscribers()),
                settings.shard().endSubscriber(settings.subscribers()), settings.chunkSubscribers());
    }

    public Result run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        if (settings.checksum() == FileChecksum.SHA256) {
            RotatingCsvWriter.warmUpHashing();
        }
        GenerationModel model = model(settings);
        ChunkPlan plan = plan(settings);
        DropDirectory directory = DropDirectory.claim(settings.outputDir(), policy.force(), writesPath(settings));
        CpuAccount cpu = measureCpu || LOG.isDebugEnabled() ? new CpuAccount() : null;
        ThreadPoolExecutor compressors = compressors(cpu);
        Frames frames = compressors == null ? null : new Frames(settings.compression(), settings.compressionLevel(),
                compressors, blocksInFlight(settings.threads(), Runtime.getRuntime().maxMemory()));
        ChunkTarget<?> drop = ChunkTarget.of(settings, directory, frames);
        boolean published = false;
        try {
            Result result = generate(model, plan, drop, directory, started, cpu);
            published = true;
            directory.release();
            return result;
        } finally {
            if (!published) {
                drop.abort();
                directory.abandon();
            }
            if (compressors != null) {
                compressors.shutdownNow();
                compressors.awaitTermination(1, TimeUnit.MINUTES);
            }
        }
    }

    /**
     * Blocks of one compressed file in flight at most: enough to keep every compression thread busy (two per
     * thread, as for chunks), but the blocks of the two files open at once (a day's part, subscribers.csv;
     * each block ~4 MiB with its compressed copy) within an eighth of the heap, whatever the thread count.
     */
    static int blocksInFlight(int threads, long maxHeapBytes) {
        long byHeap = maxHeapBytes / 8 / (2L * 2 * Frames.BLOCK_BYTES);
        return (int) Math.max(2, Math.min(2L * threads + 2, byHeap));
    }

    /**
     * The threads that compress the files' blocks (as many as the workers; none for plain CSV): apart from
     * the workers, so a block waits behind other blocks only, never behind the generation of whole chunks.
     * Their CPU time counts as the workers'.
     */
    private ThreadPoolExecutor compressors(CpuAccount cpu) {
        if (settings.compression() == Compression.NONE) {
            return null;
        }
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread t = new Thread(runnable, "cdrgen-compress-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }) {
            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                if (cpu != null) {
                    cpu.workerProgress();
                }
            }
        };
    }

    private <B extends RowSink> Result generate(GenerationModel model, ChunkPlan plan, ChunkTarget<B> drop,
            DropDirectory directory, long started, CpuAccount cpu) throws IOException, InterruptedException {
        LOG.info("Generating {} x {} from {} (seed {}, profile {}, shard {}, {} sites, {} threads)",
                count(settings.subscribers(), "subscriber"), count(settings.days(), "day"), settings.startDate(),
                settings.seed(), settings.profile().profile().profileName(), settings.shard(),
                model.network.siteCount(), settings.threads());

        int threads = settings.threads();
        int window = 2 * threads + 2;
        LOG.debug("Profile {} from {} (sha256 {}); {} chunks of up to {} subscribers, {} in flight at most;"
                + " output {} compressed {} (level {}), files rotate at {} bytes",
                settings.profile().profile().profileName(), settings.profile().source(), settings.profile().sha256(),
                plan.chunkCount(), settings.chunkSubscribers(), window, settings.outputDir(),
                settings.format().compressionLabel(settings.compression()), settings.compressionLevel(),
                settings.maxFileBytes());
        ExecutorService workers = Executors.newFixedThreadPool(threads, workerThreads());
        ThreadLocal<ChunkGenerator> generators = ThreadLocal.withInitial(() -> new ChunkGenerator(model));
        // A short run needs fewer and smaller buffers than the window holds: each is 8 KiB per subscriber,
        // zeroed when allocated, which cost a 1,000-subscriber run 20 ms.
        ArrayDeque<B> freeBuffers = new ArrayDeque<>();
        int bufferSubscribers = plan.subscriberCount(0);
        for (long i = 0; i < Math.min(window, plan.chunkCount()); i++) {
            freeBuffers.add(drop.newBuffer(bufferSubscribers));
        }
        B cells = null;
        ArrayDeque<Future<B>> inFlight = new ArrayDeque<>();
        AtomicBoolean overflowed = new AtomicBoolean();
        long rows = 0;
        long subscriberDays = 0;
        try {
            long next = 0;
            long written = 0;
            boolean writing = false;
            while (written < plan.chunkCount()) {
                while (next < plan.chunkCount() && !freeBuffers.isEmpty()) {
                    long chunk = next++;
                    B buffer = freeBuffers.poll();
                    inFlight.add(workers.submit(() -> {
                        drop.reset(buffer);
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
                if (cells == null && !writing) {
                    // The cells' rows are made while the first chunks generate; they are written after the
                    // first chunk, once the space check has passed.
                    cells = drop.cellRows(model);
                }
                B done = await(inFlight.poll());
                if (cancelled()) {
                    throw new CancellationException("stopped by a signal");
                }
                if (!writing) {
                    // Nothing is written before the first chunk says how big the run will be.
                    beginWriting(drop, done, plan, directory, cells);
                    cells = null;
                    writing = true;
                }
                drop.writeChunk(model.day(plan.day(written)).date, done);
                rows += drop.eventRows(done);
                subscriberDays += plan.subscriberCount(written);
                written++;
                freeBuffers.add(done);
                progress.advance(subscriberDays, rows);
            }
            List<OutputFile> files = drop.finish();
            for (OutputFile file : files) {
                LOG.debug("Wrote {}: {} rows, {} bytes, {} {}", file.path(), file.rows(), file.bytes(),
                        file.checksumKind().key(), file.checksumValue());
            }
            publish(drop, files, rows);
            CpuTimes cpuTimes = cpu == null ? null : cpu.times();
            if (cpuTimes != null && LOG.isDebugEnabled()) {
                LOG.debug(CpuAccount.summary(cpuTimes, System.nanoTime() - started));
            }
            if (overflowed.get()) {
                LOG.warn("Some subscriber-days reached the cap of events per day; the profile's rates are extreme");
            }
            return new Result(files, rows, subscriberDays, System.nanoTime() - started, cpuTimes);
        } finally {
            progress.finish();
            workers.shutdownNow();
            workers.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /**
     * Checks the space the run needs, as the first chunk (generated anyway) says, then replaces the earlier
     * drop and starts the drop's files. A sample of its own would cost a short run a tenth of its time.
     */
    private <B extends RowSink> void beginWriting(ChunkTarget<B> drop, B first, ChunkPlan plan,
            DropDirectory directory, B cells) throws IOException {
        if (policy.checkSpace()) {
            double perSubscriberDay = (double) drop.csvBytes(first) / plan.subscriberCount(0);
            double rowsPerSubscriberDay = (double) drop.eventRows(first) / plan.subscriberCount(0);
            SpaceCheck.require(settings, Math.round(rowsPerSubscriberDay * plan.subscriberDays()),
                    Math.round(perSubscriberDay * plan.subscriberDays()));
        }
        int removed = directory.removePrevious();
        if (removed > 0) {
            LOG.info("--force: removed the {} files of the earlier cdrgen run in {}", removed, settings.outputDir());
        }
        progress.start(plan.subscriberDays());
        drop.writeCells(cells);
    }

    /**
     * The commit point: once the run has decided to publish, a signal no longer stops it, so a drop either
     * has manifest.json and _SUCCESS and exits 0, or has neither and exits 130/143.
     */
    private void publish(ChunkTarget<?> drop, List<OutputFile> files, long rows) throws IOException {
        if (!state.compareAndSet(State.RUNNING, State.PUBLISHING)) {
            throw new CancellationException("stopped by a signal");
        }
        LOG.debug("Publishing manifest.json and _SUCCESS");
        pauseForTests();
        Path manifest = settings.outputDir().resolve(DropLayout.MANIFEST);
        drop.journal().willWrite(manifest);
        manifest(files, rows).writeTo(settings.outputDir());
        drop.publishSuccessMarker();
    }

    private static void pauseForTests() {
        if (PUBLISH_PAUSE_MS > 0) {
            try {
                Thread.sleep(PUBLISH_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** "1 day", "10,000 subscribers". */
    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private Manifest manifest(List<OutputFile> files, long rows) {
        return new Manifest(Version.get(), Schema.SCHEMA_VERSION, settings.seed(), settings.startDate().toString(), settings.days(),
                settings.subscribers(), settings.shard().toString(),
                settings.shard().firstSubscriber(settings.subscribers()),
                settings.shard().endSubscriber(settings.subscribers()),
                settings.profile().profile().profileName(), settings.profile().source(), settings.profile().sha256(),
                settings.maxFileBytes(), settings.format().compressionLabel(settings.compression()),
                settings.compression() == Compression.NONE ? null : settings.compressionLevel(), rows, files);
    }

    private <B> B await(Future<B> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            if (cancelled()) {
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
