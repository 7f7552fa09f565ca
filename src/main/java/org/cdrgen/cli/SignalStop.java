package org.cdrgen.cli;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a run: instead of the JVM's default (run the shutdown hooks, then exit while the
 * run's own thread may still be publishing), the signal asks the run to stop and the run's thread returns
 * 130 or 143 itself, after removing its files and printing why. A signal that comes after the run's commit
 * point is refused by the run, which then finishes and exits 0. Outside a run the JVM's handlers apply.
 */
final class SignalStop implements AutoCloseable {
    /** A caught signal and the exit code it means (128 + its number). */
    record Caught(String name, int exitCode) {
    }

    private final AtomicReference<Caught> caught = new AtomicReference<>();
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private SignalStop(BooleanSupplier stop, Thread runner) {
        previousInt = Signal.handle(new Signal("INT"), handler("SIGINT", ExitCodes.INTERRUPTED, stop, runner));
        previousTerm = Signal.handle(new Signal("TERM"), handler("SIGTERM", ExitCodes.TERMINATED, stop, runner));
    }

    /** @param stop asks the run to stop; false if the run is past its commit point and will finish */
    static SignalStop install(BooleanSupplier stop) {
        return new SignalStop(stop, Thread.currentThread());
    }

    private SignalHandler handler(String name, int exitCode, BooleanSupplier stop, Thread runner) {
        return signal -> {
            if (stop.getAsBoolean() && caught.compareAndSet(null, new Caught(name, exitCode))) {
                runner.interrupt();
            }
        };
    }

    /** The signal that stopped the run, or null. */
    Caught caught() {
        return caught.get();
    }

    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}
