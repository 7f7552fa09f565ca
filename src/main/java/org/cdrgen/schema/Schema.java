package org.cdrgen.schema;

import static org.cdrgen.schema.Column.optional;
import static org.cdrgen.schema.Column.required;
import static org.cdrgen.schema.ColumnType.BOOLEAN;
import static org.cdrgen.schema.ColumnType.DATE;
import static org.cdrgen.schema.ColumnType.DOUBLE;
import static org.cdrgen.schema.ColumnType.INT;
import static org.cdrgen.schema.ColumnType.LONG;
import static org.cdrgen.schema.ColumnType.TEXT;
import static org.cdrgen.schema.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * The output schema, version {@value #SCHEMA_VERSION}: the one definition of every CSV file's columns, their
 * types and whether they may be empty. The writers take their headers from here, the stats reader checks
 * its columns against it, and tests hold docs/schema.md and the README's DDL to it. Changing a column here
 * changes the schema: bump {@link #SCHEMA_VERSION} and docs/schema.md with it.
 *
 * <p>This package depends on no other cdrgen package, so any of them (and any program that embeds cdrgen)
 * can use it.
 */
public final class Schema {
    /** The version manifest.json states as {@code schema_version}. */
    public static final int SCHEMA_VERSION = 3;

    /** One row per record: events/date=YYYY-MM-DD/part-NNNNN.csv. */
    public static final Table EVENTS = new Table("events", List.of(
            required("record_id", LONG, "unique within a run: (epoch day x subscribers + subscriber) x 1,000,000 + n"),
            required("event_type", TEXT, "VOICE, SMS or DATA"),
            required("direction", TEXT, "MO or MT, seen from the served subscriber; DATA rows are MO"),
            optional("call_reference", LONG, "one value per call or message, shared by the MO and MT rows of an on-net one"),
            required("start_time", TIMESTAMP, "VOICE seizure, SMS submission, DATA opening of this record"),
            optional("answer_time", TIMESTAMP, "when an answered VOICE call was answered"),
            optional("end_time", TIMESTAMP, "VOICE release, SMS delivery, DATA closing of this record"),
            required("duration_s", INT, "whole seconds: VOICE answer to release, SMS 0, DATA opening to closing"),
            required("served_imsi", TEXT, "15 digits: MCC + MNC + MSIN of the home PLMN"),
            required("served_msisdn", TEXT, "E.164 without '+', at most 15 digits"),
            required("served_imei", TEXT, "15 digits: TAC + serial + Luhn check digit; the phone used that day"),
            optional("other_party_msisdn", TEXT, "E.164 without '+': the called (MO) or calling (MT) number"),
            optional("other_party_on_net", BOOLEAN, "whether the other party is a subscriber of this population"),
            required("mcc", TEXT, "3 digits: the serving PLMN, the visited one when roaming"),
            required("mnc", TEXT, "2-3 digits: the serving PLMN, as mcc"),
            optional("tac", INT, "LAC (GERAN/UTRAN) or TAC (EUTRAN/NR) of the serving cell; empty when roaming"),
            optional("cell_id", LONG, "CI, ECI or NCI of the serving cell; empty when roaming"),
            required("rat_type", TEXT, "radio access technology: GERAN, UTRAN, EUTRAN or NR"),
            required("cause_for_term", INT, "TS 32.298 causeForTerm (VOICE, SMS) or causeForRecClosing (DATA)"),
            optional("call_disposition", TEXT, "VOICE outcome: ANSWERED, BUSY, NO_ANSWER or FAILED"),
            optional("release_cause", INT, "ITU-T Q.850 cause value of a VOICE call"),
            optional("sms_status", TEXT, "DELIVERED, FAILED or EXPIRED"),
            optional("sms_segments", INT, "parts of a concatenated SMS, >= 1"),
            optional("apn", TEXT, "access point name network identifier of a DATA record"),
            optional("bytes_uplink", LONG, "datavolumeUplink of this DATA record, octets"),
            optional("bytes_downlink", LONG, "datavolumeDownlink of this DATA record, octets"),
            optional("charging_id", LONG, "uint32 drawn per data session, shared by its partial records"),
            optional("record_sequence_number", INT, "number of this partial record within its session: 1, 2, ..."),
            required("roaming", BOOLEAN, "whether the served subscriber is outside the home PLMN"),
            optional("visited_plmn", TEXT, "MCC-MNC of the visited network when roaming, e.g. 208-01"),
            required("recording_entity", TEXT, "network element that wrote the record: MSC, VMSC or PGW")),
            List.of("record_id"));

    /**
     * The subscribers history, a slowly changing dimension: one row per version of a line's identity (holder,
     * SIM, phone) valid on some day of the drop: subscribers.csv.
     */
    public static final Table SUBSCRIBERS = new Table("subscribers", List.of(
            required("subscriber_id", INT, "0, 1, 2, ...: the line in the base; a recycled number keeps its line"),
            required("holder", INT, "0 for the line's first subscriber, +1 each time its number is recycled to a new one"),
            required("valid_from", DATE, "first day (partition date) of this version"),
            optional("valid_to", DATE, "first day it no longer holds (exclusive); empty while it holds on the drop's last day"),
            required("change_reason", TEXT, "why this version began: ACTIVATION, PHONE_CHANGE, SIM_CHANGE or PHONE_AND_SIM_CHANGE"),
            optional("end_reason", TEXT, "why it ended at valid_to: PHONE_CHANGE, SIM_CHANGE, PHONE_AND_SIM_CHANGE or CHURN; empty with valid_to"),
            required("served_imsi", TEXT, "15 digits, as in events; a SIM's IMSI is never another's"),
            required("served_msisdn", TEXT, "E.164 without '+', as in events; the line's number, the same for all its holders"),
            required("served_imei", TEXT, "15 digits with Luhn check digit: the phone of this version"),
            required("plan", TEXT, "tariff plan: PREPAID or POSTPAID"),
            required("activation_date", DATE, "the holder's first day on the line (no rows of the holder before it)"),
            required("home_cell_id", LONG, "cell_id of the home sector's cell"),
            optional("work_cell_id", LONG, "cell_id of the work place's cell; empty without a separate one"),
            required("device_rat", TEXT, "best RAT the phone supports: GERAN, UTRAN, EUTRAN or NR"),
            required("home_rat_type", TEXT, "rat_type of the home cell: with home_tac and home_cell_id, its key in cells"),
            required("home_tac", INT, "tac (LAC/TAC) of the home cell"),
            optional("work_rat_type", TEXT, "rat_type of the work place's cell; empty without a separate one"),
            optional("work_tac", INT, "tac of the work place's cell; empty without a separate one")),
            List.of("subscriber_id", "valid_from"));

    /** One row per cell of the home network: cells.csv. */
    public static final Table CELLS = new Table("cells", List.of(
            required("cell_id", LONG, "CI, ECI or NCI as in events"),
            required("mcc", TEXT, "3 digits: the home PLMN"),
            required("mnc", TEXT, "2-3 digits: the home PLMN"),
            required("tac", INT, "LAC (GERAN/UTRAN) or TAC (EUTRAN/NR) of the cell's site"),
            required("rat_type", TEXT, "GERAN, UTRAN, EUTRAN or NR"),
            required("latitude", DOUBLE, "of the site, WGS 84 degrees, 6 decimals"),
            required("longitude", DOUBLE, "of the site, WGS 84 degrees, 6 decimals"),
            required("azimuth_deg", INT, "direction the sector's antenna points, degrees clockwise from north")),
            // GERAN/UTRAN cell ids repeat in other location areas, so cell_id needs tac (and rat_type) beside it.
            List.of("rat_type", "tac", "cell_id"));

    /** Every table, in the order a drop's files are described. */
    public static final List<Table> TABLES = List.of(EVENTS, SUBSCRIBERS, CELLS);

    private Schema() {
    }
}
