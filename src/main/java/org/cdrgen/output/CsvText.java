package org.cdrgen.output;

import java.nio.charset.StandardCharsets;

/** RFC 4180 encoding of a text field: quoted only when it holds a comma, quote or line break. */
public final class CsvText {
    private CsvText() {
    }

    public static String quoteIfNeeded(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** The field's bytes as they go into the file, so the hot path copies them without checking. */
    public static byte[] encode(String value) {
        return quoteIfNeeded(value).getBytes(StandardCharsets.UTF_8);
    }
}
