package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cdrgen.schema.Ddl;
import org.cdrgen.schema.Schema;
import org.cdrgen.schema.Table;
import org.junit.jupiter.api.Test;

/**
 * The README's "Reading a drop" statements are what the typed {@link Schema} renders ({@link Ddl}): the
 * PostgreSQL CREATE TABLEs (names, order, types, NOT NULL, keys), the DuckDB {@code columns = {...}} structs
 * and the Spark {@code .schema("...")} string. Line breaks and indentation do not count, so the README may
 * wrap them as it likes; anything else that differs fails, with the text to paste in the message.
 */
public class ReadmeDdlTest {
    static final Path README = Path.of("README.md");
    static final String SECTION = "## Reading a drop";

    private static final Pattern POSTGRES_TABLE = Pattern.compile("CREATE TABLE (\\w+) \\(.*?\\);", Pattern.DOTALL);
    private static final Pattern DUCKDB_TABLE = Pattern.compile(
            "CREATE TABLE (\\w+) AS\\s+SELECT \\* FROM read_csv\\(.*?columns = (\\{[^}]*\\})\\);", Pattern.DOTALL);
    private static final Pattern SPARK_SCHEMA = Pattern.compile("\\.schema\\(\"([^\"]*)\"\\)");

    @Test
    void postgresTablesAreTheSchemas() {
        Map<String, String> tables = byTable(POSTGRES_TABLE, codeBlockAfter("PostgreSQL"), m -> m.group());
        assertEquals(List.of("events", "subscribers", "cells"), List.copyOf(tables.keySet()),
                "the README's PostgreSQL CREATE TABLEs");
        tables.forEach((name, statement) -> assertRendered(Ddl.postgresDdl(table(name)), statement,
                "PostgreSQL CREATE TABLE " + name));
    }

    @Test
    void duckDbColumnsAreTheSchemas() {
        Map<String, String> tables = byTable(DUCKDB_TABLE, codeBlockAfter("DuckDB"), m -> m.group(2));
        assertEquals(List.of("events", "subscribers", "cells"), List.copyOf(tables.keySet()),
                "the README's DuckDB CREATE TABLE ... AS SELECT * FROM read_csv(...)");
        tables.forEach((name, columns) -> assertRendered(Ddl.duckDbColumns(table(name)), columns,
                "DuckDB read_csv columns of " + name));
    }

    @Test
    void sparkSchemaIsTheSchemas() {
        Matcher m = SPARK_SCHEMA.matcher(codeBlockAfter("Spark"));
        assertTrue(m.find(), "the README's Spark block has no .schema(\"...\")");
        assertRendered(Ddl.sparkDdl(Schema.EVENTS), m.group(1), "Spark .schema(...) of events");
    }

    /** The README holds what the schema renders, up to layout; the message shows what to paste. */
    private static void assertRendered(String rendered, String inReadme, String what) {
        String expected = layoutFree(rendered);
        String actual = layoutFree(inReadme);
        if (!expected.equals(actual)) {
            assertEquals(expected, actual, "README.md, '" + SECTION + "': " + what + " is not what the schema"
                    + " renders (" + firstDifference(expected, actual) + "), which is:\n" + rendered + "\n");
        }
    }

    /** The first item, in a comma-separated list, where the two texts part. */
    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split(", ");
        String[] have = actual.split(", ");
        for (int i = 0; i < Math.min(want.length, have.length); i++) {
            if (!want[i].equals(have[i])) {
                return "schema: '" + want[i] + "', README: '" + have[i] + "'";
            }
        }
        return want.length > have.length ? "the README lacks '" + want[have.length] + "'"
                : "the README adds '" + have[want.length] + "'";
    }

    /** Runs of white space (line breaks, indentation) as one space. */
    private static String layoutFree(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static Table table(String name) {
        return Schema.TABLES.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the README creates a table '" + name + "' the schema lacks"));
    }

    /** Each match of the pattern, whose group 1 is a table name, by that name, in README order. */
    private static Map<String, String> byTable(Pattern pattern, String block, Function<Matcher, String> part) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = pattern.matcher(block);
        while (m.find()) {
            found.put(m.group(1), part.apply(m));
        }
        return found;
    }

    /**
     * The body of the first fenced code block after the first line of the README's "Reading a drop" section
     * that starts with {@code label} (e.g. "DuckDB"). Other tests run these statements.
     */
    public static String codeBlockAfter(String label) {
        List<String> lines = readingADrop();
        int line = 0;
        while (line < lines.size() && !lines.get(line).startsWith(label)) {
            line++;
        }
        assertTrue(line < lines.size(), "README.md, '" + SECTION + "': no paragraph starts with '" + label + "'");
        while (line < lines.size() && !lines.get(line).startsWith("```")) {
            line++;
        }
        assertTrue(line < lines.size(), "README.md, '" + SECTION + "': no code block after '" + label + "'");
        StringBuilder body = new StringBuilder();
        for (line++; line < lines.size() && !lines.get(line).startsWith("```"); line++) {
            body.append(lines.get(line)).append('\n');
        }
        assertTrue(line < lines.size(), "README.md, '" + SECTION + "': the code block after '" + label
                + "' is not closed");
        return body.toString();
    }

    /** The lines of the section, its heading excluded, up to the next "## " heading. */
    private static List<String> readingADrop() {
        List<String> lines;
        try {
            lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(SECTION);
        assertTrue(start >= 0, "README.md has no line '" + SECTION + "'");
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }
}
