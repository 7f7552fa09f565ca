package org.cdrgen.generate;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A generator whose source can be switched to another stream. Samplers (alias tables and the like) are bound
 * to it once per worker; pointing it at the stream of the next subscriber-day then re-targets all of them
 * without building or copying any table.
 */
public final class StreamRandom implements UniformRandomProvider {
    private UniformRandomProvider source;

    public void switchTo(UniformRandomProvider next) {
        this.source = next;
    }

    @Override
    public long nextLong() {
        return source.nextLong();
    }

    @Override
    public int nextInt() {
        return source.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return source.nextInt(n);
    }

    @Override
    public long nextLong(long n) {
        return source.nextLong(n);
    }

    @Override
    public double nextDouble() {
        return source.nextDouble();
    }

    @Override
    public boolean nextBoolean() {
        return source.nextBoolean();
    }
}
