package org.trek.platform.auth;

/** One OAuth scope: its name ("trips:read"), its group key ("trips"), a short label and a description. */
public record Scope(String name, String group, String label, String description) {

    /** The part after the colon: read, write, delete or share. */
    public String verb() {
        return name.substring(name.indexOf(':') + 1);
    }
}
