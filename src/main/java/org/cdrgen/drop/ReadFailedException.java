package org.cdrgen.drop;

/**
 * Reading a drop failed for a cause outside its content: the operating system refused or failed a read, or
 * memory ran out. Unlike a malformed file (bad input, exit 2) this is a failure (exit 1). The
 * message is one line naming the path and the reason.
 */
public final class ReadFailedException extends RuntimeException {
    public ReadFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
