package org.trek.journey;

import java.util.Arrays;
import java.util.Optional;

/** How a contributor takes part in a journey: the owner does everything, editors write entries, viewers read. */
public enum JourneyRole {
    OWNER("owner"), EDITOR("editor"), VIEWER("viewer");

    private final String wire;

    JourneyRole(String wire) {
        this.wire = wire;
    }

    /** The name stored in journey_contributors.role and shown as role / my_role. */
    public String wire() {
        return wire;
    }

    /** Whether this role may add, change, reorder and delete entries and link trips. */
    public boolean canEdit() {
        return this != VIEWER;
    }

    public static Optional<JourneyRole> of(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(wire)).findFirst();
    }

    /** A role the owner may give (editor or viewer), or a clear refusal. */
    public static JourneyRole assignable(String wire) {
        JourneyRole role = of(wire).orElse(null);
        if (role == null || role == OWNER) {
            throw new JourneyException("role must be editor or viewer.");
        }
        return role;
    }
}
