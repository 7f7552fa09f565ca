package org.cdrgen.drop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;

/**
 * Reads what verify needs of a Parquet file: its row count, from the footer (FileMetaData, Thrift, before the
 * last 8 bytes: the footer's length and "PAR1"). Only parquet-format's Thrift classes are used: the reader
 * classes of parquet-hadoop would pull in Hadoop's MapReduce. Loaded only for .parquet files.
 */
final class ParquetFiles {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    /** A footer of a few columns and row groups is kilobytes; a length beyond this is a damaged file. */
    private static final int MAX_FOOTER_BYTES = 64 << 20;

    private ParquetFiles() {
    }

    static long rows(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size < 12) {
                throw new IOException("not a Parquet file: " + size + " bytes");
            }
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, tail, size - 8);
            int footerLength = tail.getInt(0);
            for (int i = 0; i < 4; i++) {
                if (tail.get(4 + i) != MAGIC[i]) {
                    throw new IOException("not a Parquet file: it does not end with PAR1");
                }
            }
            if (footerLength <= 0 || footerLength > MAX_FOOTER_BYTES || footerLength > size - 12) {
                throw new IOException("not a Parquet file: footer length " + footerLength);
            }
            ByteBuffer footer = ByteBuffer.allocate(footerLength);
            readFully(channel, footer, size - 8 - footerLength);
            FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
            return meta.getNum_rows();
        } catch (RuntimeException e) {
            // A damaged footer surfaces as Thrift's runtime exceptions: to verify, an unreadable file.
            throw new IOException("not a readable Parquet file: " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            int n = channel.read(into, position + into.position());
            if (n < 0) {
                throw new IOException("not a Parquet file: it ends early");
            }
        }
    }
}
