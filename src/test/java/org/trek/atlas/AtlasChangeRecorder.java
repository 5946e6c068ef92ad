package org.trek.atlas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.trek.mcp.registry.ResourceChanged;

/** Test bean: records the ResourceChanged events fired in the container (AtlasToolsIT). */
@ApplicationScoped
public class AtlasChangeRecorder {
    private final List<ResourceChanged> events = new CopyOnWriteArrayList<>();

    void on(@Observes ResourceChanged changed) {
        events.add(changed);
    }

    public void clear() {
        events.clear();
    }

    /** Whether a change of this URI was announced to this user since the last clear. */
    public boolean announced(String uri, long userId) {
        return events.stream().anyMatch(e -> e.uris().contains(uri) && e.users().contains(userId));
    }

    public int count() {
        return events.size();
    }
}
