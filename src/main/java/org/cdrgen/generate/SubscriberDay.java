package org.cdrgen.generate;

/**
 * What every service sees of the subscriber-day it generates: who, which day, their contacts and places, and
 * the call references the day hands out. One instance per worker, pointed at each subscriber-day in turn.
 */
final class SubscriberDay {
    PartyDay party;
    DayCalendar day;
    final ContactBook contacts;
    final Placement placement;
    final CallReferences references;

    SubscriberDay(ContactBook contacts, Placement placement, CallReferences references) {
        this.contacts = contacts;
        this.placement = placement;
        this.references = references;
    }
}
