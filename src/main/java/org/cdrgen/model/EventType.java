package org.cdrgen.model;

/** The service of an event row. */
public enum EventType {
    VOICE, SMS, DATA
}
