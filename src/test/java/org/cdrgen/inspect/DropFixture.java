package org.cdrgen.inspect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.cdrgen.output.EventSchema;

/**
 * Writes small hand-made drops in the schema's layout: each event goes to events/date=D/part-00000.csv,
 * D being the UTC date of its start_time, under the exact header of {@link EventSchema}.
 */
final class DropFixture {
    static final String A = "234150000000001";
    static final String B = "234150000000002";
    static final String C = "234150000000003";
    static final String X = "447000000101";
    static final String Y = "447000000102";
    static final String Z = "447000000103";
    static final String W = "447000000104";
    static final String V = "447000000105";

    private final Path root;
    private final Map<String, List<Event>> days = new TreeMap<>();
    private long nextRecordId = 1;

    DropFixture(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The MSISDN the fixture gives an IMSI: 44 7 and its last 9 digits. */
    static String msisdn(String imsi) {
        return "447" + imsi.substring(imsi.length() - 9);
    }

    Event voice(String direction, String imsi, String start) {
        return add(new Event("VOICE", direction, imsi, start));
    }

    Event sms(String direction, String imsi, String start) {
        return add(new Event("SMS", direction, imsi, start)).set("sms_status", "DELIVERED").set("sms_segments", "1");
    }

    Event data(String imsi, String start, long chargingId, int sequence, long uplink, long downlink, int cause) {
        return add(new Event("DATA", "MO", imsi, start)).set("charging_id", Long.toString(chargingId))
                .set("record_sequence_number", Integer.toString(sequence)).set("bytes_uplink", Long.toString(uplink))
                .set("bytes_downlink", Long.toString(downlink)).set("cause_for_term", Integer.toString(cause))
                .set("apn", "internet").set("recording_entity", "PGW01");
    }

    private Event add(Event e) {
        e.set("record_id", Long.toString(nextRecordId++));
        days.computeIfAbsent(e.values.get("start_time").substring(0, 10), d -> new ArrayList<>()).add(e);
        return e;
    }

    /** Writes subscribers.csv with these IMSIs (other columns filled in). */
    DropFixture subscribers(String... imsis) throws IOException {
        return subscriberFile("subscribers.csv", imsis);
    }

    /** Writes a subscribers file of this name (compressed by its suffix) with these IMSIs. */
    DropFixture subscriberFile(String name, String... imsis) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", EventSchema.SUBSCRIBER_COLUMNS)).append('\n');
        for (int i = 0; i < imsis.length; i++) {
            sb.append(i).append(",0,2024-01-01,,ACTIVATION,,").append(imsis[i]).append(',').append(msisdn(imsis[i])).append(",35325811000000")
                    .append(i).append(",POSTPAID,2024-01-01,2050,,NR,NR,1,,\n");
        }
        Files.createDirectories(root);
        try (OutputStream out = compress(name.substring(name.indexOf(".csv")),
                Files.newOutputStream(root.resolve(name)))) {
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return this;
    }

    Path write() throws IOException {
        return write(".csv");
    }

    /** Writes the event files as part-00000{suffix}: .csv, .csv.gz or .csv.zst (zstd-jni, found by reflection). */
    Path write(String suffix) throws IOException {
        for (Map.Entry<String, List<Event>> day : days.entrySet()) {
            Path dir = root.resolve("events/date=" + day.getKey());
            Files.createDirectories(dir);
            StringBuilder sb = new StringBuilder(String.join(",", EventSchema.COLUMNS)).append('\n');
            for (Event e : day.getValue()) {
                List<String> fields = new ArrayList<>();
                for (String column : EventSchema.COLUMNS) {
                    fields.add(e.values.getOrDefault(column, ""));
                }
                sb.append(String.join(",", fields)).append('\n');
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
            Path file = dir.resolve("part-00000" + suffix);
            try (OutputStream out = compress(suffix, Files.newOutputStream(file))) {
                out.write(bytes);
            }
        }
        return root;
    }

    private static OutputStream compress(String suffix, OutputStream out) throws IOException {
        switch (suffix) {
            case ".csv":
                return out;
            case ".csv.gz":
                return new GZIPOutputStream(out);
            case ".csv.zst":
                try {
                    return (OutputStream) Class.forName("com.github.luben.zstd.ZstdOutputStream")
                            .getConstructor(OutputStream.class).newInstance(out);
                } catch (ReflectiveOperationException e) {
                    throw new IOException(e);
                }
            default:
                throw new IllegalArgumentException(suffix);
        }
    }

    static boolean zstdAvailable() {
        try {
            Class.forName("com.github.luben.zstd.ZstdInputStream");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** One event row; fields not set stay empty. */
    static final class Event {
        final Map<String, String> values = new LinkedHashMap<>();

        private Event(String type, String direction, String imsi, String start) {
            set("event_type", type).set("direction", direction).set("start_time", start).set("served_imsi", imsi)
                    .set("served_msisdn", msisdn(imsi)).set("served_imei", "353258110000001").set("mcc", "234")
                    .set("mnc", "15").set("tac", "1").set("cell_id", "2050").set("rat_type", "EUTRAN")
                    .set("roaming", "false").set("duration_s", "0").set("cause_for_term", "0");
            if (!type.equals("DATA")) {
                set("recording_entity", "MSC001");
            }
        }

        Event set(String column, String value) {
            if (!EventSchema.COLUMNS.contains(column)) {
                throw new IllegalArgumentException(column);
            }
            values.put(column, value);
            return this;
        }

        /** An off-net party unless {@link #onNet} follows. */
        Event other(String msisdn) {
            return set("other_party_msisdn", msisdn).set("other_party_on_net", "false");
        }

        Event onNet(String otherImsi, long callReference) {
            return set("other_party_msisdn", msisdn(otherImsi)).set("other_party_on_net", "true")
                    .set("call_reference", Long.toString(callReference));
        }

        Event answered(int durationS) {
            return set("call_disposition", "ANSWERED").set("release_cause", "16").set("duration_s",
                    Integer.toString(durationS)).set("answer_time", values.get("start_time"));
        }

        Event outcome(String disposition, int releaseCause) {
            return set("call_disposition", disposition).set("release_cause", Integer.toString(releaseCause))
                    .set("cause_for_term", "3");
        }

        Event cell(long cellId) {
            return set("cell_id", Long.toString(cellId));
        }

        Event imei(String imei) {
            return set("served_imei", imei);
        }

        /** Roaming in a visited network: no home cell, unless {@link #cell} follows. */
        Event roaming(String plmn) {
            return set("roaming", "true").set("visited_plmn", plmn).set("mcc", plmn.substring(0, 3))
                    .set("mnc", plmn.substring(4)).set("cell_id", "").set("tac", "");
        }
    }
}
