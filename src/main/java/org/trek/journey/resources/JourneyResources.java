package org.trek.journey.resources;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trek.journey.JourneyEntry;
import org.trek.journey.JourneyException;
import org.trek.journey.JourneyService;
import org.trek.journey.tools.JourneyTools;
import org.trek.mcp.registry.ResourceAccess;
import org.trek.mcp.registry.ResourceContents;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.mcp.registry.ResourceProvider;
import org.trek.platform.Jsons;
import org.trek.platform.addons.AddonId;
import org.trek.platform.auth.AccessGrant;

/**
 * The journey resources (addon journey, journey read): {@code trek://journeys} (the reader's journeys, as
 * list_journeys), {@code trek://journeys/{journeyId}} (the whole journey, as get_journey), {@code .../entries} and
 * {@code .../contributors} (bare arrays, as the original). A journey the reader does not contribute to, or a malformed
 * id, is a resource error, never its data.
 */
@ApplicationScoped
public class JourneyResources implements ResourceProvider, ResourceAccess {
    private static final String JSON = "application/json";
    static final String DETAIL = JourneyService.JOURNEYS + "/{journeyId}";
    static final String ENTRIES = DETAIL + "/entries";
    static final String CONTRIBUTORS = DETAIL + "/contributors";

    @Inject
    JourneyService journeys;

    private List<ResourceDefinition> resources;

    @Override
    public List<ResourceDefinition> resources() {
        return resources;
    }

    @PostConstruct
    void declare() {
        String addon = AddonId.JOURNEY.id();
        String scope = JourneyTools.READ_SCOPE;
        resources = List.of(
                new ResourceDefinition(JourneyService.JOURNEYS, null, "journeys", "Journeys",
                        "The journeys you own or contribute to, with their counts (as list_journeys).", JSON, scope, addon,
                        (grant, uri, vars) -> {
                            allowed(grant, uri);
                            return new ResourceContents(uri, JSON, Jsons.array(journeys.list(grant.userId()), b -> b).build().toString());
                        }),
                new ResourceDefinition(null, DETAIL, "journey-detail", "Journey",
                        "A whole journey: entries, linked trips, contributors, stats and your role (as get_journey).", JSON, scope, addon,
                        (grant, uri, vars) -> new ResourceContents(uri, JSON,
                                journeys.full(grant.userId(), id(grant, uri, vars)).build().toString())),
                new ResourceDefinition(null, ENTRIES, "journey-entries", "Journey entries",
                        "A journey's entries by date and position (written entries and skeletons).", JSON, scope, addon,
                        (grant, uri, vars) -> new ResourceContents(uri, JSON, Jsons.array(journeys.entries(grant.userId(),
                                id(grant, uri, vars)), JourneyEntry::toJsonBuilder).build().toString())),
                new ResourceDefinition(null, CONTRIBUTORS, "journey-contributors", "Journey contributors",
                        "A journey's owner and contributors with their roles.", JSON, scope, addon,
                        (grant, uri, vars) -> new ResourceContents(uri, JSON, Jsons.array(journeys.contributors(grant.userId(),
                                id(grant, uri, vars)), b -> b).build().toString())));
    }

    private static void allowed(AccessGrant grant, String uri) {
        if (!grant.allows(JourneyTools.READ_SCOPE)) {
            throw new ResourceNotFoundException(uri);
        }
    }

    /** The journey id of the URI, checked: a bad id, a missing scope or no access are all "not found". */
    private long id(AccessGrant grant, String uri, Map<String, String> vars) {
        allowed(grant, uri);
        long id = parse(vars.get("journeyId"));
        if (id <= 0 || !journeys.canRead(grant.userId(), id)) {
            throw new ResourceNotFoundException(uri);
        }
        return id;
    }

    static long parse(String value) {
        if (value == null || !value.matches("[1-9]\\d{0,17}")) {
            return -1;
        }
        return Long.parseLong(value);
    }

    @Override
    public Optional<Boolean> mayRead(AccessGrant grant, String uri, Map<String, String> variables) {
        if (JourneyService.JOURNEYS.equals(uri)) {
            return Optional.of(true);
        }
        if (!uri.startsWith(JourneyService.JOURNEYS + "/")) {
            return Optional.empty();
        }
        long id = parse(variables.get("journeyId"));
        try {
            return Optional.of(id > 0 && journeys.canRead(grant.userId(), id));
        } catch (JourneyException e) {
            return Optional.of(false);
        }
    }
}
