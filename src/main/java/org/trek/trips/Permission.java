package org.trek.trips;

import java.util.List;

/**
 * The instance permission matrix: which role may do what on a trip. Stored in app_settings as perm_&lt;key&gt;,
 * editable by admins on Admin → Permissions. Defaults follow the original: the owner alone edits the trip itself,
 * deletes it, manages share links and members; owner and members edit content (places, days, budget...).
 */
public enum Permission {
    TRIP_CREATE("trip_create", "Create trips", Level.EVERYBODY),
    TRIP_EDIT("trip_edit", "Edit trip details (title, dates, currency)", Level.OWNER),
    TRIP_DELETE("trip_delete", "Delete trips", Level.OWNER),
    MEMBER_MANAGE("member_manage", "Add and remove trip members", Level.OWNER),
    SHARE_MANAGE("share_manage", "Manage public share links", Level.OWNER),
    DAY_EDIT("day_edit", "Edit days, day notes and accommodations", Level.MEMBER),
    PLACE_EDIT("place_edit", "Edit places, assignments and tags", Level.MEMBER),
    RESERVATION_EDIT("reservation_edit", "Edit reservations and transports", Level.MEMBER),
    BUDGET_EDIT("budget_edit", "Edit the budget", Level.MEMBER),
    PACKING_EDIT("packing_edit", "Edit packing lists and to-dos", Level.MEMBER),
    COLLAB_EDIT("collab_edit", "Write collaboration notes, polls, votes and chat messages", Level.MEMBER);

    /** Who passes: admins always pass (for trips they can access); otherwise as named. */
    public enum Level {
        /** Any signed-in user (only meaningful for trip_create). */
        EVERYBODY("everybody", "Every user"),
        /** The trip owner and its members. */
        MEMBER("member", "Trip owner and members"),
        /** The trip owner only. */
        OWNER("owner", "Trip owner only"),
        /** Administrators only. */
        ADMIN("admin", "Administrators only");

        private final String value;
        private final String label;

        Level(String value, String label) {
            this.value = value;
            this.label = label;
        }

        public String value() {
            return value;
        }

        public String label() {
            return label;
        }

        public static Level parse(String v) {
            for (Level l : values()) {
                if (l.value.equals(v)) {
                    return l;
                }
            }
            return null;
        }
    }

    private final String key;
    private final String label;
    private final Level defaultLevel;

    Permission(String key, String label, Level defaultLevel) {
        this.key = key;
        this.label = label;
        this.defaultLevel = defaultLevel;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Level defaultLevel() {
        return defaultLevel;
    }

    public String settingKey() {
        return "perm_" + key;
    }

    /** The levels an admin may choose for this permission (everybody only makes sense without a trip). */
    public List<Level> choices() {
        return this == TRIP_CREATE ? List.of(Level.EVERYBODY, Level.ADMIN) : List.of(Level.MEMBER, Level.OWNER, Level.ADMIN);
    }

    public static Permission byKey(String key) {
        for (Permission p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }
}
