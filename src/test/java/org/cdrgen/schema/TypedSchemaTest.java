package org.cdrgen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The typed schema on its own: a leaf package, sound tables, text identifiers, renderings that fit. */
class TypedSchemaTest {
    static final Path PACKAGE = Path.of("src", "main", "java", "org", "cdrgen", "schema");

    /** Every other package may use the schema, so it may use none of them. */
    @Test
    void thePackageImportsNoOtherCdrgenPackage() throws IOException {
        List<String> imports = new ArrayList<>();
        try (Stream<Path> files = Files.list(PACKAGE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.matches("import (static )?org\\.cdrgen\\..*") && !line.matches(
                            "import (static )?org\\.cdrgen\\.schema\\..*")) {
                        imports.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), imports);
    }

    /** Digits that identify something keep their leading zeros only as text. */
    @Test
    void identifiersAreText() {
        for (Table table : Schema.TABLES) {
            for (String name : List.of("served_imsi", "served_msisdn", "served_imei", "other_party_msisdn", "mcc",
                    "mnc", "visited_plmn")) {
                table.find(name).ifPresent(c -> assertEquals(ColumnType.TEXT, c.type(), table.name() + "." + name));
            }
        }
        assertTrue(Schema.EVENTS.find("served_imsi").isPresent());
        assertTrue(Schema.CELLS.find("mnc").isPresent());
    }

    @Test
    void keysAreTheDocumentedOnes() {
        assertEquals(List.of("record_id"), Schema.EVENTS.primaryKey());
        assertEquals(List.of("subscriber_id", "valid_from"), Schema.SUBSCRIBERS.primaryKey());
        // GERAN/UTRAN cell ids repeat in other location areas: cell_id alone is no key.
        assertEquals(List.of("rat_type", "tac", "cell_id"), Schema.CELLS.primaryKey());
    }

    @Test
    void aTableRefusesWhatWouldMakeABadSchema() {
        Column id = Column.required("id", ColumnType.LONG, "the key");
        Column note = Column.optional("note", ColumnType.TEXT, "may be empty");
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of(id, id), List.of("id")));
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of(id, note), List.of("note")));
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of(id), List.of("other")));
        assertThrows(IllegalArgumentException.class, () -> Column.required("Bad Name", ColumnType.TEXT, "x"));
        assertThrows(IllegalArgumentException.class, () -> Column.required("x", ColumnType.TEXT, " "));
        assertThrows(IllegalArgumentException.class, () -> Schema.EVENTS.column("no_such_column"));
    }

    @Test
    void renderingsNameEveryColumnInOrderAndFitACodeBlock() {
        for (Table table : Schema.TABLES) {
            String postgres = Ddl.postgresDdl(table);
            String duckDb = "  columns = " + Ddl.duckDbColumns(table);
            for (String rendering : List.of(postgres, duckDb)) {
                rendering.lines().forEach(line -> assertTrue(line.length() <= Ddl.WIDTH + 2, line));
            }
            assertTrue(postgres.startsWith("CREATE TABLE " + table.name() + " (\n"), postgres);
            assertTrue(postgres.endsWith("PRIMARY KEY (" + String.join(", ", table.primaryKey()) + "));"), postgres);
            String spark = Ddl.sparkDdl(table);
            assertFalse(spark.contains("\n"), "a Spark DDL string is one line");
            List<String> sparkNames = Stream.of(spark.split(", ")).map(item -> item.split(" ")[0]).toList();
            assertEquals(table.columnNames(), sparkNames);
            int previous = -1;
            for (Column c : table.columns()) {
                String declared = c.name() + " " + Ddl.postgresType(c.type()) + (c.nullable() ? "," : " NOT NULL");
                int at = postgres.replace("\n", " ").indexOf(" " + declared);
                assertTrue(at > previous, table.name() + ": '" + declared + "' in order in\n" + postgres);
                previous = at;
                assertTrue(duckDb.contains("'" + c.name() + "': '" + Ddl.duckDbType(c.type()) + "'"), c.name());
            }
        }
    }
}
