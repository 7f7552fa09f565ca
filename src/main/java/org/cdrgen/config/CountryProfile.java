package org.cdrgen.config;

import java.util.List;

/**
 * The operator's country: the map people live on and the radio network covers. Cities are listed (name,
 * position, population); smaller towns follow them in a Zipf law of sizes, scattered around the cities; a
 * share of the people lives in the rural space around every settlement. The country keeps its size whatever
 * the population: more subscribers fill it more densely.
 */
public record CountryProfile(
        String name,
        double originLatitude,
        double originLongitude,
        double cityRadiusKm,
        double ruralShare,
        double ruralRadiusKm,
        Towns towns,
        List<City> cities) {

    /** A listed city: its centre and how many people live in its built-up area. */
    public record City(String name, double latitude, double longitude, double population) {
    }

    /** The smaller settlements: ranks after the listed cities, size = largest city x rank^-zipf_exponent. */
    public record Towns(int count, double zipfExponent, double spreadKm) {
    }

    void validate() {
        Checks.required("country.name", name);
        Checks.range("country.origin_latitude", originLatitude, -80.0, 80.0);
        Checks.range("country.origin_longitude", originLongitude, -180.0, 180.0);
        Checks.range("country.city_radius_km", cityRadiusKm, 0.1, 100);
        Checks.range("country.rural_share", ruralShare, 0, 0.95);
        Checks.range("country.rural_radius_km", ruralRadiusKm, 0.5, 500);
        Checks.required("country.towns", towns);
        Checks.range("country.towns.count", towns.count(), 0, 100_000);
        Checks.range("country.towns.zipf_exponent", towns.zipfExponent(), 0.3, 3);
        Checks.range("country.towns.spread_km", towns.spreadKm(), 1, 2_000);
        Checks.nonEmpty("country.cities", cities);
        if (cities.size() > 10_000) {
            throw new ConfigException("key 'country.cities' lists " + cities.size() + " cities: allowed 1..10,000");
        }
        for (int i = 0; i < cities.size(); i++) {
            String key = "country.cities[" + i + "]";
            City c = cities.get(i);
            Checks.required(key, c);
            Checks.required(key + ".name", c.name());
            Checks.range(key + ".latitude", c.latitude(), -85.0, 85.0);
            Checks.range(key + ".longitude", c.longitude(), -180.0, 180.0);
            Checks.range(key + ".population", c.population(), 1, 1e9);
            if (Math.abs(c.latitude() - originLatitude) > 20 || Math.abs(c.longitude() - originLongitude) > 30) {
                throw new ConfigException("key '" + key + "' (" + c.name() + ") lies more than 20 degrees of latitude or"
                        + " 30 of longitude from country.origin_latitude/longitude: the map is a flat projection around it");
            }
        }
    }

    /** The largest listed city's population: the head of the towns' Zipf law. */
    public double largestCity() {
        double max = 0;
        for (City c : cities) {
            max = Math.max(max, c.population());
        }
        return max;
    }
}
