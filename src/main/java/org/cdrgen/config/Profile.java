package org.cdrgen.config;

/** A complete, validated generation profile: everything about the synthetic network but its size. */
public record Profile(
        String profileName,
        NetworkProfile network,
        CountryProfile country,
        PopulationProfile population,
        ContactProfile contacts,
        OtherPartiesProfile otherParties,
        VoiceProfile voice,
        SmsProfile sms,
        DataProfile data,
        MobilityProfile mobility,
        HabitsProfile habits,
        CalendarProfile calendar) {

    /** Throws {@link ConfigException} naming the first bad key. */
    public Profile validate() {
        Checks.required("profile_name", profileName);
        Checks.required("network", network);
        network.validate();
        Checks.required("country", country);
        country.validate();
        Checks.required("population", population);
        population.validate();
        Checks.required("contacts", contacts);
        contacts.validate();
        Checks.required("other_parties", otherParties);
        otherParties.validate(network);
        Checks.required("voice", voice);
        voice.validate();
        Checks.required("sms", sms);
        sms.validate();
        Checks.required("data", data);
        data.validate();
        Checks.required("mobility", mobility);
        mobility.validate(network.mcc());
        Checks.required("habits", habits);
        habits.validate();
        Checks.required("calendar", calendar);
        calendar.validate();
        return this;
    }
}
