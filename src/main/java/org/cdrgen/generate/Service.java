package org.cdrgen.generate;

/**
 * One kind of traffic a subscriber makes in a day: voice, SMS and data today, MMS or IoT later. A service is
 * one class behind this interface, listed in {@link Services}; it draws from its own stream of
 * (seed, subscriber, day, purpose), so adding one never changes the rows of the others.
 */
interface Service {
    /** Adds this service's rows of one subscriber-day to {@code out}, in any order (the day is sorted after). */
    void generate(SubscriberDay today, RowBatch out);
}
