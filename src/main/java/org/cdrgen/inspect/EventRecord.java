package org.cdrgen.inspect;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.schema.ColumnType;
import org.cdrgen.schema.Schema;

/**
 * One event row, read through the column positions of its file's header (so a file with reordered or
 * extra columns still reads). Values are parsed on demand: most statistics need a few fields of a row.
 * The columns and the types they are parsed as are the typed {@link Schema}'s, checked when this class loads
 * and on every typed read, so a renamed or retyped column cannot go unnoticed here.
 */
final class EventRecord {
    /** The event columns the statistics read; a file lacking one of them is not a drop of this schema. */
    enum Column {
        EVENT_TYPE, DIRECTION, CALL_REFERENCE, START_TIME, ANSWER_TIME, END_TIME, DURATION_S, SERVED_IMSI,
        SERVED_MSISDN, SERVED_IMEI, OTHER_PARTY_MSISDN, OTHER_PARTY_ON_NET, MCC, MNC, TAC, CELL_ID, RAT_TYPE, CAUSE_FOR_TERM,
        CALL_DISPOSITION, RELEASE_CAUSE, SMS_STATUS, APN, BYTES_UPLINK, BYTES_DOWNLINK, CHARGING_ID,
        RECORD_SEQUENCE_NUMBER, ROAMING, VISITED_PLMN;

        final String header = name().toLowerCase(Locale.ROOT);
        /** The schema's type; the lookup fails as the class loads when Schema.EVENTS has no such column. */
        final ColumnType type = Schema.EVENTS.column(header).type();
    }

    private static final Column[] COLUMNS = Column.values();
    private static final int SHOWN_CHARS = 60;
    private final Path file;
    private final int[] positions = new int[COLUMNS.length];
    private CSVRecord record;

    EventRecord(Path file, Map<String, Integer> headerMap) {
        this.file = file;
        for (Column c : COLUMNS) {
            Integer position = headerMap.get(c.header);
            if (position == null) {
                throw new UnreadableDropException(
                        file + " has no column '" + c.header + "' (not an event file of schema "
                                + Schema.SCHEMA_VERSION + ")");
            }
            positions[c.ordinal()] = position;
        }
    }

    void set(CSVRecord next) {
        this.record = next;
    }

    /** The field; every record has the header's fields (the pipeline checks). */
    String get(Column c) {
        return record.get(positions[c.ordinal()]);
    }

    boolean isEmpty(Column c) {
        return get(c).isEmpty();
    }

    /** "true" is true; anything else, including empty, is false. */
    boolean flag(Column c) {
        requireType(c, ColumnType.BOOLEAN);
        return "true".equals(get(c));
    }

    long getLong(Column c) {
        if (!c.type.isInteger()) {
            throw wrongType(c, "an integer");
        }
        String value = get(c);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw malformed(c, value, "an integer");
        }
    }

    /** The value, or {@code missing} when the field is empty. */
    long getLong(Column c, long missing) {
        return isEmpty(c) ? missing : getLong(c);
    }

    /**
     * The UTC hour of an ISO-8601 timestamp such as 2026-01-01T08:15:30.123Z, read from its digits without
     * building a date object (this runs once per row).
     */
    int utcHour(Column c) {
        requireType(c, ColumnType.TIMESTAMP);
        String value = get(c);
        if (value.length() < 14 || value.charAt(10) != 'T' || !Character.isDigit(value.charAt(11))
                || !Character.isDigit(value.charAt(12)) || !value.endsWith("Z")) {
            throw malformed(c, value, "an ISO-8601 UTC time like 2026-01-01T08:15:30.123Z");
        }
        int hour = (value.charAt(11) - '0') * 10 + (value.charAt(12) - '0');
        if (hour > 23) {
            throw malformed(c, value, "an ISO-8601 UTC time like 2026-01-01T08:15:30.123Z");
        }
        return hour;
    }

    private static void requireType(Column c, ColumnType type) {
        if (c.type != type) {
            throw wrongType(c, type.name());
        }
    }

    /** A read that does not fit the schema's type is a bug in the statistics, not a fault of the drop. */
    private static IllegalStateException wrongType(Column c, String readAs) {
        return new IllegalStateException(c.header + " is " + c.type + " in the schema, not read as " + readAs);
    }

    /** A numeric key for a phone number or IMEI: its digits as a long, else a hash kept apart by the sign bit. */
    static long numberKey(String value) {
        int length = value.length();
        if (length > 0 && length <= 18) {
            long n = 0;
            for (int i = 0; i < length; i++) {
                char ch = value.charAt(i);
                if (ch < '0' || ch > '9') {
                    return Long.MIN_VALUE | LongIntMap.mix(value.hashCode());
                }
                n = n * 10 + (ch - '0');
            }
            return n;
        }
        return Long.MIN_VALUE | LongIntMap.mix(value.hashCode());
    }

    UnreadableDropException malformed(Column c, String value, String expected) {
        // A field may be up to a line long, and quoted it may hold line breaks: the message stays one line.
        String shown = (value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "..." : value)
                .replaceAll("\\p{Cntrl}", "?");
        return new UnreadableDropException(file + ", record " + record.getRecordNumber() + ": " + c.header + " '"
                + shown + "' is not " + expected);
    }
}
