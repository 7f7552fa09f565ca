package org.cdrgen.drop;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
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
import org.cdrgen.Sha256;

/**
 * Writes CSV rows to a series of files, starting a new one before a row would take the current file past
 * the size limit (a row larger than the limit gets a file of its own). The size is counted from the bytes
 * handed over, not asked from the file system per row; rows arrive in blocks and go out in one write per
 * block and file. Each file is written under a hidden temporary name and renamed into place only when
 * complete, so a reader that skips dot-files never sees a partial file.
 */
public final class RotatingCsvWriter implements RotatingFiles {
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path outputRoot;
    private final Path directory;
    private final IntFunction<String> fileName;
    private final byte[] header;
    private final long maxBytes;
    private final Compression compression;
    private final Frames frames;
    private final FileChecksum checksum;
    private final FileJournal journal;
    private final List<OutputFile> finished = new ArrayList<>();

    private int fileIndex = -1;
    private OutputStream out;
    private CountingOutputStream onDisk;
    private Path tempPath;
    private Path finalPath;
    private long bytesInFile;
    private long rowsInFile;

    /**
     * @param outputRoot the run's output directory; finished files are reported relative to it
     * @param fileName   the name of the n-th file (0, 1, ...), without compression suffix
     * @param frames     how files are compressed; null for plain CSV
     * @param checksum   the manifest's checksum of each file
     * @param journal    told of each file before it is created
     */
    public RotatingCsvWriter(Path outputRoot, Path directory, IntFunction<String> fileName, byte[] header,
            long maxBytes, Frames frames, FileChecksum checksum, FileJournal journal) {
        this.outputRoot = outputRoot;
        this.directory = directory;
        this.fileName = fileName;
        this.header = header;
        this.maxBytes = maxBytes;
        this.frames = frames;
        this.checksum = checksum;
        this.compression = frames == null ? Compression.NONE : frames.compression();
        this.journal = journal;
    }

    /**
     * Appends rows held in {@code buf}: row i spans rowEnds[i-1] (or 0) to rowEnds[i], for i below rowCount.
     */
    public void write(byte[] buf, int[] rowEnds, int rowCount) throws IOException {
        try {
            writeRows(buf, rowEnds, rowCount);
        } catch (IOException e) {
            throw naming(e);
        }
    }

    /** An I/O error names the file it happened to (see {@link IoErrors}). */
    private IOException naming(IOException e) {
        return IoErrors.naming(tempPath != null ? tempPath : directory, e);
    }

    private void writeRows(byte[] buf, int[] rowEnds, int rowCount) throws IOException {
        int row = 0;
        int rowStart = 0;
        while (row < rowCount) {
            if (out == null) {
                open();
            }
            // The last row that still fits, found by binary search over the row ends.
            long room = maxBytes - bytesInFile;
            int lo = row;
            int hi = rowCount - 1;
            int lastFitting = row - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (rowEnds[mid] - rowStart <= room) {
                    lastFitting = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (lastFitting < row) {
                if (rowsInFile > 0) {
                    closeCurrent();
                    continue;
                }
                lastFitting = row; // a row bigger than the limit still has to go somewhere: alone
            }
            int end = rowEnds[lastFitting];
            out.write(buf, rowStart, end - rowStart);
            bytesInFile += end - rowStart;
            rowsInFile += lastFitting - row + 1;
            row = lastFitting + 1;
            rowStart = end;
        }
    }

    /** Makes sure at least one file exists, so an empty day still has a (header-only) part. */
    public void ensureOneFile() throws IOException {
        if (fileIndex < 0) {
            try {
                open();
            } catch (IOException e) {
                throw naming(e);
            }
        }
    }

    private void open() throws IOException {
        fileIndex++;
        String name = fileName.apply(fileIndex) + compression.suffix();
        Files.createDirectories(directory);
        finalPath = directory.resolve(name);
        tempPath = directory.resolve(DropLayout.temporaryName(name));
        journal.willWrite(finalPath);
        onDisk = new CountingOutputStream(Files.newOutputStream(tempPath, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), checksum.newHasher());
        // Compressed files: blocks compressed on the run's compression threads, so no buffer is needed here.
        out = frames == null ? new BufferedOutputStream(onDisk, BUFFER_BYTES) : frames.open(onDisk);
        out.write(header);
        bytesInFile = header.length;
        rowsInFile = 0;
    }

    private void closeCurrent() throws IOException {
        out.close();
        out = null;
        long onDiskBytes = Files.size(tempPath);
        if (onDiskBytes != onDisk.count()) {
            throw new IOException(tempPath + ": " + onDiskBytes + " bytes on disk, " + onDisk.count() + " written");
        }
        Files.move(tempPath, finalPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished.add(new OutputFile(outputRoot.relativize(finalPath).toString().replace('\\', '/'), rowsInFile,
                onDiskBytes, checksum, onDisk.checksum()));
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            try {
                closeCurrent();
            } catch (IOException e) {
                throw naming(e);
            }
        }
    }

    /** Closes without publishing: the temporary file is removed. */
    public void abort() {
        if (out != null) {
            try {
                if (out instanceof FrameOutputStream frameOut) {
                    frameOut.abandon();
                } else {
                    out.close();
                }
            } catch (IOException ignored) {
                // the file is being thrown away
            }
            out = null;
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

    /** Counts and hashes the bytes that reach the file, after compression, for the manifest. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private static final int SLICE_BYTES = 256 << 10;
        private final FileChecksum.Hasher digest;
        private long count;

        CountingOutputStream(OutputStream out, FileChecksum.Hasher digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update(new byte[] {(byte) b}, 0, 1);
            count++;
        }

        /**
         * Writes and hashes in slices that fit the CPU's L2 cache, so the hashing reads bytes the write has
         * just read, instead of a second pass over a chunk of megabytes from memory.
         */
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int done = 0; done < len; done += SLICE_BYTES) {
                int n = Math.min(SLICE_BYTES, len - done);
                out.write(b, off + done, n);
                digest.update(b, off + done, n);
            }
            count += len;
        }

        long count() {
            return count;
        }

        String checksum() {
            return digest.hex();
        }
    }

    /**
     * Hashes a few megabytes of zeros on a background thread, at start-up. SHA-256 runs as plain Java until
     * C2 compiles it with the CPU's SHA instructions; left to the run, that compile waits behind the
     * generator's in the compiler queue and a short run hashes much of its output at a fraction of the speed.
     * Started early, it is compiled while the queue is still empty.
     */
    public static void warmUpHashing() {
        Thread warmUp = new Thread(() -> {
            MessageDigest digest = Sha256.newDigest();
            byte[] block = new byte[1 << 16];
            for (int i = 0; i < 64; i++) {
                digest.update(block);
            }
            digest.digest();
        }, "cdrgen-sha256-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }
}
