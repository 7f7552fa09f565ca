package org.cdrgen.model;

/** How a voice call attempt ended, in plain words. */
public enum CallDisposition {
    ANSWERED, BUSY, NO_ANSWER, FAILED
}
