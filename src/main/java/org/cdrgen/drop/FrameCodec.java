package org.cdrgen.drop;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses a block of bytes into one self-contained gzip member (RFC 1952) or zstd frame. Members and frames
 * concatenate into a valid file, as {@code pigz} and {@code zstd -T} write them, so blocks of one file can be
 * compressed on several threads at once and written in order. One instance per thread: it keeps its native
 * compressor between blocks. The bytes depend only on the block, the codec and the level.
 */
abstract class FrameCodec {
    /** The length of the last block compressed. */
    abstract int length();

    /**
     * Compresses {@code src[off, off + len)} into {@code out} (or a larger array when it is too small), from
     * index 0, and returns that array; {@link #length()} says how much of it holds the block.
     */
    abstract byte[] compress(byte[] src, int off, int len, byte[] out);

    static FrameCodec of(Compression compression, int level) {
        switch (compression) {
            case GZIP:
                return new Gzip(level);
            case ZSTD:
                return new ZstdFrames(level);
            default:
                throw new IllegalArgumentException("no frames without compression");
        }
    }

    /** One gzip member per block: a fixed 10-byte header (no name, no time: the bytes must not depend on when). */
    private static final class Gzip extends FrameCodec {
        private static final int HEADER = 10;
        private static final int TRAILER = 8;
        private final Deflater deflater;
        private final CRC32 crc = new CRC32();
        private int length;

        Gzip(int level) {
            deflater = new Deflater(level, true);
        }

        @Override
        int length() {
            return length;
        }

        @Override
        byte[] compress(byte[] src, int off, int len, byte[] out) {
            // Room for stored blocks in the worst case, so one deflate call nearly always does it all.
            int bound = len + (len >> 12) + (len >> 14) + 64 + HEADER + TRAILER;
            if (out == null || out.length < bound) {
                out = new byte[bound];
            }
            out[0] = 0x1f;
            out[1] = (byte) 0x8b;
            out[2] = Deflater.DEFLATED;
            Arrays.fill(out, 3, HEADER - 1, (byte) 0); // flags, mtime, extra flags
            out[HEADER - 1] = (byte) 255; // OS: unknown, the same on every machine
            deflater.reset();
            deflater.setInput(src, off, len);
            deflater.finish();
            int pos = HEADER;
            while (!deflater.finished()) {
                if (pos == out.length - TRAILER) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                pos += deflater.deflate(out, pos, out.length - TRAILER - pos);
            }
            crc.reset();
            crc.update(src, off, len);
            putIntLe(out, pos, (int) crc.getValue());
            putIntLe(out, pos + 4, len); // ISIZE: the length modulo 2^32
            length = pos + TRAILER;
            return out;
        }

        private static void putIntLe(byte[] out, int at, int v) {
            out[at] = (byte) v;
            out[at + 1] = (byte) (v >>> 8);
            out[at + 2] = (byte) (v >>> 16);
            out[at + 3] = (byte) (v >>> 24);
        }
    }

    /** One zstd frame per block, with its content size and checksum, so that {@code zstd -t} checks the content. */
    private static final class ZstdFrames extends FrameCodec {
        private final ZstdCompressCtx ctx = new ZstdCompressCtx();
        private int length;

        ZstdFrames(int level) {
            ctx.setLevel(level);
            ctx.setChecksum(true);
            ctx.setContentSize(true);
        }

        @Override
        int length() {
            return length;
        }

        @Override
        byte[] compress(byte[] src, int off, int len, byte[] out) {
            int bound = (int) Zstd.compressBound(len);
            if (out == null || out.length < bound) {
                out = new byte[bound];
            }
            length = ctx.compressByteArray(out, 0, out.length, src, off, len);
            return out;
        }
    }
}
