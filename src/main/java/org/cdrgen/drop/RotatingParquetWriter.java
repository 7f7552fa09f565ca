package org.cdrgen.drop;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.PositionOutputStream;
import org.cdrgen.Sha256;
import org.cdrgen.output.TypedField;

/**
 * Writes typed rows to a series of Parquet files (Apache parquet-java), starting a new file once the current
 * one has reached the size limit in written bytes (checked every {@value #CHECK_EVERY} rows: a file ends at
 * most that many rows, one row group's close and the footer past the limit). Like {@link RotatingCsvWriter},
 * each file is written under a hidden temporary name, counted and hashed as its bytes go out, and renamed into
 * place when complete. This class is loaded only by a --format parquet run, so a CSV run never loads
 * Parquet or Hadoop classes.
 *
 * @param <R> the row type the fields read
 */
public final class RotatingParquetWriter<R> implements RotatingFiles {
    /** Rows between size checks: the writer's size estimate walks every column, too dear for every row. */
    static final int CHECK_EVERY = 1000;
    /** Row groups: big enough for good column chunks, small enough that two open writers stay well in a heap. */
    static final long MAX_ROW_GROUP_BYTES = 32L << 20;

    private final Path outputRoot;
    private final Path directory;
    private final IntFunction<String> fileName;
    private final List<TypedField<R>> fields;
    private final long maxBytes;
    private final CompressionCodecName codec;
    private final FileJournal journal;
    private final List<OutputFile> finished = new ArrayList<>();

    private int fileIndex = -1;
    private ParquetWriter<R> writer;
    private HashingStream onDisk;
    private Path tempPath;
    private Path finalPath;
    private long rowsInFile;

    /**
     * @param fileName the name of the n-th file (0, 1, ...), with its .parquet suffix
     * @param codec    "none", "snappy" or "zstd"
     */
    public RotatingParquetWriter(Path outputRoot, Path directory, IntFunction<String> fileName,
            List<TypedField<R>> fields, long maxBytes, String codec, FileJournal journal) {
        this.outputRoot = outputRoot;
        this.directory = directory;
        this.fileName = fileName;
        this.fields = fields;
        this.maxBytes = maxBytes;
        this.codec = codec.equals("none") ? CompressionCodecName.UNCOMPRESSED
                : CompressionCodecName.valueOf(codec.toUpperCase(java.util.Locale.ROOT));
        this.journal = journal;
    }

    public void write(R row) throws IOException {
        try {
            if (writer == null) {
                open();
            }
            writer.write(row);
            rowsInFile++;
            if (rowsInFile % CHECK_EVERY == 0 && writer.getDataSize() >= maxBytes) {
                closeCurrent();
            }
        } catch (IOException e) {
            throw IoErrors.naming(tempPath != null ? tempPath : directory, e);
        }
    }

    /** Makes sure at least one file exists, so an empty day still has a (row-less) part. */
    public void ensureOneFile() throws IOException {
        if (fileIndex < 0) {
            try {
                open();
            } catch (IOException e) {
                throw IoErrors.naming(tempPath != null ? tempPath : directory, e);
            }
        }
    }

    private void open() throws IOException {
        fileIndex++;
        String name = fileName.apply(fileIndex);
        Files.createDirectories(directory);
        finalPath = directory.resolve(name);
        tempPath = directory.resolve(DropLayout.temporaryName(name));
        journal.willWrite(finalPath);
        onDisk = new HashingStream(Files.newOutputStream(tempPath, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        writer = new Builder<>(new StreamFile(onDisk, tempPath.toString()), fields)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(codec)
                .withRowGroupSize(Math.min(MAX_ROW_GROUP_BYTES, Math.max(maxBytes, 1 << 20)))
                .withPageSize(ParquetProperties.DEFAULT_PAGE_SIZE)
                .withDictionaryEncoding(true)
                .build();
        rowsInFile = 0;
    }

    private void closeCurrent() throws IOException {
        writer.close();
        writer = null;
        long onDiskBytes = Files.size(tempPath);
        if (onDiskBytes != onDisk.count) {
            throw new IOException(tempPath + ": " + onDiskBytes + " bytes on disk, " + onDisk.count + " written");
        }
        Files.move(tempPath, finalPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished.add(new OutputFile(outputRoot.relativize(finalPath).toString().replace('\\', '/'), rowsInFile,
                onDiskBytes, Sha256.hex(onDisk.digest)));
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            try {
                closeCurrent();
            } catch (IOException e) {
                throw IoErrors.naming(tempPath, e);
            }
        }
    }

    /** Closes without publishing: the temporary file is removed. */
    public void abort() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException | RuntimeException ignored) {
                // the file is being thrown away
            }
            writer = null;
        }
        if (tempPath != null) {
            try {
                Files.deleteIfExists(tempPath);
            } catch (IOException ignored) {
                // best effort: the run is failing already
            }
        }
    }

    public List<OutputFile> finishedFiles() {
        return finished;
    }

    private static final class Builder<R> extends ParquetWriter.Builder<R, Builder<R>> {
        private final List<TypedField<R>> fields;

        Builder(org.apache.parquet.io.OutputFile file, List<TypedField<R>> fields) {
            super(file);
            this.fields = fields;
        }

        @Override
        protected Builder<R> self() {
            return this;
        }

        @Override
        protected org.apache.parquet.hadoop.api.WriteSupport<R> getWriteSupport(
                org.apache.parquet.conf.ParquetConfiguration conf) {
            return new TypedWriteSupport<>(fields);
        }

        @Override
        protected org.apache.parquet.hadoop.api.WriteSupport<R> getWriteSupport(
                org.apache.hadoop.conf.Configuration conf) {
            return new TypedWriteSupport<>(fields);
        }
    }

    /** Parquet's view of the open stream: it only creates, once. */
    private record StreamFile(HashingStream stream, String path) implements org.apache.parquet.io.OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return stream;
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return stream;
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return path;
        }
    }

    /** Counts and hashes the bytes on their way to the file, for the manifest, with no second read. */
    private static final class HashingStream extends PositionOutputStream {
        private final OutputStream out;
        private final MessageDigest digest = Sha256.newDigest();
        private long count;

        HashingStream(OutputStream file) {
            this.out = new BufferedOutputStream(file, 1 << 20);
        }

        @Override
        public long getPos() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
