package org.cdrgen.drop;

/** The output directory cannot take this run (in use, not a drop, a user's file in the way): exit 2, nothing touched. */
public final class DropRefusedException extends RuntimeException {
    public DropRefusedException(String message) {
        super(message);
    }
}
