package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.output.EventSchema;
import org.cdrgen.schema.ColumnType;
import org.cdrgen.schema.Schema;
import org.cdrgen.schema.Table;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.cdrgen.testing.Drops.Csv;
import org.cdrgen.testing.Drops.Violations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/schema.md describes the typed schema ({@link Schema}): its column tables must give exactly the
 * schema's columns, in order, with their types and whether they may be empty; they must name the columns the
 * code writes in its headers; and a column it calls never empty must not be empty in a generated drop. So
 * the document cannot drift from the code unnoticed.
 */
class SchemaDocTest {
    static final Path SCHEMA_DOC = Path.of("docs", "schema.md");

    /** Section heading of each file's column table in docs/schema.md, and the table of the schema it describes. */
    static final Map<String, Table> TABLES = Map.of(
            "## events", Schema.EVENTS,
            "## subscribers.csv", Schema.SUBSCRIBERS,
            "## cells.csv", Schema.CELLS);

    /**
     * The document's type words (its "Types used below" table) and the schema type each stands for. The
     * document is finer than the schema: identifiers ("digits"), enumeration words and free text all load
     * as text.
     */
    static final Map<String, ColumnType> DOC_TYPES = Map.of(
            "int64", ColumnType.LONG,
            "int32", ColumnType.INT,
            "decimal", ColumnType.DOUBLE,
            "boolean", ColumnType.BOOLEAN,
            "timestamp", ColumnType.TIMESTAMP,
            "date", ColumnType.DATE,
            "digits", ColumnType.TEXT,
            "enum", ColumnType.TEXT,
            "text", ColumnType.TEXT);

    @TempDir
    static Path tmp;
    static Path drop;
    static List<String> doc;

    @BeforeAll
    static void readDocAndGenerate() throws IOException {
        doc = Files.readAllLines(SCHEMA_DOC, StandardCharsets.UTF_8);
        drop = tmp.resolve("drop");
        Cli.ok("--subscribers", "20", "--days", "1", "--seed", "1", "--start-date", "2026-03-02", "--quiet",
                "--output-dir", drop.toString());
    }

    /** One row of a column table: the column's name, its type word and its "empty" cell. */
    record DocumentedColumn(String name, String type, String empty) {
        boolean neverEmpty() {
            return empty.equals("no");
        }

        /** The row as "name TYPE" plus " nullable" when it may be empty, to compare with the schema's. */
        String typed() {
            ColumnType columnType = DOC_TYPES.get(type);
            assertTrue(columnType != null, "docs/schema.md: " + name + " has type '" + type + "', which is none of "
                    + DOC_TYPES.keySet() + " (add it to the types table and to SchemaDocTest.DOC_TYPES)");
            return describe(name, columnType, !neverEmpty());
        }
    }

    private static String describe(String name, ColumnType type, boolean nullable) {
        return name + " " + type + (nullable ? " nullable" : "");
    }

    @Test
    void documentedColumnsAreTheTypedSchema() {
        TABLES.forEach((heading, table) -> {
            List<String> documented = columnTable(heading).stream().map(DocumentedColumn::typed).toList();
            List<String> schema = table.columns().stream()
                    .map(c -> describe(c.name(), c.type(), c.nullable())).toList();
            String where = "docs/schema.md, table under '" + heading + "' vs Schema."
                    + table.name().toUpperCase(Locale.ROOT) + " (name, type, may be empty)";
            for (int i = 0; i < Math.min(schema.size(), documented.size()); i++) {
                assertEquals(schema.get(i), documented.get(i), where + ", row " + (i + 1));
            }
            assertEquals(schema, documented, where);
        });
    }

    /** Every type word the document explains is one the test maps, and the other way round. */
    @Test
    void documentedTypeWordsAreTheMappedOnes() {
        int start = doc.indexOf("Types used below:");
        assertTrue(start >= 0, "docs/schema.md has no line 'Types used below:'");
        int line = start + 1;
        while (!doc.get(line).startsWith("|")) {
            line++;
        }
        assertEquals(List.of("type", "written as"), cells(doc.get(line)), "header of the types table");
        List<String> words = new ArrayList<>();
        for (line += 2; line < doc.size() && doc.get(line).startsWith("|"); line++) {
            words.add(cells(doc.get(line)).get(0));
        }
        assertEquals(new TreeSet<>(DOC_TYPES.keySet()), new TreeSet<>(words),
                "type words of docs/schema.md vs SchemaDocTest.DOC_TYPES");
    }

    @Test
    void documentedVersionIsTheSchemas() {
        assertEquals("# cdrgen output schema, version " + Schema.SCHEMA_VERSION, doc.get(0));
    }

    @Test
    void documentedColumnsAreTheHeadersTheCodeWrites() {
        TABLES.forEach((heading, table) -> {
            List<String> header = Arrays.asList(headerText(table).split(",", -1));
            assertEquals(header, names(columnTable(heading)), "docs/schema.md, table under '" + heading + "'");
        });
    }

    @Test
    void documentedColumnsAreTheHeadersOfAGeneratedDrop() throws IOException {
        Path events = Drops.eventFilesByDay(drop).firstEntry().getValue().get(0);
        Map<Path, String> headingOfFile = Map.of(
                events, "## events",
                drop.resolve("subscribers.csv"), "## subscribers.csv",
                drop.resolve("cells.csv"), "## cells.csv");
        for (Map.Entry<Path, String> file : headingOfFile.entrySet()) {
            String firstLine = Files.readAllLines(file.getKey(), StandardCharsets.UTF_8).get(0);
            assertEquals(String.join(",", names(columnTable(file.getValue()))), firstLine,
                    file.getKey() + ": header vs docs/schema.md");
        }
    }

    /** The "empty" column's "no" is a promise: no row of a generated drop has that field empty. */
    @Test
    void columnsDocumentedAsNeverEmptyAreFilledInAGeneratedDrop() {
        List<Csv> eventFiles = new ArrayList<>();
        Drops.eventFilesByDay(drop).values().forEach(parts -> parts.forEach(p -> eventFiles.add(Drops.readCsv(p))));
        Violations v = new Violations("columns docs/schema.md says are never empty");
        checkNeverEmpty(columnTable("## events"), eventFiles, v);
        checkNeverEmpty(columnTable("## subscribers.csv"), List.of(Drops.readCsv(drop.resolve("subscribers.csv"))), v);
        checkNeverEmpty(columnTable("## cells.csv"), List.of(Drops.readCsv(drop.resolve("cells.csv"))), v);
        v.assertNone();
    }

    private static void checkNeverEmpty(List<DocumentedColumn> table, List<Csv> files, Violations v) {
        for (Csv csv : files) {
            assertFalse(csv.records().isEmpty(), csv.file() + " has no rows: nothing would be checked");
            for (DocumentedColumn column : table) {
                if (!column.neverEmpty()) {
                    continue;
                }
                int index = csv.column(column.name());
                for (CSVRecord r : csv.records()) {
                    v.check(!r.get(index).isEmpty(), () -> csv.file() + ":" + r.getRecordNumber() + ": "
                            + column.name() + " is empty");
                }
            }
        }
    }

    /** The header line the code writes for this table, without its line end. */
    private static String headerText(Table table) {
        String line = new String(EventSchema.headerLine(table.columnNames()), StandardCharsets.US_ASCII);
        assertTrue(line.endsWith("\n"), "header line ends with \\n");
        return line.substring(0, line.length() - 1);
    }

    private static List<String> names(List<DocumentedColumn> table) {
        return table.stream().map(DocumentedColumn::name).toList();
    }

    /**
     * The first Markdown table of the section that starts with the heading line {@code heading} (the section
     * ends at the next heading of the same or a higher level). Its header must read "column | type | empty |
     * meaning"; each data row gives a column's name (in backticks or plain), its type and whether it can be
     * empty.
     */
    static List<DocumentedColumn> columnTable(String heading) {
        int start = doc.indexOf(heading);
        assertTrue(start >= 0, "docs/schema.md has no heading line '" + heading + "'");
        int level = heading.indexOf(' ');
        int line = start + 1;
        while (line < doc.size() && !doc.get(line).startsWith("|") && !startsSection(doc.get(line), level)) {
            line++;
        }
        assertTrue(line < doc.size() && doc.get(line).startsWith("|"), "no table under '" + heading + "'");
        assertEquals(List.of("column", "type", "empty", "meaning"), cells(doc.get(line)),
                "header of the table under '" + heading + "'");
        assertTrue(line + 1 < doc.size() && doc.get(line + 1).matches("\\|(\\s*:?-+:?\\s*\\|)+"),
                "the table under '" + heading + "' has no |---| line");
        List<DocumentedColumn> columns = new ArrayList<>();
        for (line += 2; line < doc.size() && doc.get(line).startsWith("|"); line++) {
            List<String> cells = cells(doc.get(line));
            String name = cells.get(0).replace("`", "").trim();
            assertFalse(name.isEmpty(), "docs/schema.md line " + (line + 1) + ": no column name");
            String type = cells.size() > 1 ? cells.get(1) : "";
            String empty = cells.size() > 2 ? cells.get(2) : "";
            assertTrue(empty.equals("no") || empty.startsWith("yes"), "docs/schema.md line " + (line + 1)
                    + ": the 'empty' cell of " + name + " must be 'no' or 'yes: when', not '" + empty + "'");
            columns.add(new DocumentedColumn(name, type, empty));
        }
        return columns;
    }

    /** Whether the line is a heading of at most {@code level} '#'s: "# x" and "## x" end a "## " section, "### x" does not. */
    private static boolean startsSection(String line, int level) {
        int hashes = 0;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes > 0 && hashes <= level && line.startsWith(" ", hashes);
    }

    /** The cells of a Markdown table row, trimmed; "\|" inside a cell is a literal bar, not a separator. */
    private static List<String> cells(String row) {
        String inner = row.trim();
        inner = inner.substring(1, inner.endsWith("|") && !inner.endsWith("\\|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
