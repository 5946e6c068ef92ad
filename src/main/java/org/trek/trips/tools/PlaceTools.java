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
import jakarta.json.JsonObjectBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.trips.Category;
import org.trek.trips.DayAssignment;
import org.trek.platform.Jsons;
import org.trek.trips.Place;
import org.trek.trips.Permission;
import org.trek.trips.PlaceListImport;
import org.trek.trips.PlaceService;
import org.trek.trips.TripAccess;
import org.trek.trips.TripException;
import org.trek.trips.TripService;

/** Place tools: create (alone or with a day assignment), update, delete (one or many), list, categories. */
@ApplicationScoped
public class PlaceTools implements ToolProvider {

    @Inject
    ToolKit kit;

    @Inject
    PlaceService places;

    @Inject
    org.trek.trips.PlaceSearch search;

    @Inject
    PlaceListImport lists;

    @Inject
    TripAccess access;

    @Inject
    AddonService addons;

    /** import_places_from_url creates places from an outside list: a write that reaches the open world. */
    static final org.trek.mcp.registry.ToolAnnotations CREATE_OPEN_WORLD = new org.trek.mcp.registry.ToolAnnotations(false, false, false, true);

    /** search_place asks an outside service: read-only, but open-world. */
    static final org.trek.mcp.registry.ToolAnnotations READ_OPEN_WORLD = new org.trek.mcp.registry.ToolAnnotations(true, false, true, true);

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    /** The place fields shared by create_place, create_and_assign_place and create_place_accommodation. */
    static Schema placeFields(Schema s, String notesField) {
        return s.string("name", "Place name", 1, 200, true)
                .string("description", "Description", 0, 2000, false)
                .number("lat", "Latitude", null, false)
                .number("lng", "Longitude", null, false)
                .string("address", "Address", 0, 500, false)
                .id("category_id", "Category id (list_categories)", false)
                .string("google_place_id", "Google place id", 0, 255, false)
                .string("osm_id", "OpenStreetMap id", 0, 100, false)
                .string(notesField, "Notes about the place", 0, 2000, false)
                .string("website", "Website", 0, 500, false)
                .string("phone", "Phone", 0, 50, false);
    }

    static PlaceService.PlaceFields placeFields(Args a, String notesField) {
        return new PlaceService.PlaceFields(a.string("name"), a.optString("description"), a.optDouble("lat"), a.optDouble("lng"),
                a.optString("address"), a.optLong("category_id"), null, null, null, null, null, a.optString(notesField),
                a.optString("website"), a.optString("phone"), null, a.optString("osm_id"), a.optString("google_place_id"), Set.of());
    }

    @PostConstruct
    void declare() {
        JsonObject placeOut = Schema.nested().object("place", true).buildOutput();
        tools = List.of(
                kit.tool("create_place", "Create place",
                        "Adds a place to a trip (search first to avoid duplicates). It is not on any day until assigned.",
                        placeFields(Schema.input().tripId(), "notes").build(), placeOut, CREATE, Scopes.PLACES_WRITE, null, this::create),
                kit.tool("create_and_assign_place", "Create place and assign to day",
                        "Adds a place and puts it at the end of a day, in one transaction (both or nothing).",
                        placeFields(Schema.input().tripId(), "place_notes").id("dayId", "Day id", true)
                                .string("assignment_notes", "Notes for this visit", 0, 500, false).build(),
                        Schema.nested().object("place", true).object("assignment", true).buildOutput(),
                        CREATE, Scopes.PLACES_WRITE, null, this::createAndAssign),
                kit.tool("update_place", "Update place",
                        "Changes a place; omitted fields stay, null clears a nullable field.",
                        Schema.input().tripId().id("placeId", "Place id", true)
                                .string("name", "Place name", 1, 200, false)
                                .nullableString("description", "Description", 2000, false)
                                .nullableNumber("lat", "Latitude", null).nullableNumber("lng", "Longitude", null)
                                .nullableString("address", "Address", 500, false)
                                .nullableId("category_id", "Category id")
                                .nullableNumber("price", "Price", 0.0)
                                .string("currency", "ISO 4217 code", 3, 3, false)
                                .nullableString("place_time", "Time (HH:MM)", 50, false)
                                .nullableString("end_time", "End time (HH:MM)", 50, false)
                                .integer("duration_minutes", "Duration in minutes", 1, 100_000, false)
                                .nullableString("notes", "Notes", 2000, false)
                                .nullableString("website", "Website", 500, false)
                                .nullableString("phone", "Phone", 50, false)
                                .enumeration("transport_mode", "How to get there", false, "walking", "driving", "cycling", "transit", "flight")
                                .nullableString("osm_id", "OpenStreetMap id", 100, false)
                                .nullableString("google_place_id", "Google place id", 255, false).build(),
                        placeOut, UPDATE, Scopes.PLACES_WRITE, null, this::update),
                kit.tool("delete_place", "Delete place",
                        "Deletes a place and its day assignments. Ask the user to confirm first.",
                        Schema.input().tripId().id("placeId", "Place id", true).build(), Schema.success(),
                        DELETE, Scopes.PLACES_WRITE, null, this::delete),
                kit.tool("list_places", "List places",
                        "Lists a trip's places, optionally filtered by text, category name, tag name or assignment state. Paginated.",
                        Schema.input().tripId().string("search", "Text in name, address or description", 0, 200, false)
                                .string("category", "Category name", 0, 100, false).string("tag", "Tag name", 0, 100, false)
                                .enumeration("assignment", "Assignment filter (default all)", false, "all", "unassigned", "assigned")
                                .paging().build(),
                        Schema.nested().objects("places", true).nullableString("next_cursor", "Cursor of the next page, null on the last", 0, false).buildOutput(),
                        READ, Scopes.PLACES_READ, null, this::list),
                kit.tool("list_categories", "List categories", "Lists the place categories of this server.",
                        Schema.input().build(), Schema.nested().objects("categories", true).buildOutput(),
                        READ, Scopes.PLACES_READ, null, this::categories),
                kit.tool("search_place", "Search places",
                        "Finds places by name or address with OpenStreetMap (Nominatim). Use the osm_id, lat, lng and address "
                                + "of a hit in create_place. Search before creating a place.",
                        Schema.input().string("query", "What to look for, e.g. 'Colosseum Rome'", 1, 500, true).build(),
                        Schema.nested().objects("places", true).string("source", "openstreetmap", 1, 0, true).buildOutput(),
                        READ_OPEN_WORLD, Scopes.PLACES_READ, null, this::search),
                kit.tool("import_places_from_url", "Import places from a shared list",
                        "Adds the places of a publicly shared Google Maps list (source google-list: maps.app.goo.gl or "
                                + "google.com/maps list links) or Naver Map list (source naver-list: naver.me or map.naver.com "
                                + "favorite-folder links; needs the Naver list import addon) to a trip, in one transaction. Places "
                                + "the trip already has are skipped. They are not on any day until assigned.",
                        Schema.input().tripId().string("url", "The list's share link (https)", 1, 2000, true)
                                .enumeration("source", "Where the list lives", true, PlaceListImport.GOOGLE, PlaceListImport.NAVER).build(),
                        Schema.nested().objects("places", true).integer("count", "Places created", 0, null, true)
                                .string("listName", "The list's name", 1, 0, true)
                                .integer("skipped", "List entries not imported (already in the trip, repeated or unusable)", 0, null, true)
                                .buildOutput(),
                        CREATE_OPEN_WORLD, Scopes.PLACES_WRITE, null, this::importFromUrl),
                kit.tool("bulk_delete_places", "Delete several places",
                        "Deletes up to 200 places of a trip in one transaction: if any id is not in the trip, nothing is deleted.",
                        Schema.input().tripId().ids("placeIds", "Place ids", 1, 200, true).build(),
                        Schema.nested().raw("deleted", JsonFactory.createObjectBuilder().add("type", "array").build(), true)
                                .integer("count", "How many", 0, null, true).buildOutput(),
                        DELETE, Scopes.PLACES_WRITE, null, this::bulkDelete));
    }

    private JsonObject create(ToolCall call) {
        Args a = new Args(call.arguments());
        Place p = places.create(call.userId(), a.id("tripId"), placeFields(a, "notes"));
        return JsonFactory.createObjectBuilder().add("place", p.toJson()).build();
    }

    private JsonObject createAndAssign(ToolCall call) {
        Args a = new Args(call.arguments());
        DayAssignment[] out = new DayAssignment[1];
        Place p = places.createAndAssign(call.userId(), a.id("tripId"), a.id("dayId"), placeFields(a, "place_notes"),
                a.optString("assignment_notes"), out);
        return JsonFactory.createObjectBuilder().add("place", p.toJson()).add("assignment", out[0].toJson()).build();
    }

    private JsonObject update(ToolCall call) {
        Args a = new Args(call.arguments());
        Set<String> clear = new HashSet<>();
        for (String k : List.of("description", "address", "category_id", "place_time", "end_time", "notes", "website", "phone",
                "osm_id", "google_place_id", "price", "lat", "lng")) {
            if (a.isNull(k)) {
                clear.add(k);
            }
        }
        PlaceService.PlaceFields f = new PlaceService.PlaceFields(a.optString("name"), a.optString("description"),
                a.optDouble("lat"), a.optDouble("lng"), a.optString("address"), a.optLong("category_id"), a.optDecimal("price"),
                a.optString("currency"), a.optString("place_time"), a.optString("end_time"), a.optInt("duration_minutes"),
                a.optString("notes"), a.optString("website"), a.optString("phone"), a.optString("transport_mode"),
                a.optString("osm_id"), a.optString("google_place_id"), clear);
        Place p = places.update(call.userId(), a.id("tripId"), a.id("placeId"), f);
        return JsonFactory.createObjectBuilder().add("place", p.toJson()).build();
    }

    private JsonObject delete(ToolCall call) {
        Args a = new Args(call.arguments());
        places.delete(call.userId(), a.id("tripId"), a.id("placeId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }

    private JsonObject list(ToolCall call) {
        Args a = new Args(call.arguments());
        Paging p = Paging.from(a);
        String assignment = a.optString("assignment");
        TripService.Page<Place> page = places.list(call.userId(), a.id("tripId"), a.optString("search"), a.optString("category"),
                a.optString("tag"), assignment == null ? "all" : assignment, p.limit(), p.offset());
        JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("places", Jsons.array(page.items(), Place::toJson));
        Jsons.put(out, "next_cursor", page.nextCursor());
        return out.build();
    }

    private JsonObject categories(ToolCall call) {
        return JsonFactory.createObjectBuilder().add("categories", Jsons.array(places.categories(), Category::toJson)).build();
    }

    private JsonObject search(ToolCall call) {
        List<org.trek.trips.PlaceSearch.Hit> hits = search.search(new Args(call.arguments()).string("query"));
        return JsonFactory.createObjectBuilder().add("places", Jsons.array(hits, h -> {
            JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("name", h.name()).add("address", h.address())
                    .add("lat", h.lat()).add("lng", h.lng()).add("osm_id", h.osmId());
            return Jsons.put(b, "type", h.type());
        })).add("source", "openstreetmap").build();
    }

    /**
     * Order: addon (naver-list needs naver_list_import; reference §9.1 hole), trip access and place_edit before any
     * outside request, then the URL (only the list id is used, never the URL itself), then the list service, then
     * one transaction that checks access again and creates the places.
     */
    private JsonObject importFromUrl(ToolCall call) {
        Args a = new Args(call.arguments());
        String source = a.string("source");
        if (PlaceListImport.NAVER.equals(source) && !addons.isEnabled(PlaceListImport.NAVER_ADDON)) {
            throw new TripException("The " + PlaceListImport.NAVER_ADDON.id() + " addon is disabled on this server.");
        }
        long tripId = a.id("tripId");
        access.require(call.userId(), tripId, Permission.PLACE_EDIT);
        PlaceListImport.ListRef ref = PlaceListImport.parse(source, a.string("url"));
        PlaceListImport.ListContent list = lists.fetch(ref);
        PlaceService.ImportResult r = places.importPlaces(call.userId(), tripId, list.places(), list.unusable());
        return JsonFactory.createObjectBuilder().add("places", Jsons.array(r.created(), Place::toJson)).add("count", r.created().size())
                .add("listName", list.name()).add("skipped", r.skipped()).build();
    }

    private JsonObject bulkDelete(ToolCall call) {
        Args a = new Args(call.arguments());
        List<Long> deleted = places.bulkDelete(call.userId(), a.id("tripId"), a.ids("placeIds"));
        return JsonFactory.createObjectBuilder().add("deleted", Jsons.array(deleted, id -> id)).add("count", deleted.size()).build();
    }
}
