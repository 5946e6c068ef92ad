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
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
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

    @PostConstruct
    void declare() {
        JsonObject tagOut = Schema.nested().object("tag", true).buildOutput();
        tools = List.of(
                kit.tool("list_tags", "List tags", "Lists your own tags.", Schema.input().build(),
                        Schema.nested().objects("tags", true).buildOutput(), READ, Scopes.PLACES_READ, null,
                        call -> JsonFactory.createObjectBuilder().add("tags", Jsons.array(places.tags(call.userId()), Tag::toJson)).build()),
                kit.tool("create_tag", "Create tag", "Creates one of your tags.",
                        Schema.input().string("name", "Tag name", 1, 100, true).string("color", "Hex colour like #10b981", 4, 7, false).build(),
                        tagOut, CREATE, Scopes.PLACES_WRITE, null, this::create),
                kit.tool("update_tag", "Update tag", "Renames or recolours one of your tags.",
                        Schema.input().id("tagId", "Tag id", true).string("name", "Tag name", 1, 100, false)
                                .string("color", "Hex colour", 4, 7, false).build(),
                        tagOut, UPDATE, Scopes.PLACES_WRITE, null, this::update),
                kit.tool("delete_tag", "Delete tag", "Deletes one of your tags (places keep existing).",
                        Schema.input().id("tagId", "Tag id", true).build(), Schema.success(), DELETE, Scopes.PLACES_WRITE, null, this::delete));
    }

    private JsonObject create(ToolCall call) {
        Args a = new Args(call.arguments());
        return JsonFactory.createObjectBuilder().add("tag", places.createTag(call.userId(), a.string("name"), a.optString("color")).toJson()).build();
    }

    private JsonObject update(ToolCall call) {
        Args a = new Args(call.arguments());
        return JsonFactory.createObjectBuilder().add("tag",
                places.updateTag(call.userId(), a.id("tagId"), a.optString("name"), a.optString("color")).toJson()).build();
    }

    private JsonObject delete(ToolCall call) {
        places.deleteTag(call.userId(), new Args(call.arguments()).id("tagId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }
}
