package org.cdrgen.config;

/** A destination country of international numbers: its E.164 country code and national number length. */
public record Destination(String countryCode, int numberLength, double share) {
}
