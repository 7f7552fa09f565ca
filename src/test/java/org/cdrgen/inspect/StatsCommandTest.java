package org.cdrgen.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cdrgen.cli.BadInputException;
import org.cdrgen.cli.StatsCommand;
import org.cdrgen.output.EventSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The stats subcommand on its own: formats, and bad input as BadInputException (exit 2 in cdrgen). */
class StatsCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private Exception failure;

    /** Runs the command as the lead's handler would: a BadInputException becomes exit code 2. */
    private int run(String... args) {
        CommandLine cl = new CommandLine(new StatsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            failure = ex;
            return ex instanceof BadInputException ? 2 : 1;
        });
        return cl.execute(args);
    }

    @Test
    void printsTextByDefaultAndJsonOnRequest() throws Exception {
        Path drop = DropStatisticsTest.sample(tmp.resolve("drop")).write();
        assertEquals(0, run(drop.toString()));
        String text = out.toString();
        assertTrue(text.startsWith("cdrgen stats: " + drop), text);
        for (String section : new String[] {"Rows by event type and direction", "Per subscriber-day",
            "Hourly profile", "Voice calls", "On-net calls and SMS", "Contacts", "Cells", "Data", "Roaming",
            "Devices"}) {
            assertTrue(text.contains("\n" + section), section);
        }

        out.getBuffer().setLength(0);
        assertEquals(0, run("--format", "json", drop.toString()));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(1, json.at("/rows/VOICE MO").asLong());
        assertEquals(2, json.at("/overview/subscribers").asInt());
        assertEquals(1.0, json.at("/on_net/VOICE/matched_share").asDouble());
        assertEquals(24, json.at("/hourly_share_utc/DATA").size());
        assertTrue(json.at("/roaming/row_share_by_service").has("VOICE"));
        assertTrue(json.at("/voice/answered_duration_weekend/median").isNull(), "no weekend call: null, not NaN");
    }

    @Test
    void missingDirectoryIsBadInput() {
        assertEquals(2, run(tmp.resolve("absent").toString()));
        assertInstanceOf(BadInputException.class, failure);
        assertEquals(tmp.resolve("absent") + " does not exist", failure.getMessage());
    }

    @Test
    void directoryWithoutEventFilesIsBadInput() throws Exception {
        Files.createDirectories(tmp.resolve("events/date=2026-03-02"));
        Files.writeString(tmp.resolve("events/date=2026-03-02/notes.txt"), "x");
        assertEquals(2, run(tmp.toString()));
        assertInstanceOf(BadInputException.class, failure);
        assertTrue(failure.getMessage().contains("has no event files"), failure.getMessage());
    }

    @Test
    void fileWithoutASchemaColumnIsBadInput() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("events/date=2026-03-02"));
        Files.writeString(dir.resolve("part-00000.csv"), "record_id,event_type\n1,VOICE\n");
        assertEquals(2, run(tmp.toString()));
        assertInstanceOf(BadInputException.class, failure);
        assertTrue(failure.getMessage().endsWith("has no column 'direction' (not an event file of schema " + org.cdrgen.schema.Schema.SCHEMA_VERSION + ")"),
                failure.getMessage());
    }

    @Test
    void malformedNumberNamesFileRecordAndColumn() throws Exception {
        DropFixture fx = new DropFixture(tmp);
        fx.voice("MO", DropFixture.A, "2026-03-02T10:00:00.000Z").other(DropFixture.X).answered(5)
                .set("duration_s", "abc");
        fx.write();
        assertEquals(2, run(tmp.toString()));
        assertInstanceOf(BadInputException.class, failure);
        assertEquals(tmp.resolve("events/date=2026-03-02/part-00000.csv")
                + ", record 1: duration_s 'abc' is not an integer", failure.getMessage());
    }

    @Test
    void unterminatedQuoteIsBadInput() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("events/date=2026-03-02"));
        String header = new String(EventSchema.headerLine(EventSchema.COLUMNS), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("part-00000.csv"), header + "1,\"VOICE,MO\n");
        assertEquals(2, run(tmp.toString()));
        assertInstanceOf(BadInputException.class, failure);
        assertTrue(failure.getMessage().startsWith("cannot read " + dir.resolve("part-00000.csv")),
                failure.getMessage());
    }

    @Test
    void unknownFormatIsAUsageError() throws Exception {
        Path drop = DropStatisticsTest.sample(tmp.resolve("drop")).write();
        assertEquals(CommandLine.ExitCode.USAGE, run("--format", "xml", drop.toString()));
    }
}
