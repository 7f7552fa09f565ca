package org.cdrgen.config;

/** A profile that cannot be used; the message is one line naming the key and what is allowed. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
