package org.cdrgen.run;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.cdrgen.drop.DropWriter;
import org.cdrgen.drop.FileJournal;
import org.cdrgen.drop.Frames;
import org.cdrgen.drop.OutputFile;
import org.cdrgen.drop.ParquetDropWriter;
import org.cdrgen.generate.CellRows;
import org.cdrgen.generate.GenerationModel;
import org.cdrgen.output.ChunkBuffer;
import org.cdrgen.output.CsvRowSink;
import org.cdrgen.output.RowChunk;
import org.cdrgen.sink.RowSink;

/**
 * What a run's workers fill and its writer writes, per file format: CSV bytes formatted by the workers
 * ({@link Csv}), or typed rows that the writer encodes as Parquet ({@link Parquet}). The run's pipeline
 * (chunks in flight, plan order, publishing) is the same for both.
 *
 * @param <B> a chunk's buffer
 */
interface ChunkTarget<B extends RowSink> {
    B newBuffer(int chunkSubscribers);

    void reset(B buffer);

    long eventRows(B buffer);

    /** The chunk's size as CSV bytes (for the space check; an upper bound for Parquet's). */
    long csvBytes(B buffer);

    void writeChunk(LocalDate date, B buffer) throws IOException;

    /** The rows of cells.csv, for {@link #writeCells}. */
    B cellRows(GenerationModel model);

    void writeCells(B cellRows) throws IOException;

    List<OutputFile> finish() throws IOException;

    FileJournal journal();

    void publishSuccessMarker() throws IOException;

    void abort();

    /** @param frames the compression of CSV files' blocks on other threads, or null for plain CSV */
    static ChunkTarget<?> of(RunSettings settings, FileJournal journal, Frames frames) {
        if (settings.format().parquet()) {
            return new Parquet(new ParquetDropWriter(settings.outputDir(), settings.maxFileBytes(),
                    settings.format().parquetCodec(), settings.shard().fileTag(), journal));
        }
        return new Csv(new DropWriter(settings.outputDir(), settings.maxFileBytes(), frames, settings.checksum(),
                settings.shard().fileTag(), journal));
    }

    record Csv(DropWriter drop) implements ChunkTarget<CsvRowSink> {
        @Override
        public CsvRowSink newBuffer(int chunkSubscribers) {
            return new CsvRowSink(new ChunkBuffer(chunkSubscribers));
        }

        @Override
        public void reset(CsvRowSink buffer) {
            buffer.buffer().reset();
        }

        @Override
        public long eventRows(CsvRowSink buffer) {
            return buffer.buffer().eventRows();
        }

        @Override
        public long csvBytes(CsvRowSink buffer) {
            return buffer.buffer().events().size();
        }

        @Override
        public void writeChunk(LocalDate date, CsvRowSink buffer) throws IOException {
            drop.writeChunk(date, buffer.buffer());
        }

        @Override
        public CsvRowSink cellRows(GenerationModel model) {
            CsvRowSink cells = new CsvRowSink(new ChunkBuffer(128));
            CellRows.emit(model, cells);
            return cells;
        }

        @Override
        public void writeCells(CsvRowSink cellRows) throws IOException {
            drop.writeCells(cellRows.buffer());
        }

        @Override
        public List<OutputFile> finish() throws IOException {
            return drop.finish();
        }

        @Override
        public FileJournal journal() {
            return drop.journal();
        }

        @Override
        public void publishSuccessMarker() throws IOException {
            drop.publishSuccessMarker();
        }

        @Override
        public void abort() {
            drop.abort();
        }
    }

    record Parquet(ParquetDropWriter drop) implements ChunkTarget<RowChunk> {
        /** Above the CSV bytes of an average row (README: 19M rows in 4.2 GB), so above a Parquet row's. */
        static final int CSV_BYTES_PER_ROW = 240;

        @Override
        public RowChunk newBuffer(int chunkSubscribers) {
            return new RowChunk();
        }

        @Override
        public void reset(RowChunk buffer) {
            buffer.reset();
        }

        @Override
        public long eventRows(RowChunk buffer) {
            return buffer.eventRows();
        }

        @Override
        public long csvBytes(RowChunk buffer) {
            return (long) buffer.eventRows() * CSV_BYTES_PER_ROW;
        }

        @Override
        public void writeChunk(LocalDate date, RowChunk buffer) throws IOException {
            drop.writeChunk(date, buffer);
        }

        @Override
        public RowChunk cellRows(GenerationModel model) {
            RowChunk cells = new RowChunk();
            CellRows.emit(model, cells);
            return cells;
        }

        @Override
        public void writeCells(RowChunk cellRows) throws IOException {
            drop.writeCells(cellRows);
        }

        @Override
        public List<OutputFile> finish() throws IOException {
            return drop.finish();
        }

        @Override
        public FileJournal journal() {
            return drop.journal();
        }

        @Override
        public void publishSuccessMarker() throws IOException {
            drop.publishSuccessMarker();
        }

        @Override
        public void abort() {
            drop.abort();
        }
    }
}
