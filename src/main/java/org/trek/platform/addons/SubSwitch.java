package org.trek.platform.addons;

/**
 * A part of an addon that can be switched off on its own while the addon is on (reference §4.6: the collab
 * addon's notes, polls and chat). The state is the {@link #settingKey()} row in {@code app_settings}; a part
 * counts as on unless that value is the string {@code false}. Declared here so the collab tools, when they are
 * built, gate on a descriptor instead of a string.
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
}
