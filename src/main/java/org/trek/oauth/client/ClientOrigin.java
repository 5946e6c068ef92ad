package org.trek.oauth.client;

/** How a client came to exist: created in Settings, self-registered (RFC 7591), or a metadata document URL. */
public enum ClientOrigin {
    SETTINGS, DCR, METADATA;

    public boolean selfRegistered() {
        return this != SETTINGS;
    }
}
