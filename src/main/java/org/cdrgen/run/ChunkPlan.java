package org.cdrgen.run;

/**
 * The work of a run cut into chunks of (one day x a block of consecutive subscribers), numbered day by day.
 * The cut depends on the population and chunk size only, never on the thread count, and the writer takes
 * chunks in this order, so file contents and boundaries are the same however many threads run.
 */
public final class ChunkPlan {
    private final int days;
    private final int subscribers;
    private final int chunkSubscribers;
    private final int chunksPerDay;

    public ChunkPlan(int days, int subscribers, int chunkSubscribers) {
        this.days = days;
        this.subscribers = subscribers;
        this.chunkSubscribers = chunkSubscribers;
        this.chunksPerDay = (subscribers + chunkSubscribers - 1) / chunkSubscribers;
    }

    public long chunkCount() {
        return (long) days * chunksPerDay;
    }

    public int day(long chunk) {
        return (int) (chunk / chunksPerDay);
    }

    public int firstSubscriber(long chunk) {
        return (int) (chunk % chunksPerDay) * chunkSubscribers;
    }

    public int subscriberCount(long chunk) {
        return Math.min(chunkSubscribers, subscribers - firstSubscriber(chunk));
    }

    public boolean isLastOfDay(long chunk) {
        return chunk % chunksPerDay == chunksPerDay - 1;
    }
}
