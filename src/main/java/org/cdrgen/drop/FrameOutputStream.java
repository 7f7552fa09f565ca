package org.cdrgen.drop;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Cuts what is written into blocks of {@link Frames#BLOCK_BYTES}, has each compressed into one member or
 * frame on the run's compression threads, and writes the results to the sink in order, as {@code pigz} does.
 * The writer only copies bytes into a block and writes finished ones; it waits for the oldest block only when
 * {@link Frames#maxPending()} of them are in flight. A flush makes no block boundary (the bytes must not
 * depend on when anyone flushed): only close writes the last, partial block.
 */
final class FrameOutputStream extends OutputStream {
    /** A block's uncompressed bytes, and once compressed, its member or frame. */
    static final class Block {
        final byte[] in;
        int inLength;
        byte[] out;
        int outLength;
        FutureTask<Void> task;

        Block(int bytes) {
            in = new byte[bytes];
        }
    }

    private final OutputStream sink;
    private final Frames frames;
    private final ArrayDeque<Block> pending = new ArrayDeque<>();
    private Block current;
    private boolean anyBlock;
    private boolean closed;

    FrameOutputStream(OutputStream sink, Frames frames) {
        this.sink = sink;
        this.frames = frames;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (len > 0) {
            if (current == null) {
                current = frames.takeBlock();
            }
            int n = Math.min(len, current.in.length - current.inLength);
            System.arraycopy(b, off, current.in, current.inLength, n);
            current.inLength += n;
            off += n;
            len -= n;
            if (current.inLength == current.in.length) {
                submit();
            }
        }
    }

    private void submit() throws IOException {
        Block block = current;
        current = null;
        anyBlock = true;
        block.task = new FutureTask<>(() -> {
            FrameCodec codec = frames.codec();
            block.out = codec.compress(block.in, 0, block.inLength, block.out);
            block.outLength = codec.length();
        }, null);
        pending.add(block);
        frames.executor().execute(block.task);
        while (!pending.isEmpty() && pending.peek().task.isDone()) {
            writeOldest();
        }
        while (pending.size() >= frames.maxPending()) {
            writeOldest();
        }
    }

    private void writeOldest() throws IOException {
        Block block = pending.poll();
        try {
            block.task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof Error error) {
                throw error; // OutOfMemoryError above all: the run reports it as such
            }
            throw new IOException("compressing failed: " + cause, cause);
        }
        sink.write(block.out, 0, block.outLength);
        frames.recycle(block);
    }

    /** Writes the last block (an empty file still gets one member or frame, so it is a valid file) and closes the sink. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (current != null || !anyBlock) {
                if (current == null) {
                    current = frames.takeBlock();
                }
                submit();
            }
            while (!pending.isEmpty()) {
                writeOldest();
            }
        } finally {
            closed = true;
            sink.close();
        }
    }

    /** Closes the sink without writing what is left: the file is being thrown away. */
    void abandon() throws IOException {
        closed = true;
        for (Block block : pending) {
            block.task.cancel(false);
        }
        pending.clear();
        sink.close();
    }
}
