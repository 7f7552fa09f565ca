package org.cdrgen.output;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cdrgen.schema.Schema;
import org.cdrgen.schema.Table;

/**
 * The column order and header lines of the CSV files, taken from the typed {@link Schema} (version
 * {@value Schema#SCHEMA_VERSION}, docs/schema.md). The name lists stay here for the code that indexes
 * fields by position.
 */
public final class EventSchema {
    private EventSchema() {
    }

    /** Columns of event files. */
    public static final List<String> COLUMNS = Schema.EVENTS.columnNames();

    /** Columns of subscribers.csv. */
    public static final List<String> SUBSCRIBER_COLUMNS = Schema.SUBSCRIBERS.columnNames();

    /** Columns of cells.csv. */
    public static final List<String> CELL_COLUMNS = Schema.CELLS.columnNames();

    /** The header line of a file with this table's columns. */
    public static byte[] headerLine(Table table) {
        return headerLine(table.columnNames());
    }

    /** The header line of these columns: comma-separated, quoted where CSV needs it, ending with \n. */
    public static byte[] headerLine(List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            sb.append(sb.length() == 0 ? "" : ",").append(CsvText.quoteIfNeeded(c));
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }
}
