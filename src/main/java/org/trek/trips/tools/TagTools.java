package org.trek.trips.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import java.util.List;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.mcp.registry.ToolProvider;
import org.trek.platform.Jsons;
import org.trek.trips.PlaceService;
import org.trek.trips.Tag;

/** Tags belong to the calling user (not to a trip): list, create, rename/recolour, delete. */
@ApplicationScoped
public class TagTools implements ToolProvider {

    @Inject
    ToolKit kit;

    @Inject
    PlaceService places;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<Long> TAG_ID = Param.id("tagId", "Tag id").required();
    static final Param<String> NAME = Param.string("name", "Tag name", 1, 100);
    static final Param<String> NEW_COLOR = Param.string("color", "Hex colour like #10b981", 4, 7);
    static final Param<String> COLOR = Param.string("color", "Hex colour", 4, 7);

    @PostConstruct
    void declare() {
        JsonObject tagOut = Schema.nested().object("tag", WireShapes.TAG, true).buildOutput();
        tools = List.of(
                kit.tool("list_tags", "List tags", "Lists your own tags.", Fields.of(),
                        Schema.nested().objects("tags", WireShapes.TAG, true).buildOutput(), READ, Scopes.PLACES_READ, null,
                        c -> JsonFactory.createObjectBuilder().add("tags", Jsons.array(places.tags(c.userId()), Tag::toJson)).build()),
                kit.tool("create_tag", "Create tag", "Creates one of your tags.",
                        Fields.of(NAME.required(), NEW_COLOR), tagOut, CREATE, Scopes.PLACES_WRITE, null,
                        c -> Results.of("tag", places.createTag(c.userId(), c.get(NAME), c.get(NEW_COLOR)).toJson())),
                kit.tool("update_tag", "Update tag", "Renames or recolours one of your tags.",
                        Fields.of(TAG_ID, NAME, COLOR), tagOut, UPDATE, Scopes.PLACES_WRITE, null,
                        c -> Results.of("tag", places.updateTag(c.userId(), c.get(TAG_ID), c.get(NAME), c.get(COLOR)).toJson())),
                kit.tool("delete_tag", "Delete tag", "Deletes one of your tags (places keep existing).",
                        Fields.of(TAG_ID), Schema.success(), DELETE, Scopes.PLACES_WRITE, null, c -> {
                            places.deleteTag(c.userId(), c.get(TAG_ID));
                            return Results.success();
                        }));
    }
}
