package org.trek.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.SubSwitch;

/** What switching an addon or one of its parts off takes away from AI clients, counted from the descriptors' gates. */
class AddonImpactTest {
    /** Gates as tools name them: two budget tools, one ungated, collab's own and its parts'. */
    private static final List<String> GATES = Arrays.asList("budget", "budget", null, "packing", "collab",
            "collab.notes", "collab.notes", "collab.polls", "collab.chat", "collab.chat", "collab.chat", "mcp");

    @Test
    void anAddonTakesItsOwnDescriptorsOnly() {
        assertEquals(2, AddonImpact.disappearing(GATES, AddonId.BUDGET, null, s -> true));
        assertEquals(1, AddonImpact.disappearing(GATES, AddonId.PACKING, null, s -> true));
        assertEquals(0, AddonImpact.disappearing(GATES, AddonId.JOURNEY, null, s -> true), "nothing registered");
        assertEquals(0, AddonImpact.disappearing(List.of(), AddonId.BUDGET, null, s -> true));
    }

    @Test
    void anAddonTakesThePartsThatAreStillOn() {
        assertEquals(7, AddonImpact.disappearing(GATES, AddonId.COLLAB, null, s -> true), "its own and every part's");
        Set<SubSwitch> off = Set.of(SubSwitch.COLLAB_CHAT);
        assertEquals(4, AddonImpact.disappearing(GATES, AddonId.COLLAB, null, s -> !off.contains(s)),
                "chat already went with its switch");
    }

    @Test
    void aPartTakesOnlyItsOwn() {
        assertEquals(3, AddonImpact.disappearing(GATES, AddonId.COLLAB, SubSwitch.COLLAB_CHAT, s -> true));
        assertEquals(2, AddonImpact.disappearing(GATES, AddonId.COLLAB, SubSwitch.COLLAB_NOTES, s -> true));
        assertEquals(0, AddonImpact.disappearing(GATES, AddonId.COLLAB, SubSwitch.COLLAB_WHATSNEXT, s -> true));
    }
}
