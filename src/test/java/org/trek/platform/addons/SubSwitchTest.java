package org.trek.platform.addons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate ids of addon parts: what tool and resource descriptors carry in place of an addon id. */
class SubSwitchTest {

    @Test
    void aPartsGateIsItsAddonDotItsKey() {
        assertEquals("collab.notes", SubSwitch.COLLAB_NOTES.gate());
        assertEquals("collab_polls_enabled", SubSwitch.COLLAB_POLLS.settingKey());
        for (SubSwitch s : SubSwitch.values()) {
            assertEquals(Optional.of(s), SubSwitch.ofGate(s.gate()));
            assertEquals(Optional.of(s), SubSwitch.of(s.addon(), s.key()));
            assertTrue(s.gate().startsWith(s.addon().id() + "."), "the addon id comes first: its state is checked too");
        }
        assertEquals(List.of(SubSwitch.COLLAB_NOTES, SubSwitch.COLLAB_POLLS, SubSwitch.COLLAB_CHAT, SubSwitch.COLLAB_WHATSNEXT),
                AddonId.COLLAB.subSwitches());
        assertEquals(Optional.empty(), SubSwitch.ofGate("collab"));
        assertEquals(Optional.empty(), SubSwitch.of(AddonId.BUDGET, "notes"));
        assertTrue(AddonId.of("collab.notes").isEmpty(), "no addon id contains the separator");
    }
}
