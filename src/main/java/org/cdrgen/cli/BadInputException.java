package org.cdrgen.cli;

/** Input the run cannot start with (exit 2); the message is one line for the user. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
