package org.trek.platform.addons;

/**
 * A part of an addon that can be switched off on its own while the addon is on (reference §4.6: the collab
 * addon's notes, polls and chat). The state is the {@link #settingKey()} row in {@code app_settings}; a part
 * counts as on unless that value is the string {@code false}. A tool or resource of a part names its {@link #gate()}
 * (e.g. {@code collab.notes}) where others name their addon's id: it exists while the addon and the part are on
 * ({@link AddonService#isEnabled(String)}).
 */
public enum SubSwitch {
    COLLAB_NOTES(AddonId.COLLAB, "notes", "collab_notes_enabled"),
    COLLAB_POLLS(AddonId.COLLAB, "polls", "collab_polls_enabled"),
    COLLAB_CHAT(AddonId.COLLAB, "chat", "collab_chat_enabled"),
    COLLAB_WHATSNEXT(AddonId.COLLAB, "whatsnext", "collab_whatsnext_enabled");

    private final AddonId addon;
    private final String key;
    private final String settingKey;

    SubSwitch(AddonId addon, String key, String settingKey) {
        this.addon = addon;
        this.key = key;
        this.settingKey = settingKey;
    }

    public AddonId addon() {
        return addon;
    }

    /** The feature name inside the addon (notes, polls, chat...). */
    public String key() {
        return key;
    }

    /** Where its state is kept in app_settings. */
    public String settingKey() {
        return settingKey;
    }

    /** The gate id of what belongs to this part: the addon's id, a dot, the part ({@code collab.notes}). */
    public String gate() {
        return addon.id() + "." + key;
    }

    /** The part a gate id names ({@code collab.notes}), if any. */
    public static java.util.Optional<SubSwitch> ofGate(String gate) {
        return java.util.Arrays.stream(values()).filter(s -> s.gate().equals(gate)).findFirst();
    }

    /** A part of the given addon by its key (notes, polls...). */
    public static java.util.Optional<SubSwitch> of(AddonId addon, String key) {
        return java.util.Arrays.stream(values()).filter(s -> s.addon == addon && s.key.equals(key)).findFirst();
    }
}
