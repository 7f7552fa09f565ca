package org.cdrgen.model;

/** What became of a short message. */
public enum SmsStatus {
    DELIVERED, FAILED, EXPIRED
}
