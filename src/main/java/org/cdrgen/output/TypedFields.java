package org.cdrgen.output;

import static org.cdrgen.output.TypedField.booleanField;
import static org.cdrgen.output.TypedField.dateField;
import static org.cdrgen.output.TypedField.doubleField;
import static org.cdrgen.output.TypedField.enumField;
import static org.cdrgen.output.TypedField.intField;
import static org.cdrgen.output.TypedField.longField;
import static org.cdrgen.output.TypedField.textField;
import static org.cdrgen.output.TypedField.timestampField;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cdrgen.model.CallDisposition;
import org.cdrgen.model.CellRow;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.Plan;
import org.cdrgen.model.RatType;
import org.cdrgen.model.SmsStatus;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.model.VersionChange;
import org.cdrgen.schema.Schema;

/**
 * The typed fields of each table, in schema column order; empty where {@link EventRowFormatter} and
 * {@link DimensionRowFormatter} write an empty field (a test holds the two to the same values). A column
 * added to {@link Schema} without its field here fails at class initialisation, naming it.
 */
public final class TypedFields {
    public static final List<TypedField<EventRow>> EVENTS = TypedField.forTable(Schema.EVENTS, List.of(
            longField("record_id", r -> r.recordId),
            enumField("event_type", EventType.class, r -> r.eventType),
            enumField("direction", Direction.class, r -> r.direction),
            TypedField.<EventRow>longField("call_reference", r -> r.callReference).when(r -> r.callReference >= 0),
            timestampField("start_time", r -> r.startMs),
            TypedField.<EventRow>timestampField("answer_time", r -> r.answerMs).when(r -> r.answerMs >= 0),
            TypedField.<EventRow>timestampField("end_time", r -> r.endMs).when(r -> r.endMs >= 0),
            intField("duration_s", r -> r.durationS),
            textField("served_imsi", r -> r.servedImsi),
            textField("served_msisdn", r -> r.servedMsisdn),
            textField("served_imei", r -> r.servedImei),
            // A number in EventRow, digits in the schema: the one field that allocates per row.
            TypedField.<EventRow>textField("other_party_msisdn",
                    r -> Long.toString(r.otherPartyMsisdn).getBytes(StandardCharsets.US_ASCII))
                    .when(r -> r.eventType != EventType.DATA),
            TypedField.<EventRow>booleanField("other_party_on_net", r -> r.otherPartyOnNet)
                    .when(r -> r.eventType != EventType.DATA),
            textField("mcc", r -> r.mcc),
            textField("mnc", r -> r.mnc),
            TypedField.<EventRow>intField("tac", r -> r.tac).when(r -> r.tac >= 0),
            TypedField.<EventRow>longField("cell_id", r -> r.cellId).when(r -> r.cellId >= 0),
            enumField("rat_type", RatType.class, r -> r.ratType),
            intField("cause_for_term", r -> r.causeForTerm),
            TypedField.<EventRow, CallDisposition>enumField("call_disposition", CallDisposition.class,
                    r -> r.disposition).when(r -> r.eventType == EventType.VOICE),
            TypedField.<EventRow>intField("release_cause", r -> r.releaseCause).when(r -> r.eventType == EventType.VOICE),
            TypedField.<EventRow, SmsStatus>enumField("sms_status", SmsStatus.class, r -> r.smsStatus)
                    .when(r -> r.eventType == EventType.SMS),
            TypedField.<EventRow>intField("sms_segments", r -> r.smsSegments).when(r -> r.eventType == EventType.SMS),
            TypedField.<EventRow>textField("apn", r -> r.apn).when(r -> r.eventType == EventType.DATA),
            TypedField.<EventRow>longField("bytes_uplink", r -> r.bytesUplink).when(r -> r.eventType == EventType.DATA),
            TypedField.<EventRow>longField("bytes_downlink", r -> r.bytesDownlink).when(r -> r.eventType == EventType.DATA),
            TypedField.<EventRow>longField("charging_id", r -> r.chargingId).when(r -> r.eventType == EventType.DATA),
            TypedField.<EventRow>intField("record_sequence_number", r -> r.recordSequenceNumber)
                    .when(r -> r.eventType == EventType.DATA),
            booleanField("roaming", r -> r.roaming),
            TypedField.<EventRow>textField("visited_plmn", r -> r.visitedPlmn).when(r -> r.visitedPlmn != null),
            textField("recording_entity", r -> r.recordingEntity)));

    public static final List<TypedField<SubscriberRow>> SUBSCRIBERS = TypedField.forTable(Schema.SUBSCRIBERS, List.of(
            intField("subscriber_id", r -> r.subscriberId),
            intField("holder", r -> r.holder),
            dateField("valid_from", r -> r.validFromEpochDay),
            TypedField.<SubscriberRow>dateField("valid_to", r -> r.validToEpochDay).when(r -> r.validToEpochDay >= 0),
            enumField("change_reason", VersionChange.class, r -> r.changeReason),
            TypedField.<SubscriberRow, VersionChange>enumField("end_reason", VersionChange.class, r -> r.endReason)
                    .when(r -> r.endReason != null),
            textField("served_imsi", r -> r.servedImsi),
            textField("served_msisdn", r -> r.servedMsisdn),
            textField("served_imei", r -> r.servedImei),
            enumField("plan", Plan.class, r -> r.plan),
            dateField("activation_date", r -> r.activationEpochDay),
            longField("home_cell_id", r -> r.homeCellId),
            TypedField.<SubscriberRow>longField("work_cell_id", r -> r.workCellId).when(r -> r.workCellId >= 0),
            enumField("device_rat", RatType.class, r -> r.deviceRat),
            enumField("home_rat_type", RatType.class, r -> r.homeRat),
            intField("home_tac", r -> r.homeTac),
            TypedField.<SubscriberRow, RatType>enumField("work_rat_type", RatType.class, r -> r.workRat)
                    .when(r -> r.workCellId >= 0),
            TypedField.<SubscriberRow>intField("work_tac", r -> r.workTac).when(r -> r.workCellId >= 0)));

    public static final List<TypedField<CellRow>> CELLS = TypedField.forTable(Schema.CELLS, List.of(
            longField("cell_id", r -> r.cellId),
            textField("mcc", r -> r.mcc),
            textField("mnc", r -> r.mnc),
            intField("tac", r -> r.tac),
            enumField("rat_type", RatType.class, r -> r.ratType),
            // The CSV writes 6 decimals; the typed value is the same number rounded there, not more precise.
            doubleField("latitude", r -> sixDecimals(r.latitude)),
            doubleField("longitude", r -> sixDecimals(r.longitude)),
            intField("azimuth_deg", r -> r.azimuthDeg)));

    private TypedFields() {
    }

    /** Rounded as ByteSink.putFixed rounds: half away from zero on the magnitude. */
    private static double sixDecimals(double v) {
        return Math.copySign(Math.round(Math.abs(v) * 1e6) / 1e6, v);
    }
}
