package org.cdrgen.config;

import java.util.List;

/**
 * Who is on the other end of off-net calls and SMS (off-net contacts, and callers from other networks):
 * a mix of number kinds, each with the shape of its part of the numbering plan (E.164 digits, short codes
 * as their digits).
 */
public record OtherPartiesProfile(
        OtherPartyShares shares,
        List<String> fixedLinePrefixes,
        int fixedLineLength,
        List<Destination> internationalDestinations,
        int shortCodeDigits,
        List<String> shortCodePrefixes,
        int shortCodes,
        List<ServiceNumber> serviceNumbers,
        List<String> sharedPrefixes,
        int sharedNumbers,
        double sharedPopularityExponent) {

    void validate(NetworkProfile network) {
        Checks.required("other_parties.shares", shares);
        shares.validate("other_parties.shares");
        String cc = network.countryCode();
        Checks.range("other_parties.fixed_line_length", fixedLineLength, 6, 15 - cc.length());
        NumberRanges.check("other_parties.fixed_line_prefixes", fixedLinePrefixes, fixedLineLength);
        notMobile("other_parties.fixed_line_prefixes", fixedLinePrefixes, network);
        NumberRanges.check("other_parties.shared_prefixes", sharedPrefixes, fixedLineLength);
        notMobile("other_parties.shared_prefixes", sharedPrefixes, network);
        if (NumberRanges.overlaps(sharedPrefixes, fixedLinePrefixes)) {
            throw new ConfigException("keys 'other_parties.shared_prefixes' and 'other_parties.fixed_line_prefixes'"
                    + " overlap: shared numbers (businesses, call centres) get ranges of their own");
        }
        Checks.range("other_parties.shared_numbers", sharedNumbers, 1, 1_000_000);
        Checks.range("other_parties.shared_popularity_exponent", sharedPopularityExponent, 0, 5);
        checkDestinations(cc);
        Checks.range("other_parties.short_code_digits", shortCodeDigits, 3, 6);
        NumberRanges.check("other_parties.short_code_prefixes", shortCodePrefixes, shortCodeDigits + 4);
        for (int i = 0; i < shortCodePrefixes.size(); i++) {
            if (shortCodePrefixes.get(i).length() >= shortCodeDigits || shortCodePrefixes.get(i).startsWith("0")) {
                throw new ConfigException("key 'other_parties.short_code_prefixes[" + i + "]' = \""
                        + shortCodePrefixes.get(i) + "\" must be 1.." + (shortCodeDigits - 1)
                        + " digits, not starting with 0 (a short code is a number without leading zeros)");
            }
        }
        Checks.range("other_parties.short_codes", shortCodes, 1, 100_000);
        checkServiceNumbers();
    }

    private void checkDestinations(String homeCountryCode) {
        String key = "other_parties.international_destinations";
        Checks.nonEmpty(key, internationalDestinations);
        double[] weights = new double[internationalDestinations.size()];
        for (int i = 0; i < weights.length; i++) {
            Destination d = internationalDestinations.get(i);
            String at = key + "[" + i + "]";
            Checks.digits(at + ".country_code", d.countryCode(), 1, 3);
            if (d.countryCode().startsWith("0")) {
                throw new ConfigException("key '" + at + ".country_code' = \"" + d.countryCode()
                        + "\" cannot start with 0 (no E.164 country code does)");
            }
            if (d.countryCode().startsWith(homeCountryCode) || homeCountryCode.startsWith(d.countryCode())) {
                throw new ConfigException("key '" + at + ".country_code' = \"" + d.countryCode()
                        + "\" is the home country code (network.country_code = \"" + homeCountryCode
                        + "\"): international numbers are of other countries");
            }
            Checks.range(at + ".number_length", d.numberLength(), 4, 15 - d.countryCode().length());
            weights[i] = d.share();
        }
        Checks.weights(key + ".share", weights);
    }

    private void checkServiceNumbers() {
        String key = "other_parties.service_numbers";
        Checks.nonEmpty(key, serviceNumbers);
        double[] weights = new double[serviceNumbers.size()];
        for (int i = 0; i < weights.length; i++) {
            ServiceNumber s = serviceNumbers.get(i);
            Checks.digits(key + "[" + i + "].number", s.number(), 3, 15);
            if (s.number().startsWith("0")) {
                throw new ConfigException("key '" + key + "[" + i + "].number' = \"" + s.number()
                        + "\" cannot start with 0: give it in E.164 (country code first) or as a short code");
            }
            Checks.required(key + "[" + i + "].use", s.use());
            weights[i] = s.share();
        }
        Checks.weights(key + ".share", weights);
    }

    private static void notMobile(String key, List<String> prefixes, NetworkProfile network) {
        if (NumberRanges.overlaps(prefixes, network.nationalNumberPrefixes())) {
            throw new ConfigException("key '" + key + "' overlaps 'network.national_number_prefixes': those are"
                    + " the mobile ranges, so these numbers could be a subscriber's");
        }
    }
}
