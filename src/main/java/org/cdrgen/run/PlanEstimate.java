package org.cdrgen.run;

import org.cdrgen.generate.ChunkGenerator;
import org.cdrgen.generate.GenerationModel;
import org.cdrgen.output.ChunkBuffer;
import org.cdrgen.output.CsvRowSink;

/**
 * What a run would write, for --dry-run: its chunks, and rows and bytes estimated from a generated sample
 * of the first day (nothing is written).
 */
public record PlanEstimate(
        long chunks,
        long subscriberDays,
        int sites,
        int sampleSubscribers,
        double rowsPerSubscriberDay,
        double bytesPerRow,
        long estimatedRows,
        long estimatedBytes,
        long estimatedFilesPerDay) {

    private static final int SAMPLE = 500;

    public static PlanEstimate of(RunSettings settings) {
        GenerationModel model = GenerationRun.model(settings);
        ChunkPlan plan = GenerationRun.plan(settings);
        int first = settings.shard().firstSubscriber(settings.subscribers());
        int sample = Math.min(SAMPLE, settings.shard().endSubscriber(settings.subscribers()) - first);
        ChunkBuffer buffer = new ChunkBuffer(SAMPLE);
        if (sample > 0) {
            new ChunkGenerator(model).generate(0, first, sample, false, new CsvRowSink(buffer));
        }
        double rowsPerSubscriberDay = sample == 0 ? 0 : (double) buffer.eventRows() / sample;
        double bytesPerRow = buffer.eventRows() == 0 ? 0 : (double) buffer.events().size() / buffer.eventRows();
        long rows = Math.round(rowsPerSubscriberDay * plan.subscriberDays());
        long bytes = Math.round(rows * bytesPerRow);
        long perDay = settings.days() == 0 ? 0 : bytes / settings.days();
        long filesPerDay = Math.max(1, (perDay + settings.maxFileBytes() - 1) / settings.maxFileBytes());
        return new PlanEstimate(plan.chunkCount(), plan.subscriberDays(), model.network.siteCount(), sample,
                rowsPerSubscriberDay, bytesPerRow, rows, bytes, filesPerDay);
    }
}
