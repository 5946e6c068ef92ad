package org.trek.collab.resources;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.BiFunction;
import org.trek.collab.CollabService;
import org.trek.collab.tools.CollabTools;
import org.trek.mcp.registry.ResourceContents;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.mcp.registry.ResourceProvider;
import org.trek.platform.DomainException;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.addons.AddonService;
import org.trek.platform.addons.SubSwitch;
import org.trek.platform.auth.AccessGrant;

/**
 * The collab resources (reference §5.2), bare arrays as the original answers them: {@code …/collab-notes} (notes,
 * pinned first), {@code …/collab/polls} (newest first, with voters and vote counts), {@code …/collab/messages} (the
 * latest {@value CollabService#MESSAGE_PAGE}, oldest first). Each needs collab:read and its part of the collab addon;
 * a trip the reader cannot access is not found. Lists cut at {@value #CAP} say so in the contents' _meta. Whether a
 * subscriber may still read one is answered by the trip resources' access check (the URIs are under the trip's).
 */
@ApplicationScoped
public class CollabResources implements ResourceProvider {
    static final int CAP = 200;
    private static final String JSON = "application/json";
    private static final JsonObject TRUNCATED = JsonFactory.createObjectBuilder().add("trek/truncated", true).build();

    @Inject
    CollabService collab;

    @Inject
    AddonService addons;

    private List<ResourceDefinition> resources;

    @Override
    public List<ResourceDefinition> resources() {
        return resources;
    }

    /** A list and whether it was cut. */
    private record Listed(List<JsonObject> items, boolean more) {
    }

    @PostConstruct
    void declare() {
        resources = List.of(
                template("trek://trips/{tripId}/collab-notes", "trip-collab-notes", "Collab notes",
                        "The shared notes of a trip with their authors, pinned first.", SubSwitch.COLLAB_NOTES, (g, trip) -> {
                            List<JsonObject> notes = collab.notes(g.userId(), trip, CAP + 1);
                            return new Listed(notes.subList(0, Math.min(notes.size(), CAP)), notes.size() > CAP);
                        }),
                template("trek://trips/{tripId}/collab/polls", "trip-collab-polls", "Collab polls",
                        "The polls of a trip, newest first, with each option's voters and vote count.", SubSwitch.COLLAB_POLLS,
                        (g, trip) -> {
                            CollabService.Polls polls = collab.polls(g.userId(), trip, CAP, 0);
                            return new Listed(polls.polls(), polls.more());
                        }),
                template("trek://trips/{tripId}/collab/messages", "trip-collab-messages", "Collab messages",
                        "The latest " + CollabService.MESSAGE_PAGE + " chat messages of a trip, oldest first, with replies and reactions.",
                        SubSwitch.COLLAB_CHAT, (g, trip) -> {
                            CollabService.Messages page = collab.messages(g.userId(), trip, null);
                            return new Listed(page.messages(), page.more());
                        }));
    }

    private ResourceDefinition template(String uriTemplate, String name, String title, String description, SubSwitch part,
                                        BiFunction<AccessGrant, Long, Listed> body) {
        return new ResourceDefinition(null, uriTemplate, name, title, description, JSON, CollabTools.READ_SCOPE, part.gate(),
                (grant, uri, vars) -> {
                    if (!grant.allows(CollabTools.READ_SCOPE) || !addons.isEnabled(part)) {
                        throw new ResourceNotFoundException(uri);
                    }
                    String v = vars == null ? null : vars.get("tripId");
                    if (v == null || !v.matches("[1-9]\\d{0,17}")) {
                        throw new ResourceNotFoundException(uri);
                    }
                    Listed listed;
                    try {
                        listed = body.apply(grant, Long.parseLong(v));
                    } catch (DomainException e) {
                        throw new ResourceNotFoundException(uri);
                    }
                    return new ResourceContents(uri, JSON, Jsons.array(listed.items(), x -> x).build().toString(), null,
                            listed.more() ? TRUNCATED : null);
                });
    }
}
