package org.cdrgen.model;

/** The handset a subscriber uses on a given day: its IMEI and best radio technology. */
public record Handset(byte[] imei, RatType bestRat) {
}
