package org.cdrgen.run;

/**
 * The work of a run cut into chunks of (one day x a block of consecutive subscribers), numbered day by day.
 * The writer takes chunks in this order, and a subscriber-day's rows never depend on the chunk that holds
 * them, so file contents and boundaries are the same whatever the chunk size (RunSettings adapts it to the
 * heap and, for small runs, to the thread count) and however many threads run.
 */
public final class ChunkPlan {
    private final int days;
    private final int first;
    private final int end;
    private final int chunkSubscribers;
    private final int chunksPerDay;

    /** Plans subscribers [first, end) over the given days. */
    public ChunkPlan(int days, int first, int end, int chunkSubscribers) {
        this.days = days;
        this.first = first;
        this.end = end;
        this.chunkSubscribers = chunkSubscribers;
        this.chunksPerDay = (end - first + chunkSubscribers - 1) / chunkSubscribers;
    }

    public long subscriberDays() {
        return (long) days * (end - first);
    }

    public long chunkCount() {
        return (long) days * chunksPerDay;
    }

    public int day(long chunk) {
        return (int) (chunk / chunksPerDay);
    }

    public int firstSubscriber(long chunk) {
        return first + (int) (chunk % chunksPerDay) * chunkSubscribers;
    }

    public int subscriberCount(long chunk) {
        return Math.min(chunkSubscribers, end - firstSubscriber(chunk));
    }

}
