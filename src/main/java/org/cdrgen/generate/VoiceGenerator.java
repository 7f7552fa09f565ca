package org.cdrgen.generate;

import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.config.VoiceProfile;
import org.cdrgen.model.CallDisposition;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.Subscriber;

/**
 * Voice call attempts of a subscriber-day: calls made (to contacts drawn by tie strength, and in place
 * of some of them the day's calls to a partner or parent, {@link CallRhythm}) and calls received from
 * other networks. An on-net call also yields the callee's MT record with the same
 * call_reference, times and outcome.
 */
final class VoiceGenerator extends ContactEventGenerator {
    /** Q.850 causes of failed attempts: call rejected, normal unspecified, no circuit, temporary failure, congestion. */
    private static final int[] FAILURE_CAUSES = {21, 31, 34, 41, 42};
    private static final double[] FAILURE_CAUSE_WEIGHTS = {0.15, 0.15, 0.15, 0.30, 0.25};
    static final int CAUSE_NORMAL_CLEARING = 16;
    static final int CAUSE_SUBSCRIBER_ABSENT = 20;
    static final int CAUSE_USER_BUSY = 17;
    static final int CAUSE_NO_USER_RESPONDING = 18;
    static final int CAUSE_NO_ANSWER = 19;
    static final int CAUSE_TEMPORARY_FAILURE = 41;
    static final int CAUSE_UNALLOCATED_NUMBER = 1;
    /** TS 32.298 causeForTerm values. */
    static final int NORMAL_RELEASE = 0;
    static final int UNSUCCESSFUL_CALL_ATTEMPT = 3;
    static final int ABNORMAL_RELEASE = 4;

    private static final CallDisposition[] DISPOSITIONS = CallDisposition.values();

    private final VoiceProfile voice;
    private final SharedStateDiscreteSampler outcome;
    private final SharedStateDiscreteSampler failureCause;

    VoiceGenerator(GenerationModel model, MtLeg mtLeg) {
        super(model, mtLeg, new Traffic(Seeds.Purpose.VOICE, EventType.VOICE, model.profile.voice().moCallsPerDay(),
                model.profile.voice().mtOffNetCallsPerDay(), model.profile.voice().dailyDispersionSigma(),
                model.profile.voice().burstProbability(), model.profile.voice().burstGapMedianS(),
                model.tables.voiceHours, model.tables.voiceRat),
                new CallRhythm(model.seed, model.profile.contacts().rhythm(), model.profile.habits().moodSigma()));
        this.voice = model.profile.voice();
        this.outcome = model.tables.voiceOutcome.bind(rng);
        this.failureCause = new WeightedTable(FAILURE_CAUSE_WEIGHTS).bind(rng);
    }

    @Override
    protected double level(Subscriber subscriber, DayCalendar day) {
        return subscriber.voiceLevel * day.voiceActivity;
    }

    @Override
    protected boolean oneAtATime() {
        return true;
    }

    @Override
    protected boolean callWaiting(EventRow row) {
        return Seeds.unit(Seeds.hash(row.callReference, 0x5ca1ab1eL)) < voice.callWaitingShare();
    }

    // These outcomes replace a drawn one after the fact: their times come from a hash of the call, never a
    // draw, so the rest of the day's stream is the same whatever became of the callee.

    /** The caller hears busy after 1.5-5.5 s. */
    @Override
    protected void busy(EventRow row) {
        unanswered(row, CallDisposition.BUSY, CAUSE_USER_BUSY, 1500 + Long.remainderUnsigned(Seeds.mix(row.callReference), 4000));
    }

    /** The network pages the phone for 3-8 s, in vain (Q.850 cause 20). */
    @Override
    protected void absent(EventRow row) {
        unanswered(row, CallDisposition.FAILED, CAUSE_SUBSCRIBER_ABSENT, 3000 + Math.floorMod(row.callReference, 5000));
    }

    /** The network rejects it at once (Q.850 cause 1), after 0.3-2.3 s. */
    @Override
    protected void unallocated(EventRow row) {
        unanswered(row, CallDisposition.FAILED, CAUSE_UNALLOCATED_NUMBER, 300 + Math.floorMod(row.callReference, 2000));
    }

    private static void unanswered(EventRow row, CallDisposition disposition, int cause, long lastsMs) {
        row.disposition = disposition;
        row.answerMs = -1;
        row.durationS = 0;
        row.endMs = row.startMs + lastsMs;
        row.releaseCause = cause;
        row.causeForTerm = UNSUCCESSFUL_CALL_ATTEMPT;
    }

    @Override
    protected void fill(EventRow row, PartyDay party, DayCalendar day, Placement placement) {
        // A call belongs to the day it starts on; one still going at midnight simply goes on (no cut).
        long start = row.startMs;
        CallDisposition disposition = DISPOSITIONS[outcome.sample()];
        row.disposition = disposition;
        switch (disposition) {
            case ANSWERED: {
                long answer = start + 1000 + (long) (logNormal(voice.ringTimeMedianS(), 0.5) * 1000);
                double median = voice.durationMedianS() * (day.weekend ? voice.weekendDurationMultiplier() : 1);
                long duration = Math.max(1, Math.min(voice.durationMaxS(), Math.round(logNormal(median, voice.durationSigma()))));
                row.answerMs = answer;
                row.durationS = (int) duration;
                row.endMs = answer + duration * 1000;
                if (rng.nextDouble() < voice.droppedShare()) {
                    row.releaseCause = CAUSE_TEMPORARY_FAILURE;
                    row.causeForTerm = ABNORMAL_RELEASE;
                } else {
                    row.releaseCause = CAUSE_NORMAL_CLEARING;
                    row.causeForTerm = NORMAL_RELEASE;
                }
                break;
            }
            case BUSY:
                row.endMs = start + 1500 + rng.nextLong(4000);
                row.releaseCause = CAUSE_USER_BUSY;
                row.causeForTerm = UNSUCCESSFUL_CALL_ATTEMPT;
                break;
            case NO_ANSWER:
                boolean alerted = rng.nextDouble() < 0.8;
                row.endMs = start + (alerted ? 20_000 + rng.nextLong(25_000) : 5_000 + rng.nextLong(10_000));
                row.releaseCause = alerted ? CAUSE_NO_ANSWER : CAUSE_NO_USER_RESPONDING;
                row.causeForTerm = UNSUCCESSFUL_CALL_ATTEMPT;
                break;
            default:
                row.endMs = start + 300 + rng.nextLong(5000);
                row.releaseCause = FAILURE_CAUSES[failureCause.sample()];
                row.causeForTerm = UNSUCCESSFUL_CALL_ATTEMPT;
                break;
        }
        placement.place(row, party, day, start, rng, ratWish);
    }
}
