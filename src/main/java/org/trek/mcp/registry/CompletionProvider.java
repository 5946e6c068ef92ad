package org.trek.mcp.registry;

import java.util.List;
import java.util.Optional;
import org.trek.platform.auth.AccessGrant;

/**
 * Optional: argument completions (completion/complete) for a prompt or resource template. Features implement it as
 * an @ApplicationScoped bean; the first provider that answers wins, no provider means an empty list.
 */
public interface CompletionProvider {

    /**
     * @param refType "ref/prompt" or "ref/resource"
     * @param refName the prompt name or the resource template URI
     * @return the suggestions (at most 100 are sent), or empty when this provider does not know the reference
     */
    Optional<List<String>> complete(AccessGrant grant, String refType, String refName, String argument, String prefix);
}
