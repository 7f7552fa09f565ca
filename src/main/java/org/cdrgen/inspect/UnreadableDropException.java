package org.cdrgen.inspect;

/** The directory is not a readable drop (missing, no event files, malformed file); the message is one line. */
public final class UnreadableDropException extends RuntimeException {
    public UnreadableDropException(String message) {
        super(message);
    }

    public UnreadableDropException(String message, Throwable cause) {
        super(message, cause);
    }
}
