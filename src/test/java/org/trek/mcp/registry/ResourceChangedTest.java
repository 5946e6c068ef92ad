package org.trek.mcp.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourceChangedTest {
    @Test
    void aTreeCoversItsRootAndEverythingUnderItButNotItsSiblings() {
        assertTrue(ResourceChanged.affects("trek://trips/7", true, "trek://trips/7"));
        assertTrue(ResourceChanged.affects("trek://trips/7", true, "trek://trips/7/places"));
        assertTrue(ResourceChanged.affects("trek://trips/7", true, "trek://trips/7/places?assignment=all"));
        assertTrue(ResourceChanged.affects("trek://trips/7", true, "trek://trips/7/days/3/notes"));
        assertFalse(ResourceChanged.affects("trek://trips/7", true, "trek://trips/70"));
        assertFalse(ResourceChanged.affects("trek://trips/7", true, "trek://trips"));
        assertFalse(ResourceChanged.affects("trek://trips/7", true, "trek://trips/8/places"));
    }

    @Test
    void aSingleResourceCoversOnlyItselfInAnyView() {
        assertTrue(ResourceChanged.affects("trek://trips", false, "trek://trips"));
        assertTrue(ResourceChanged.affects("trek://trips", false, "trek://trips?archived=true"));
        assertFalse(ResourceChanged.affects("trek://trips", false, "trek://trips/7"));
        assertFalse(ResourceChanged.affects("trek://trips/7", false, "trek://trips/7/places"));
    }
}
