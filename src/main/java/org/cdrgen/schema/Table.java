package org.cdrgen.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One CSV file's columns, in the order the header lists them, and the columns that identify a row.
 *
 * @param name       the table's name in SQL (events, subscribers, cells)
 * @param columns    in header order
 * @param primaryKey names of the columns that together identify a row; none of them may be nullable
 */
public record Table(String name, List<Column> columns, List<String> primaryKey) {
    public Table {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        Set<String> names = new HashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(name + " has two columns named " + c.name());
            }
        }
        for (String key : primaryKey) {
            Column c = columns.stream().filter(x -> x.name().equals(key)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException(name + ": key column " + key + " is not a column"));
            if (c.nullable()) {
                throw new IllegalArgumentException(name + ": key column " + key + " is nullable");
            }
        }
    }

    /** The header fields, in order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The column of this name, if the table has one. */
    public Optional<Column> find(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The column of this name; for names the caller knows, so a missing one is a programming error. */
    public Column column(String columnName) {
        return find(columnName).orElseThrow(
                () -> new IllegalArgumentException(name + " has no column '" + columnName + "'"));
    }
}
