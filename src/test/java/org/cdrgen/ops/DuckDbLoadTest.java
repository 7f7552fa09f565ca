package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdrgen.output.EventSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer's view: a drop loads into typed DuckDB tables with exactly the SQL below (the README's), every
 * row parses, and the counts are the manifest's; the Hive-style folders give the `date` column. Identifiers
 * (IMSI, MSISDN, IMEI, MCC, MNC) are text: an MNC such as "01" must keep its leading zero.
 */
class DuckDbLoadTest {
    static final String CREATE_EVENTS = """
            CREATE TABLE events (
              record_id BIGINT, event_type VARCHAR, direction VARCHAR, call_reference BIGINT,
              start_time TIMESTAMPTZ, answer_time TIMESTAMPTZ, end_time TIMESTAMPTZ, duration_s INTEGER,
              served_imsi VARCHAR, served_msisdn VARCHAR, served_imei VARCHAR, other_party_msisdn VARCHAR,
              other_party_on_net BOOLEAN, mcc VARCHAR, mnc VARCHAR, tac INTEGER, cell_id BIGINT, rat_type VARCHAR,
              cause_for_term INTEGER, call_disposition VARCHAR, release_cause INTEGER, sms_status VARCHAR,
              sms_segments INTEGER, apn VARCHAR, bytes_uplink BIGINT, bytes_downlink BIGINT, charging_id BIGINT,
              record_sequence_number INTEGER, roaming BOOLEAN, visited_plmn VARCHAR, recording_entity VARCHAR,
              date DATE)""";

    static final String LOAD_EVENTS = """
            INSERT INTO events
            SELECT * FROM read_csv('DIR/events/*/*.csv', header = true,
              hive_partitioning = true, hive_types = {'date': DATE},
              columns = {'record_id': 'BIGINT', 'event_type': 'VARCHAR', 'direction': 'VARCHAR',
                'call_reference': 'BIGINT', 'start_time': 'TIMESTAMPTZ', 'answer_time': 'TIMESTAMPTZ',
                'end_time': 'TIMESTAMPTZ', 'duration_s': 'INTEGER', 'served_imsi': 'VARCHAR',
                'served_msisdn': 'VARCHAR', 'served_imei': 'VARCHAR', 'other_party_msisdn': 'VARCHAR',
                'other_party_on_net': 'BOOLEAN', 'mcc': 'VARCHAR', 'mnc': 'VARCHAR', 'tac': 'INTEGER',
                'cell_id': 'BIGINT', 'rat_type': 'VARCHAR', 'cause_for_term': 'INTEGER',
                'call_disposition': 'VARCHAR', 'release_cause': 'INTEGER', 'sms_status': 'VARCHAR',
                'sms_segments': 'INTEGER', 'apn': 'VARCHAR', 'bytes_uplink': 'BIGINT', 'bytes_downlink': 'BIGINT',
                'charging_id': 'BIGINT', 'record_sequence_number': 'INTEGER', 'roaming': 'BOOLEAN',
                'visited_plmn': 'VARCHAR', 'recording_entity': 'VARCHAR'})""";

    static final String CREATE_SUBSCRIBERS = """
            CREATE TABLE subscribers (
              subscriber_id BIGINT, served_imsi VARCHAR, served_msisdn VARCHAR, served_imei VARCHAR, plan VARCHAR,
              activation_date DATE, home_cell_id BIGINT, work_cell_id BIGINT, device_rat VARCHAR)""";

    static final String LOAD_SUBSCRIBERS = """
            INSERT INTO subscribers
            SELECT * FROM read_csv('DIR/subscribers*.csv', header = true,
              columns = {'subscriber_id': 'BIGINT', 'served_imsi': 'VARCHAR', 'served_msisdn': 'VARCHAR',
                'served_imei': 'VARCHAR', 'plan': 'VARCHAR', 'activation_date': 'DATE', 'home_cell_id': 'BIGINT',
                'work_cell_id': 'BIGINT', 'device_rat': 'VARCHAR'})""";

    static final String CREATE_CELLS = """
            CREATE TABLE cells (
              cell_id BIGINT, mcc VARCHAR, mnc VARCHAR, tac INTEGER, rat_type VARCHAR,
              latitude DOUBLE, longitude DOUBLE, azimuth_deg INTEGER)""";

    static final String LOAD_CELLS = """
            INSERT INTO cells
            SELECT * FROM read_csv('DIR/cells.csv', header = true,
              columns = {'cell_id': 'BIGINT', 'mcc': 'VARCHAR', 'mnc': 'VARCHAR', 'tac': 'INTEGER',
                'rat_type': 'VARCHAR', 'latitude': 'DOUBLE', 'longitude': 'DOUBLE', 'azimuth_deg': 'INTEGER'})""";

    @TempDir
    static Path tmp;
    static Path drop;
    static JsonNode manifest;

    @BeforeAll
    static void generate() {
        drop = tmp.resolve("drop");
        // ~2 MB a day at 512 KiB per part: several parts per day to add up.
        OpsCli.generate(drop, 500, 2, "--max-file-size", "512KiB");
        manifest = OpsDrops.manifest(drop);
    }

    static String sql(String template) {
        return template.replace("DIR", drop.toString().replace('\\', '/').replace("'", "''"));
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    static List<String> columnsOf(Statement s, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static Map<String, Long> manifestRows() {
        Map<String, Long> rows = new TreeMap<>();
        manifest.get("files").forEach(f -> rows.put(f.get("path").asText(), f.get("rows").asLong()));
        return rows;
    }

    @Test
    void eventsLoadIntoATypedTableWithTheManifestsCounts() throws SQLException {
        TreeMap<String, Long> manifestPerDay = new TreeMap<>();
        manifestRows().forEach((path, rows) -> {
            if (path.startsWith("events/date=")) {
                manifestPerDay.merge(path.substring("events/date=".length(), path.lastIndexOf('/')), rows, Long::sum);
            }
        });
        assertEquals(2, manifestPerDay.size());

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(CREATE_EVENTS);
            List<String> expectedColumns = new ArrayList<>(EventSchema.COLUMNS);
            expectedColumns.add("date");
            assertEquals(expectedColumns, columnsOf(s, "events"), "the table has the schema's columns, then date");
            List<String> read = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE " + sql(LOAD_EVENTS).substring("INSERT INTO events".length()))) {
                while (rs.next()) {
                    read.add(rs.getString("column_name") + " " + rs.getString("column_type"));
                }
            }
            List<String> declared = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                    + " WHERE table_name = 'events' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    declared.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertEquals(declared, read, "read_csv's columns = {...} vs the table");
            s.execute(sql(LOAD_EVENTS));

            long total = count(s, "SELECT count(*) FROM events");
            assertEquals(manifest.get("event_rows").asLong(), total, "rows loaded vs manifest event_rows");
            TreeMap<String, Long> perDay = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT date, count(*) FROM events GROUP BY date ORDER BY date")) {
                while (rs.next()) {
                    perDay.put(rs.getString(1), rs.getLong(2));
                }
            }
            assertEquals(manifestPerDay, perDay, "rows per day (the Hive `date` column) vs the manifest's files");

            // The types really parsed: a start time on its folder's day, 15-digit identifiers, unique ids.
            assertEquals(0, count(s, "SELECT count(*) FROM events WHERE start_time IS NULL"
                    + " OR CAST(timezone('UTC', start_time) AS DATE) <> date"));
            assertEquals(0, count(s, "SELECT count(*) FROM events WHERE length(served_imsi) <> 15"
                    + " OR length(served_imei) <> 15 OR length(mcc) <> 3 OR length(mnc) NOT IN (2, 3)"));
            assertEquals(total, count(s, "SELECT count(DISTINCT record_id) FROM events"), "record_id is unique");
            assertTrue(count(s, "SELECT count(*) FROM events WHERE event_type = 'DATA' AND bytes_downlink > 0") > 0);

            // Joining to cells: cell_id alone repeats across RATs (co-sited GERAN and UTRAN cells share a CI),
            // so the key is (rat_type, cell_id). Every event in the home network finds its cell.
            s.execute(CREATE_CELLS);
            s.execute(sql(LOAD_CELLS));
            assertEquals(count(s, "SELECT count(*) FROM cells"),
                    count(s, "SELECT count(*) FROM (SELECT DISTINCT rat_type, cell_id FROM cells)"), "(rat_type, cell_id) is a key");
            assertEquals(0, count(s, "SELECT count(*) FROM events e WHERE NOT roaming AND NOT EXISTS (SELECT 1 FROM cells c"
                    + " WHERE c.rat_type = e.rat_type AND c.cell_id = e.cell_id AND c.tac = e.tac)"));
        }
    }

    @Test
    void subscribersAndCellsLoadIntoTypedTables() throws SQLException {
        Map<String, Long> rows = manifestRows();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(CREATE_SUBSCRIBERS);
            assertEquals(EventSchema.SUBSCRIBER_COLUMNS, columnsOf(s, "subscribers"));
            s.execute(sql(LOAD_SUBSCRIBERS));
            s.execute(CREATE_CELLS);
            assertEquals(EventSchema.CELL_COLUMNS, columnsOf(s, "cells"));
            s.execute(sql(LOAD_CELLS));

            assertEquals(rows.get("subscribers.csv"), count(s, "SELECT count(*) FROM subscribers"));
            assertEquals(500, count(s, "SELECT count(DISTINCT subscriber_id) FROM subscribers"));
            assertEquals(rows.get("cells.csv"), count(s, "SELECT count(*) FROM cells"));
            assertEquals(0, count(s, "SELECT count(*) FROM subscribers WHERE home_cell_id NOT IN (SELECT cell_id FROM cells)"),
                    "every home cell is listed in cells.csv");
        }
    }

    @Test
    void theHeaderRowsAreTheColumnsTheSqlNames() {
        for (String f : OpsDrops.files(drop)) {
            if (f.endsWith(".csv")) {
                String header = new String(OpsDrops.plain(drop.resolve(f))).lines().findFirst().orElseThrow();
                List<String> columns = f.startsWith("events/") ? EventSchema.COLUMNS
                        : f.startsWith("subscribers") ? EventSchema.SUBSCRIBER_COLUMNS : EventSchema.CELL_COLUMNS;
                assertEquals(String.join(",", columns), header, f);
            }
        }
    }
}
