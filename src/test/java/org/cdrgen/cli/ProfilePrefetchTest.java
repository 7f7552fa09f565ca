package org.cdrgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cdrgen.config.ProfileLoader;
import org.junit.jupiter.api.Test;

/** The jar's main reads the built-in profile ahead for a generating run without --config, and only then. */
class ProfilePrefetchTest {
    @Test
    void onlyAGeneratingRunWithoutConfigIsGuessed() {
        assertTrue(Main.generatesWithTheBuiltInProfile("--subscribers", "1000", "--output-dir", "out"));
        assertTrue(Main.generatesWithTheBuiltInProfile("--subscribers=10"));
        assertFalse(Main.generatesWithTheBuiltInProfile("--subscribers", "10", "--config", "my.yaml"));
        assertFalse(Main.generatesWithTheBuiltInProfile("--config=my.yaml", "--subscribers", "10"));
        assertFalse(Main.generatesWithTheBuiltInProfile("verify", "out"));
        assertFalse(Main.generatesWithTheBuiltInProfile("--version"));
    }

    @Test
    void thePrefetchedProfileIsTheOneReadInPlace() {
        ProfileLoader.Loaded inPlace = new ProfileLoader().loadBuiltIn();
        ProfileLoader.prefetchBuiltIn();
        ProfileLoader.Loaded prefetched = new ProfileLoader().loadBuiltIn();
        // The checksum is of the effective content (the profile's records hold arrays, equal by identity only).
        assertEquals(inPlace.sha256(), prefetched.sha256());
        assertEquals(inPlace.source(), prefetched.source());
        assertEquals(inPlace.profile().profileName(), prefetched.profile().profileName());
    }
}
