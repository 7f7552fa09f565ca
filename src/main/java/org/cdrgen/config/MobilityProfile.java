package org.cdrgen.config;

import java.util.List;

/** Where subscribers are: home, work, a few other places, and trips abroad. */
public record MobilityProfile(
        double workerShare,
        int workStartHour,
        int workEndHour,
        double atWorkProbability,
        double otherPlaceProbability,
        double workDistanceMedianKm,
        double travelSpeedKmh,
        double longDistanceSpeedKmh,
        Exploration exploration,
        double longTripsPerYear,
        int longTripMaxDays,
        double roamingTripDailyProbability,
        int roamingTripMaxDays,
        List<VisitedPlmn> visitedPlmns) {

    /** A foreign network roamers attach to, as "MCC-MNC", and the IANA time zone its roamers live by. */
    public record VisitedPlmn(String plmn, double share, String timeZone) {
        public java.time.ZoneId zone() {
            return java.time.ZoneId.of(timeZone);
        }

        public String mcc() {
            return plmn.substring(0, plmn.indexOf('-'));
        }

        public String mnc() {
            return plmn.substring(plmn.indexOf('-') + 1);
        }
    }

    /**
     * Outings go to a person's places, ranked: the k-th is visited with weight k^-return_exponent (preferential
     * return), and lies a jump from home drawn from P(r) ~ (r + jump_km)^-(1 + jump_exponent), scaled by a
     * personal range (log-normal, range_sigma) and cut at max_outing_km.
     */
    public record Exploration(int places, double returnExponent, double jumpKm, double jumpExponent, double rangeSigma,
            double maxOutingKm) {
        void validate() {
            Checks.range("mobility.exploration.places", places, 1, 10_000);
            Checks.range("mobility.exploration.return_exponent", returnExponent, 0, 5);
            Checks.range("mobility.exploration.jump_km", jumpKm, 0.01, 100);
            Checks.range("mobility.exploration.jump_exponent", jumpExponent, 0.1, 5);
            Checks.range("mobility.exploration.range_sigma", rangeSigma, 0, 3);
            Checks.range("mobility.exploration.max_outing_km", maxOutingKm, 1, 2_000);
        }
    }

    void validate(String homeMcc) {
        Checks.range("mobility.worker_share", workerShare, 0, 1);
        Checks.range("mobility.work_start_hour", workStartHour, 0, 23);
        Checks.range("mobility.work_end_hour", workEndHour, workStartHour + 1, 24);
        Checks.range("mobility.at_work_probability", atWorkProbability, 0, 1);
        Checks.range("mobility.other_place_probability", otherPlaceProbability, 0, 1);
        Checks.range("mobility.work_distance_median_km", workDistanceMedianKm, 0.1, 1_000);
        Checks.range("mobility.travel_speed_kmh", travelSpeedKmh, 1, 300);
        Checks.range("mobility.long_distance_speed_kmh", longDistanceSpeedKmh, travelSpeedKmh, 300);
        Checks.required("mobility.exploration", exploration);
        exploration.validate();
        Checks.range("mobility.long_trips_per_year", longTripsPerYear, 0, 52);
        Checks.range("mobility.long_trip_max_days", longTripMaxDays, 1, 7);
        Checks.range("mobility.roaming_trip_daily_probability", roamingTripDailyProbability, 0, 0.5);
        Checks.range("mobility.roaming_trip_max_days", roamingTripMaxDays, 1, 60);
        Checks.nonEmpty("mobility.visited_plmns", visitedPlmns);
        double[] shares = new double[visitedPlmns.size()];
        for (int i = 0; i < visitedPlmns.size(); i++) {
            String key = "mobility.visited_plmns[" + i + "]";
            Checks.required(key, visitedPlmns.get(i));
            String plmn = visitedPlmns.get(i).plmn();
            Checks.required(key + ".plmn", plmn);
            if (!plmn.matches("[0-9]{3}-[0-9]{2,3}")) {
                throw new ConfigException("key '" + key + ".plmn' = \"" + plmn + "\" must be MCC-MNC, e.g. 208-01");
            }
            String zone = visitedPlmns.get(i).timeZone();
            Checks.required(key + ".time_zone", zone);
            try {
                java.time.ZoneId.of(zone);
            } catch (java.time.DateTimeException e) {
                throw new ConfigException("key '" + key + ".time_zone' = \"" + zone
                        + "\" is not a time zone: use an IANA id such as Europe/Paris or America/New_York");
            }
            if (plmn.startsWith(homeMcc + "-")) {
                throw new ConfigException("key '" + key + ".plmn' = \"" + plmn
                        + "\" is in the home country (MCC " + homeMcc + "): roaming needs a foreign MCC");
            }
            shares[i] = visitedPlmns.get(i).share();
        }
        Checks.weights("mobility.visited_plmns[].share", shares);
    }
}
