package org.cdrgen.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cdrgen.generate.CellRows;
import org.cdrgen.generate.ChunkGenerator;
import org.cdrgen.generate.GenerationModel;
import org.cdrgen.model.EventRow;
import org.cdrgen.run.ChunkPlan;
import org.cdrgen.run.GenerationRun;
import org.cdrgen.run.Progress;
import org.cdrgen.run.RunSettings;
import org.cdrgen.sink.RowSink;

/**
 * cdrgen as a library: the same generator the CLI runs, for Java code (a JUnit fixture, a Spark task).
 *
 * <pre>{@code
 * Cdrgen cdrgen = Cdrgen.builder().seed(42).subscribers(10_000).startDate(LocalDate.of(2026, 3, 2)).days(7).build();
 * List<EventRow> day = cdrgen.events(17, LocalDate.of(2026, 3, 4));       // one subscriber-day's rows
 * for (Cdrgen.Chunk chunk : cdrgen.chunks()) {                           // or any chunk alone, anywhere
 *     cdrgen.generate(chunk, mySink);
 * }
 * cdrgen.writeDrop(Path.of("out"), false);                               // what `cdrgen --output-dir out` writes
 * }</pre>
 *
 * A chunk is a block of subscribers on one day; its rows depend only on the run's settings and the chunk, so
 * any thread, process or machine that generates it alone gets exactly the rows it has inside a full run.
 * Instances are safe to share between threads: each thread generates with its own reused state.
 */
public final class Cdrgen {
    /** One unit of work: {@code subscriberCount} subscribers from {@code firstSubscriber}, on {@code date}. */
    public record Chunk(long index, LocalDate date, int dayIndex, int firstSubscriber, int subscriberCount) {
    }

    private final RunSettings settings;
    private final ChunkPlan plan;
    private volatile GenerationModel model;
    private final ThreadLocal<ChunkGenerator> generators = ThreadLocal.withInitial(() -> new ChunkGenerator(model()));

    Cdrgen(RunSettings settings) {
        this.settings = settings;
        this.plan = GenerationRun.plan(settings);
    }

    public static CdrgenBuilder builder() {
        return new CdrgenBuilder();
    }

    public RunSettings settings() {
        return settings;
    }

    /** The model (network, population, tables) is built once, on first use: a builder that only plans is cheap. */
    private GenerationModel model() {
        GenerationModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = GenerationRun.model(settings);
                    model = m;
                }
            }
        }
        return m;
    }

    public long chunkCount() {
        return plan.chunkCount();
    }

    /** The chunk of this index, 0 .. {@link #chunkCount()} - 1, numbered day by day as the CLI writes them. */
    public Chunk chunk(long index) {
        if (index < 0 || index >= plan.chunkCount()) {
            throw new IllegalArgumentException("chunk " + index + " is out of range 0.." + (plan.chunkCount() - 1));
        }
        int day = plan.day(index);
        return new Chunk(index, settings.startDate().plusDays(day), day, plan.firstSubscriber(index),
                plan.subscriberCount(index));
    }

    /** Every chunk of the run, in order (a list of the plan's size: for a huge run, use {@link #chunk}). */
    public List<Chunk> chunks() {
        List<Chunk> chunks = new ArrayList<>((int) Math.min(plan.chunkCount(), 1 << 20));
        for (long i = 0; i < plan.chunkCount(); i++) {
            chunks.add(chunk(i));
        }
        return chunks;
    }

    /**
     * Generates one chunk into {@code sink}: its event rows, and on the run's first day its subscriber rows.
     * (cells.csv's rows come from {@link #cells}.)
     */
    public void generate(Chunk chunk, RowSink sink) {
        generators.get().generate(chunk.dayIndex(), chunk.firstSubscriber(), chunk.subscriberCount(),
                chunk.dayIndex() == 0, sink);
    }

    /** The rows of cells.csv. */
    public void cells(RowSink sink) {
        CellRows.emit(model(), sink);
    }

    /**
     * The event rows one subscriber-day generates, as copies: the subscriber's own MO and MT records and the
     * MT records of the on-net parties they call (which the drop writes in this subscriber's chunk too).
     */
    public List<EventRow> events(int subscriber, LocalDate date) {
        int first = settings.shard().firstSubscriber(settings.subscribers());
        int end = settings.shard().endSubscriber(settings.subscribers());
        if (subscriber < first || subscriber >= end) {
            throw new IllegalArgumentException("subscriber " + subscriber + " is not in this run's range "
                    + first + ".." + (end - 1));
        }
        long day = date.toEpochDay() - settings.startDate().toEpochDay();
        if (day < 0 || day >= settings.days()) {
            throw new IllegalArgumentException(date + " is not one of this run's days, " + settings.startDate()
                    + ".." + settings.startDate().plusDays(settings.days() - 1L));
        }
        List<EventRow> rows = new ArrayList<>();
        generators.get().generate((int) day, subscriber, 1, false, new RowSink() {
            @Override
            public void event(EventRow row) {
                EventRow copy = new EventRow();
                copy.copyFrom(row);
                rows.add(copy);
            }
        });
        return rows;
    }

    /**
     * Writes the whole drop into {@code dir}, exactly as the CLI does (lock, atomic files, manifest.json,
     * _SUCCESS; the space check; {@code force} as --force).
     *
     * @throws org.cdrgen.drop.DropRefusedException if the directory cannot take the drop (nothing written)
     * @throws IOException if writing fails (the files of the run are removed)
     */
    public GenerationRun.Result writeDrop(Path dir, boolean force) throws IOException, InterruptedException {
        return new GenerationRun(settings.withOutputDir(dir), Progress.NONE, new GenerationRun.OutputPolicy(force, true))
                .run();
    }
}
