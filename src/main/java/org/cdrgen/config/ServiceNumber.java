package org.cdrgen.config;

/** A number of the home operator's own services (voicemail, customer care), as dialled. */
public record ServiceNumber(String number, String use, double share) {
}
