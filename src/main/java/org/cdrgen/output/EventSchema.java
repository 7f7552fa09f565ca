package org.cdrgen.output;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The column order of event files (schema version 1, docs/schema.md). */
public final class EventSchema {
    private EventSchema() {
    }

    public static final List<String> COLUMNS = List.of(
            "record_id", "event_type", "direction", "call_reference", "start_time", "answer_time", "end_time",
            "duration_s", "served_imsi", "served_msisdn", "served_imei", "other_party_msisdn",
            "other_party_on_net", "mcc", "mnc", "tac", "cell_id", "rat_type", "cause_for_term",
            "call_disposition", "release_cause", "sms_status", "sms_segments", "apn", "bytes_uplink",
            "bytes_downlink", "charging_id", "record_sequence_number", "roaming", "visited_plmn",
            "recording_entity");

    public static final List<String> SUBSCRIBER_COLUMNS = List.of(
            "subscriber_id", "served_imsi", "served_msisdn", "served_imei", "plan", "activation_date",
            "home_cell_id", "work_cell_id", "device_rat");

    public static final List<String> CELL_COLUMNS = List.of(
            "cell_id", "mcc", "mnc", "tac", "rat_type", "latitude", "longitude", "azimuth_deg");

    public static byte[] headerLine(List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            sb.append(sb.length() == 0 ? "" : ",").append(CsvText.quoteIfNeeded(c));
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }
}
