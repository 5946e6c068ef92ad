package org.trek.journey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.trek.mcp.registry.ResourceChanged;

/** Test-only observer: the resource changes the application announces (JourneyToolsIT reads them). */
@ApplicationScoped
public class JourneyEvents {
    private final List<ResourceChanged> seen = new CopyOnWriteArrayList<>();

    void on(@Observes ResourceChanged e) {
        seen.add(e);
    }

    public void clear() {
        seen.clear();
    }

    /** The changes that touched the given journey's tree. */
    public List<ResourceChanged> about(long journeyId) {
        String tree = JourneyService.journeyUri(journeyId);
        return seen.stream().filter(e -> e.trees().contains(tree)).toList();
    }
}
