package org.cdrgen.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.cdrgen.config.DataProfile;
import org.cdrgen.config.MobilityProfile;
import org.cdrgen.config.Profile;
import org.cdrgen.model.CellNetwork;

/**
 * Everything built once per run from the profile and shared read-only by all workers: alias tables for
 * every weighted choice, and the byte forms of the profile's texts so that no row formats a String.
 */
public final class ModelTables {
    public final Profile profile;
    final HourTables voiceHours;
    final HourTables smsHours;
    final HourTables dataHours;
    /** Per visited PLMN: the time zone its roamers live by. */
    final java.time.ZoneId[] visitedZone;
    public final WeightedTable voiceOutcome;
    public final WeightedTable smsSegments;
    public final WeightedTable smsStatus;
    public final WeightedTable apn;
    public final WeightedTable voiceRat;
    public final WeightedTable smsRat;
    public final WeightedTable dataRat;
    public final WeightedTable visitedPlmn;
    /** Rank of the contact an event goes to: rank k (0-based) has weight (k+1)^-tie_rank_exponent. */
    public final WeightedTable contactRank;

    public final byte[] homeMcc;
    public final byte[] homeMnc;
    public final byte[][] apnBytes;
    public final byte[][] visitedMcc;
    public final byte[][] visitedMnc;
    public final byte[][] visitedPlmnBytes;
    public final byte[][] visitedMscBytes;
    public final byte[][] mscBytes;
    public final byte[][] pgwBytes;

    public ModelTables(Profile profile, CellNetwork network) {
        this.profile = profile;
        voiceHours = new HourTables(profile.voice().hourlyWeekday(), profile.voice().hourlyWeekend());
        smsHours = new HourTables(profile.sms().hourlyWeekday(), profile.sms().hourlyWeekend());
        dataHours = new HourTables(profile.data().hourlyWeekday(), profile.data().hourlyWeekend());
        visitedZone = profile.mobility().visitedPlmns().stream().map(MobilityProfile.VisitedPlmn::zone)
                .toArray(java.time.ZoneId[]::new);
        voiceOutcome = new WeightedTable(profile.voice().outcomes().toArray());
        smsSegments = new WeightedTable(profile.sms().segments());
        smsStatus = new WeightedTable(profile.sms().status().toArray());
        voiceRat = new WeightedTable(profile.voice().ratWeights().toArray());
        smsRat = new WeightedTable(profile.sms().ratWeights().toArray());
        dataRat = new WeightedTable(profile.data().ratWeights().toArray());

        List<DataProfile.Apn> apns = profile.data().apns();
        double[] apnWeights = new double[apns.size()];
        apnBytes = new byte[apns.size()][];
        for (int i = 0; i < apnWeights.length; i++) {
            apnWeights[i] = apns.get(i).share();
            // validated as DNS labels: never a character CSV would quote
            apnBytes[i] = ascii(apns.get(i).name());
        }
        apn = new WeightedTable(apnWeights);

        List<MobilityProfile.VisitedPlmn> plmns = profile.mobility().visitedPlmns();
        double[] plmnWeights = new double[plmns.size()];
        visitedMcc = new byte[plmns.size()][];
        visitedMnc = new byte[plmns.size()][];
        visitedPlmnBytes = new byte[plmns.size()][];
        visitedMscBytes = new byte[plmns.size()][];
        for (int i = 0; i < plmnWeights.length; i++) {
            MobilityProfile.VisitedPlmn plmn = plmns.get(i);
            plmnWeights[i] = plmn.share();
            visitedMcc[i] = ascii(plmn.mcc());
            visitedMnc[i] = ascii(plmn.mnc());
            visitedPlmnBytes[i] = ascii(plmn.plmn());
            visitedMscBytes[i] = ascii("VMSC-" + plmn.plmn());
        }
        visitedPlmn = new WeightedTable(plmnWeights);

        int maxContacts = profile.contacts().maxCount();
        double[] rankWeights = new double[maxContacts];
        for (int k = 0; k < maxContacts; k++) {
            rankWeights[k] = Math.pow(k + 1, -profile.contacts().tieRankExponent());
        }
        contactRank = new WeightedTable(rankWeights);

        homeMcc = ascii(profile.network().mcc());
        homeMnc = ascii(profile.network().mnc());
        mscBytes = new byte[network.mscCount()][];
        for (int i = 0; i < mscBytes.length; i++) {
            mscBytes[i] = ascii(String.format(Locale.ROOT, "MSC%03d", i + 1));
        }
        pgwBytes = new byte[profile.network().packetGateways()][];
        for (int i = 0; i < pgwBytes.length; i++) {
            pgwBytes[i] = ascii(String.format(Locale.ROOT, "PGW%02d", i + 1));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
