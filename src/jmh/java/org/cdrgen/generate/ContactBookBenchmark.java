package org.cdrgen.generate;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link ContactBook#build} of one subscriber per op, in a 100,000-subscriber population (households,
 * circles, a workplace and weak ties found through keyed orders, so the order of ids does not matter:
 * sequential, ids in order as a chunk visits them; scattered, ids far apart).
 * logNormalQuantile: one contact-pool wish as build computes it (hash, inverse normal CDF, exp), for scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContactBookBenchmark {
    private static final int SUBSCRIBERS = 100_000;

    @State(Scope.Thread)
    public static class Book {
        @Param({"sequential", "scattered"})
        public String order;

        long epochDay;
        long[] personIds;
        ContactBook book;
        boolean scattered;
        long next;

        @Setup
        public void setup() {
            GenerationModel model = BenchModels.builtIn(SUBSCRIBERS, 1);
            epochDay = model.day(0).epochDay;
            personIds = new long[SUBSCRIBERS];
            for (int id = 0; id < SUBSCRIBERS; id++) {
                personIds[id] = model.population.subscriber(id, epochDay).personId; // the holder on the first day
            }
            book = new ContactBook(model.seed, model.population, model.otherParties, model.profile.contacts(),
                    model.profile.population());
            scattered = order.equals("scattered");
        }
    }

    @State(Scope.Thread)
    public static class Counter {
        long next;
    }

    @Benchmark
    public int build(Book b) {
        long k = b.next++;
        // 40,009 is prime and above any community size: consecutive ops land in different communities.
        int id = (int) ((b.scattered ? k * 40_009 : k) % SUBSCRIBERS);
        b.book.build(id, b.personIds[id], b.epochDay);
        return b.book.size();
    }

    @Benchmark
    public double logNormalQuantile(Counter c) {
        double u = Seeds.unit(Seeds.hash(BenchModels.SEED, c.next++, 0, Seeds.Purpose.CONTACTS));
        return Quantiles.logNormalWithMean(u, 25, 0.8);
    }
}
