package org.cdrgen.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** The home operator and its synthetic radio network. */
public record NetworkProfile(
        String mcc,
        String mnc,
        String countryCode,
        List<String> nationalNumberPrefixes,
        int nationalNumberLength,
        String timeZone,
        double siteDensityExponent,
        double coverageSiteShare,
        int subscribersPerSite,
        int minSites,
        int sitesPerTrackingArea,
        int sitesPerMsc,
        int packetGateways,
        RatWeights layerShare) {

    /** Room for the largest population (100M) and as many numbers again for other operators' mobiles. */
    static final long MIN_MOBILE_NUMBERS = 200_000_000L;

    void validate() {
        Checks.digits("network.mcc", mcc, 3, 3);
        Checks.digits("network.mnc", mnc, 2, 3);
        Checks.digits("network.country_code", countryCode, 1, 3);
        Checks.range("network.national_number_length", nationalNumberLength, 6, 13);
        if (countryCode.length() + nationalNumberLength > 15) {
            throw new ConfigException("keys 'network.country_code' + 'network.national_number_length' give "
                    + (countryCode.length() + nationalNumberLength) + " digits: E.164 allows at most 15");
        }
        NumberRanges.check("network.national_number_prefixes", nationalNumberPrefixes, nationalNumberLength);
        long capacity = NumberRanges.capacity(nationalNumberPrefixes, nationalNumberLength);
        if (capacity < MIN_MOBILE_NUMBERS) {
            throw new ConfigException("key 'network.national_number_prefixes' with 'network.national_number_length' = "
                    + nationalNumberLength + " gives " + capacity + " mobile numbers: at least " + MIN_MOBILE_NUMBERS
                    + " needed (the largest population and as many again for other operators); list more or"
                    + " shorter prefixes, or a longer national number");
        }
        Checks.required("network.time_zone", timeZone);
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new ConfigException("key 'network.time_zone' = \"" + timeZone
                    + "\" is not a time zone: use an IANA id such as UTC or Europe/London");
        }
        Checks.range("network.site_density_exponent", siteDensityExponent, 0, 1);
        Checks.range("network.coverage_site_share", coverageSiteShare, 0, 1);
        Checks.range("network.subscribers_per_site", subscribersPerSite, 10, 1_000_000);
        Checks.range("network.min_sites", minSites, 1, 100_000);
        Checks.range("network.sites_per_tracking_area", sitesPerTrackingArea, 1, 10_000);
        Checks.range("network.sites_per_msc", sitesPerMsc, 1, 100_000);
        Checks.range("network.packet_gateways", packetGateways, 1, 1_000);
        Checks.required("network.layer_share", layerShare);
        layerShare.validateAsShares("network.layer_share");
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
