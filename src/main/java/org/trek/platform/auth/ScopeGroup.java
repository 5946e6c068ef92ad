package org.trek.platform.auth;

import java.util.List;

/** A group of scopes as the consent page and the settings picker show it. */
public record ScopeGroup(String key, String label, List<Scope> scopes) {
}
