package org.cdrgen.schema;

import java.util.Objects;

/**
 * One column of a CSV file.
 *
 * @param name     the header field; lower-case snake case, so it needs quoting neither in CSV nor in SQL
 * @param type     what the field holds
 * @param nullable whether the field may be empty (SQL NULL) on some rows
 * @param meaning  one short sentence; docs/schema.md says more
 */
public record Column(String name, ColumnType type, boolean nullable, String meaning) {
    public Column {
        Objects.requireNonNull(type, "type");
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be lower-case snake case: " + name);
        }
        if (meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException("column " + name + " has no meaning");
        }
    }

    /** A column filled on every row. */
    public static Column required(String name, ColumnType type, String meaning) {
        return new Column(name, type, false, meaning);
    }

    /** A column that is empty on rows it does not apply to. */
    public static Column optional(String name, ColumnType type, String meaning) {
        return new Column(name, type, true, meaning);
    }
}
