package org.trek.oauth.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trek.platform.auth.ScopeCatalog;

/**
 * The rules a Settings client's fields follow, the same for create and edit. Each refusal names the field that
 * caused it, so the screen can show the message there. Pure functions: no database, unit-tested.
 */
final class ClientRules {
    static final int MAX_NAME = 100;

    private ClientRules() {
    }

    /** The trimmed name; required, at most {@value #MAX_NAME} characters. */
    static String name(String name) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty()) {
            throw new ClientException(ClientException.NAME, "Name is required");
        }
        if (clean.length() > MAX_NAME) {
            throw new ClientException(ClientException.NAME, "Name must be " + MAX_NAME + " characters or less");
        }
        return clean;
    }

    /** A machine client signs in with its secret, so it cannot be public. */
    static void type(boolean confidential, boolean machine) {
        if (machine && !confidential) {
            throw new ClientException(ClientException.CLIENT_TYPE,
                    "A machine client must be confidential: it signs in with its secret");
        }
    }

    /** The cleaned list (trimmed, blank lines and repeats dropped); a machine client may have none. */
    static List<String> redirectUris(List<String> redirectUris, boolean machine) {
        List<String> uris = new ArrayList<>();
        if (redirectUris != null) {
            for (String u : redirectUris) {
                if (u != null && !u.isBlank() && !uris.contains(u.trim())) {
                    uris.add(u.trim());
                }
            }
        }
        if (uris.isEmpty()) {
            if (machine) {
                return List.of();
            }
            throw new ClientException(ClientException.REDIRECT_URIS, "At least one redirect URI is required");
        }
        if (uris.size() > RedirectUriPolicy.MAX_PER_CLIENT) {
            throw new ClientException(ClientException.REDIRECT_URIS,
                    "Maximum " + RedirectUriPolicy.MAX_PER_CLIENT + " redirect URIs per client");
        }
        for (String u : uris) {
            Optional<String> problem = RedirectUriPolicy.problem(u);
            if (problem.isPresent()) {
                throw new ClientException(ClientException.REDIRECT_URIS, "Invalid redirect URI " + u + ": " + problem.get());
            }
        }
        RedirectUriPolicy.listProblem(uris).ifPresent(p -> {
            throw new ClientException(ClientException.REDIRECT_URIS, "Invalid redirect URIs: " + p);
        });
        return uris;
    }

    /** The known scopes in catalogue order; at least one, and no unknown names. */
    static List<String> scopes(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new ClientException(ClientException.SCOPES, "At least one scope is required");
        }
        ScopeCatalog.Parsed parsed = ScopeCatalog.parse(String.join(" ", scopes));
        if (!parsed.unknown().isEmpty()) {
            throw new ClientException(ClientException.SCOPES, "Invalid scopes: " + String.join(", ", parsed.unknown()));
        }
        return parsed.known();
    }

    /** Names compare without case and with runs of spaces as one: "My  Cursor" is a duplicate of "my cursor". */
    static String nameKey(String name) {
        return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Whether a grant holds a scope the client no longer allows (such grants are revoked when scopes narrow). */
    static boolean exceeds(Collection<String> grantScopes, Collection<String> allowed) {
        return !allowed.containsAll(grantScopes);
    }

    /** The scopes of before that after no longer has, in before's order. */
    static List<String> removed(Collection<String> before, Collection<String> after) {
        return before.stream().filter(s -> !after.contains(s)).toList();
    }
}
