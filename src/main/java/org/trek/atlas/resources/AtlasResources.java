package org.trek.atlas.resources;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.trek.atlas.AtlasService;
import org.trek.atlas.BucketItem;
import org.trek.atlas.tools.AtlasTools;
import org.trek.mcp.registry.ResourceAccess;
import org.trek.mcp.registry.ResourceContents;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.mcp.registry.ResourceProvider;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.AddonService;
import org.trek.platform.auth.AccessGrant;

/**
 * The reader's own atlas as resources (atlas addon, atlas:read), each the original's bare form:
 * {@code trek://bucket-list} (items, newest first, at most {@value #BUCKET_CAP}: a longer list says so in the contents'
 * _meta), {@code trek://visited-countries} ({@code [{country_code, created_at}]}), {@code trek://atlas/stats} (the
 * stats object of get_atlas_stats) and {@code trek://atlas/regions} (the regions marked by hand). Writes announce them
 * to the user's subscriptions ({@link AtlasService}).
 */
@ApplicationScoped
public class AtlasResources implements ResourceProvider, ResourceAccess {
    static final int BUCKET_CAP = 200;
    private static final String JSON = "application/json";
    private static final JsonObject TRUNCATED = JsonFactory.createObjectBuilder().add("trek/truncated", true).build();
    private static final Set<String> URIS = Set.of(AtlasService.BUCKET_LIST, AtlasService.VISITED_COUNTRIES, AtlasService.STATS,
            AtlasService.REGIONS);

    @Inject
    AtlasService atlas;

    @Inject
    AddonService addons;

    private List<ResourceDefinition> resources;

    @Override
    public List<ResourceDefinition> resources() {
        return resources;
    }

    @PostConstruct
    void declare() {
        resources = List.of(
                resource(AtlasService.BUCKET_LIST, "bucket-list", "Bucket list", "Your travel bucket list, newest first.",
                        (uri, user) -> {
                            List<BucketItem> items = atlas.bucketList(user, BUCKET_CAP + 1);
                            boolean more = items.size() > BUCKET_CAP;
                            return new ResourceContents(uri, JSON, Jsons.array(more ? items.subList(0, BUCKET_CAP) : items,
                                    BucketItem::toJson).build().toString(), null, more ? TRUNCATED : null);
                        }),
                resource(AtlasService.VISITED_COUNTRIES, "visited-countries", "Visited countries",
                        "The countries you marked as visited in Atlas, latest first.",
                        (uri, user) -> new ResourceContents(uri, JSON, Jsons.array(atlas.visitedCountries(user), v -> Jsons.put(
                                JsonFactory.createObjectBuilder().add("country_code", v.countryCode()), "created_at",
                                v.createdAt() == null ? null : v.createdAt().toString())).build().toString())),
                resource(AtlasService.STATS, "atlas-stats", "Atlas stats",
                        "Your atlas statistics: visited countries with counts, totals, continents, last and next trip.",
                        (uri, user) -> new ResourceContents(uri, JSON, AtlasTools.stats(atlas.stats(user)).build().toString())),
                resource(AtlasService.REGIONS, "atlas-regions", "Visited regions",
                        "The regions (ISO 3166-2) you marked as visited, latest first.",
                        (uri, user) -> new ResourceContents(uri, JSON, Jsons.array(atlas.visitedRegions(user), AtlasTools::region)
                                .build().toString())));
    }

    private ResourceDefinition resource(String uri, String name, String title, String description,
                                        BiFunction<String, Long, ResourceContents> read) {
        return new ResourceDefinition(uri, null, name, title, description, JSON, AtlasTools.READ_SCOPE, AddonId.ATLAS.id(),
                (grant, u, variables) -> {
                    if (!grant.allows(AtlasTools.READ_SCOPE) || !addons.isEnabled(AddonId.ATLAS)) {
                        throw new ResourceNotFoundException(u);
                    }
                    return read.apply(u, grant.userId());
                });
    }

    /** Everyone reads only their own atlas: a grant with the scope may always read it (the MCP layer checks scope and addon). */
    @Override
    public Optional<Boolean> mayRead(AccessGrant grant, String uri, Map<String, String> variables) {
        return URIS.contains(uri) ? Optional.of(true) : Optional.empty();
    }
}
