package org.cdrgen.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Table} as what PostgreSQL, DuckDB and Spark need to load its CSV file with explicit types
 * (type guessing would read IMSI, MSISDN and IMEI as numbers and drop an MNC's leading zero). The README
 * shows exactly these texts, and a test keeps it so.
 */
public final class Ddl {
    /** Longest line the multi-line renderings write, to fit a README code block. */
    static final int WIDTH = 110;

    private Ddl() {
    }

    public static String postgresType(ColumnType type) {
        return switch (type) {
            case LONG -> "bigint";
            case INT -> "integer";
            case DOUBLE -> "double precision";
            case TIMESTAMP -> "timestamptz";
            case DATE -> "date";
            case TEXT -> "text";
            case BOOLEAN -> "boolean";
        };
    }

    public static String duckDbType(ColumnType type) {
        return switch (type) {
            case LONG -> "BIGINT";
            case INT -> "INTEGER";
            case DOUBLE -> "DOUBLE";
            case TIMESTAMP -> "TIMESTAMPTZ";
            case DATE -> "DATE";
            case TEXT -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    public static String sparkType(ColumnType type) {
        return switch (type) {
            case LONG -> "BIGINT";
            case INT -> "INT";
            case DOUBLE -> "DOUBLE";
            case TIMESTAMP -> "TIMESTAMP";
            case DATE -> "DATE";
            case TEXT -> "STRING";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    /**
     * {@code CREATE TABLE name (...);} with NOT NULL on every column that is never empty and the table's
     * primary key. PostgreSQL's CSV COPY reads an empty field as NULL, so the constraints hold on load.
     */
    public static String postgresDdl(Table table) {
        List<String> items = new ArrayList<>();
        for (Column c : table.columns()) {
            items.add(c.name() + " " + postgresType(c.type()) + (c.nullable() ? "" : " NOT NULL"));
        }
        // The key on a line of its own: it is what a reader looks for (cells has a three-column one).
        String key = table.primaryKey().isEmpty() ? ""
                : ",\n  PRIMARY KEY (" + String.join(", ", table.primaryKey()) + ")";
        return "CREATE TABLE " + table.name() + " (\n" + wrap(items, "  ", 0) + key + ");";
    }

    /**
     * The {@code {'name': 'TYPE', ...}} struct for DuckDB's {@code read_csv(..., columns = ...)}, laid out to
     * follow {@code "  columns = "} in a read_csv call. read_csv has no NOT NULL: the struct gives types only.
     */
    public static String duckDbColumns(Table table) {
        List<String> items = new ArrayList<>();
        for (Column c : table.columns()) {
            items.add("'" + c.name() + "': '" + duckDbType(c.type()) + "'");
        }
        return "{" + wrap(items, "    ", "  columns = {".length()) + "}";
    }

    /**
     * The DDL string for Spark's {@code DataFrameReader.schema(String)}: names and types. No NOT NULL:
     * Spark reads every column of a CSV file as nullable whatever the schema says.
     */
    public static String sparkDdl(Table table) {
        List<String> items = new ArrayList<>();
        for (Column c : table.columns()) {
            items.add(c.name() + " " + sparkType(c.type()));
        }
        return String.join(", ", items);
    }

    /**
     * The items separated by ", ", broken into lines of at most {@link #WIDTH} characters (the comma
     * included); lines after the first start with {@code indent}, the first with {@code indent} only when
     * {@code firstLineTaken} is 0 (else it continues a line that already holds that many characters).
     */
    private static String wrap(List<String> items, String indent, int firstLineTaken) {
        StringBuilder out = new StringBuilder(firstLineTaken == 0 ? indent : "");
        int lineLength = firstLineTaken == 0 ? indent.length() : firstLineTaken;
        boolean lineEmpty = true;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            int needed = (lineEmpty ? 0 : 1) + item.length() + 1; // a space before, a comma or closing after
            if (!lineEmpty && lineLength + needed > WIDTH) {
                out.append('\n').append(indent);
                lineLength = indent.length();
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
                lineLength++;
            }
            out.append(item);
            lineLength += item.length();
            if (i < items.size() - 1) {
                out.append(',');
                lineLength++;
            }
            lineEmpty = false;
        }
        return out.toString();
    }
}
