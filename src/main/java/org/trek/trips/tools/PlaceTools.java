package org.trek.trips.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;
import static org.trek.trips.tools.TripParams.DAY_ID;
import static org.trek.trips.tools.TripParams.PLACE_ID;
import static org.trek.trips.tools.TripParams.TRIP_ID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Paging;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
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
import org.trek.trips.TripViews;

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

    @Inject
    TripViews views;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<String> NAME = Param.string("name", "Place name", 1, 200);
    static final Param<String> DESCRIPTION = Param.string("description", "Description", 0, 2000);
    static final Param<Double> LAT = Param.number("lat", "Latitude", null);
    static final Param<Double> LNG = Param.number("lng", "Longitude", null);
    static final Param<String> ADDRESS = Param.string("address", "Address", 0, 500);
    static final Param<Long> CATEGORY_ID = Param.id("category_id", "Category id (list_categories)");
    static final Param<String> GOOGLE_PLACE_ID = Param.string("google_place_id", "Google place id", 0, 255);
    static final Param<String> OSM_ID = Param.string("osm_id", "OpenStreetMap id", 0, 100);
    static final Param<String> NOTES = Param.string("notes", "Notes about the place", 0, 2000);
    static final Param<String> PLACE_NOTES = Param.string("place_notes", "Notes about the place", 0, 2000);
    static final Param<String> WEBSITE = Param.string("website", "Website", 0, 500);
    static final Param<String> PHONE = Param.string("phone", "Phone", 0, 50);
    static final Param<String> ASSIGNMENT_NOTES = Param.string("assignment_notes", "Notes for this visit", 0, 500);

    // update_place: omitted stays, null clears
    static final Param<String> NEW_DESCRIPTION = Param.nullableString("description", "Description", 2000);
    static final Param<Double> NEW_LAT = Param.nullableNumber("lat", "Latitude", null);
    static final Param<Double> NEW_LNG = Param.nullableNumber("lng", "Longitude", null);
    static final Param<String> NEW_ADDRESS = Param.nullableString("address", "Address", 500);
    static final Param<Long> NEW_CATEGORY_ID = Param.nullableId("category_id", "Category id");
    static final Param<BigDecimal> NEW_PRICE = Param.nullableDecimal("price", "Price", 0.0);
    static final Param<String> NEW_CURRENCY = Param.string("currency", "ISO 4217 code", 3, 3);
    static final Param<String> NEW_PLACE_TIME = Param.nullableString("place_time", "Time (HH:MM)", 50);
    static final Param<String> NEW_END_TIME = Param.nullableString("end_time", "End time (HH:MM)", 50);
    static final Param<Integer> NEW_DURATION = Param.integer("duration_minutes", "Duration in minutes", 1, 100_000);
    static final Param<String> NEW_NOTES = Param.nullableString("notes", "Notes", 2000);
    static final Param<String> NEW_WEBSITE = Param.nullableString("website", "Website", 500);
    static final Param<String> NEW_PHONE = Param.nullableString("phone", "Phone", 50);
    static final Param<String> NEW_TRANSPORT_MODE = Param.enumeration("transport_mode", "How to get there",
            "walking", "driving", "cycling", "transit", "flight");
    static final Param<String> NEW_OSM_ID = Param.nullableString("osm_id", "OpenStreetMap id", 100);
    static final Param<String> NEW_GOOGLE_PLACE_ID = Param.nullableString("google_place_id", "Google place id", 255);

    static final Param<String> SEARCH = Param.string("search", "Text in name, address or description", 0, 200);
    static final Param<String> CATEGORY = Param.string("category", "Category name", 0, 100);
    static final Param<String> TAG = Param.string("tag", "Tag name", 0, 100);
    static final Param<String> ASSIGNMENT = Param.enumeration("assignment", "Assignment filter (default all)",
            "all", "unassigned", "assigned").orElse("all");
    static final Param<String> QUERY = Param.string("query", "What to look for, e.g. 'Colosseum Rome'", 1, 500).required();
    static final Param<String> URL = Param.string("url", "The list's share link (https)", 1, 2000).required();
    static final Param<String> SOURCE = Param.enumeration("source", "Where the list lives", PlaceListImport.GOOGLE,
            PlaceListImport.NAVER).required();
    static final Param<List<Long>> PLACE_IDS = Param.ids("placeIds", "Place ids", 1, 200).required();

    /** The place fields shared by create_place, create_and_assign_place and create_place_accommodation. */
    static Fields placeFields(Param<String> notes) {
        return Fields.of(TRIP_ID, NAME.required(), DESCRIPTION, LAT, LNG, ADDRESS, CATEGORY_ID, GOOGLE_PLACE_ID, OSM_ID, notes,
                WEBSITE, PHONE);
    }

    static PlaceService.PlaceFields placeFields(Call c, Param<String> notes) {
        return PlaceService.PlaceFields.of(c.get(NAME), c.get(DESCRIPTION), c.get(LAT), c.get(LNG), c.get(ADDRESS),
                c.get(CATEGORY_ID), c.get(notes), c.get(WEBSITE), c.get(PHONE), c.get(OSM_ID), c.get(GOOGLE_PLACE_ID));
    }

    @PostConstruct
    void declare() {
        JsonObject placeOut = Schema.nested().object("place", WireShapes.PLACE, true).buildOutput();
        tools = List.of(
                kit.tool("create_place", "Create place",
                        "Adds a place to a trip (search first to avoid duplicates). It is not on any day until assigned.",
                        placeFields(NOTES), placeOut, CREATE, Scopes.PLACES_WRITE, null,
                        c -> Results.of("place", views.place(places.create(c.userId(), c.get(TRIP_ID), placeFields(c, NOTES))))),
                kit.tool("create_and_assign_place", "Create place and assign to day",
                        "Adds a place and puts it at the end of a day, in one transaction (both or nothing).",
                        placeFields(PLACE_NOTES).and(DAY_ID, ASSIGNMENT_NOTES),
                        Schema.nested().object("place", WireShapes.PLACE, true).object("assignment", WireShapes.ASSIGNMENT, true).buildOutput(),
                        CREATE, Scopes.PLACES_WRITE, null, this::createAndAssign),
                kit.tool("update_place", "Update place",
                        "Changes a place; omitted fields stay, null clears a nullable field.",
                        Fields.of(TRIP_ID, PLACE_ID, NAME, NEW_DESCRIPTION, NEW_LAT, NEW_LNG, NEW_ADDRESS, NEW_CATEGORY_ID, NEW_PRICE,
                                NEW_CURRENCY, NEW_PLACE_TIME, NEW_END_TIME, NEW_DURATION, NEW_NOTES, NEW_WEBSITE, NEW_PHONE,
                                NEW_TRANSPORT_MODE, NEW_OSM_ID, NEW_GOOGLE_PLACE_ID),
                        placeOut, UPDATE, Scopes.PLACES_WRITE, null, this::update),
                kit.tool("delete_place", "Delete place",
                        "Deletes a place and its day assignments. Ask the user to confirm first.",
                        Fields.of(TRIP_ID, PLACE_ID), Schema.success(), DELETE, Scopes.PLACES_WRITE, null, c -> {
                            places.delete(c.userId(), c.get(TRIP_ID), c.get(PLACE_ID));
                            return Results.success();
                        }),
                kit.tool("list_places", "List places",
                        "Lists a trip's places, optionally filtered by text, category name, tag name or assignment state. Paginated.",
                        Fields.of(TRIP_ID, SEARCH, CATEGORY, TAG, ASSIGNMENT, Paging.LIMIT, Paging.CURSOR),
                        Schema.nested().objects("places", WireShapes.PLACE, true).nullableString("next_cursor", "Cursor of the next page, null on the last", 0, false).buildOutput(),
                        READ, Scopes.PLACES_READ, null, this::list),
                kit.tool("list_categories", "List categories", "Lists the place categories of this server.",
                        Fields.of(), Schema.nested().objects("categories", WireShapes.CATEGORY, true).buildOutput(),
                        READ, Scopes.PLACES_READ, null, this::categories),
                kit.tool("search_place", "Search places",
                        "Finds places by name or address with OpenStreetMap (Nominatim). Use the osm_id, lat, lng and address "
                                + "of a hit in create_place. Search before creating a place.",
                        Fields.of(QUERY),
                        Schema.nested().objects("places", WireShapes.PLACE_HIT, true).string("source", "openstreetmap", 1, 0, true).buildOutput(),
                        READ_OPEN_WORLD, Scopes.PLACES_READ, null, this::search),
                kit.tool("import_places_from_url", "Import places from a shared list",
                        "Adds the places of a publicly shared Google Maps list (source google-list: maps.app.goo.gl or "
                                + "google.com/maps list links) or Naver Map list (source naver-list: naver.me or map.naver.com "
                                + "favorite-folder links; needs the Naver list import addon) to a trip, in one transaction. Places "
                                + "the trip already has are skipped. They are not on any day until assigned.",
                        Fields.of(TRIP_ID, URL, SOURCE),
                        Schema.nested().objects("places", WireShapes.PLACE, true).integer("count", "Places created", 0, null, true)
                                .string("listName", "The list's name", 1, 0, true)
                                .integer("skipped", "List entries not imported (already in the trip, repeated or unusable)", 0, null, true)
                                .buildOutput(),
                        CREATE_OPEN_WORLD, Scopes.PLACES_WRITE, null, this::importFromUrl),
                kit.tool("bulk_delete_places", "Delete several places",
                        "Deletes up to 200 places of a trip in one transaction: if any id is not in the trip, nothing is deleted.",
                        Fields.of(TRIP_ID, PLACE_IDS),
                        Schema.nested().ids("deleted", true).integer("count", "How many", 0, null, true).buildOutput(),
                        DELETE, Scopes.PLACES_WRITE, null, this::bulkDelete),
                kit.tool("bulk_update_places", "Update several places",
                        "Update many places in a trip at once, applying the SAME field values to every listed place (e.g. "
                                + "set category_id for 80 places) in a single call instead of one update_place per place. "
                                + "Only the fields you set are changed. Every id must be a place of the trip and the values "
                                + "valid, or nothing changes (one transaction). Use list_categories for category_id.",
                        Fields.of(TRIP_ID, BULK_PLACE_IDS, BULK_CATEGORY_ID, BULK_PRICE, NEW_CURRENCY, NEW_TRANSPORT_MODE,
                                BULK_PLACE_TIME, BULK_END_TIME, NEW_DURATION, NOTES, WEBSITE, PHONE, DESCRIPTION),
                        Schema.nested().integer("count", "Places updated", 0, null, true).ids("updatedIds", true)
                                .integer("skipped", "Ids not updated (always 0: a foreign id refuses the whole call)", 0, null, true)
                                .buildOutput(),
                        UPDATE, Scopes.PLACES_WRITE, null, this::bulkUpdate));
    }

    private JsonObject createAndAssign(Call call) {
        DayAssignment[] out = new DayAssignment[1];
        Place p = places.createAndAssign(call.userId(), call.get(TRIP_ID), call.get(DAY_ID), placeFields(call, PLACE_NOTES),
                call.get(ASSIGNMENT_NOTES), out);
        return JsonFactory.createObjectBuilder().add("place", views.place(p)).add("assignment", views.assignment(out[0])).build();
    }

    private JsonObject update(Call call) {
        PlaceService.PlaceFields f = new PlaceService.PlaceFields(call.get(NAME), call.patch(NEW_DESCRIPTION),
                call.patch(NEW_LAT), call.patch(NEW_LNG), call.patch(NEW_ADDRESS), call.patch(NEW_CATEGORY_ID),
                call.patch(NEW_PRICE), call.get(NEW_CURRENCY), call.patch(NEW_PLACE_TIME), call.patch(NEW_END_TIME),
                call.get(NEW_DURATION), call.patch(NEW_NOTES), call.patch(NEW_WEBSITE), call.patch(NEW_PHONE),
                call.get(NEW_TRANSPORT_MODE), call.patch(NEW_OSM_ID), call.patch(NEW_GOOGLE_PLACE_ID));
        return Results.of("place", views.place(places.update(call.userId(), call.get(TRIP_ID), call.get(PLACE_ID), f)));
    }

    private JsonObject list(Call call) {
        Paging p = call.paging();
        TripService.Page<Place> page = places.list(call.userId(), call.get(TRIP_ID), call.get(SEARCH), call.get(CATEGORY),
                call.get(TAG), call.get(ASSIGNMENT), p.limit(), p.offset());
        JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("places", views.placeArray(page.items()));
        Jsons.put(out, "next_cursor", page.nextCursor());
        return out.build();
    }

    private JsonObject categories(Call call) {
        return JsonFactory.createObjectBuilder().add("categories", Jsons.array(places.categories(), Category::toJson)).build();
    }

    private JsonObject search(Call call) {
        List<org.trek.trips.PlaceSearch.Hit> hits = search.search(call.get(QUERY));
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
    private JsonObject importFromUrl(Call call) {
        String source = call.get(SOURCE);
        if (PlaceListImport.NAVER.equals(source) && !addons.isEnabled(PlaceListImport.NAVER_ADDON)) {
            throw new TripException("The " + PlaceListImport.NAVER_ADDON.id() + " addon is disabled on this server.");
        }
        long tripId = call.get(TRIP_ID);
        access.require(call.userId(), tripId, Permission.PLACE_EDIT);
        PlaceListImport.ListRef ref = PlaceListImport.parse(source, call.get(URL));
        PlaceListImport.ListContent list = lists.fetch(ref);
        PlaceService.ImportResult r = places.importPlaces(call.userId(), tripId, list.places(), list.unusable());
        return JsonFactory.createObjectBuilder().add("places", views.placeArray(r.created())).add("count", r.created().size())
                .add("listName", list.name()).add("skipped", r.skipped()).build();
    }

    private JsonObject bulkDelete(Call call) {
        List<Long> deleted = places.bulkDelete(call.userId(), call.get(TRIP_ID), call.get(PLACE_IDS));
        return JsonFactory.createObjectBuilder().add("deleted", Jsons.array(deleted, id -> id)).add("count", deleted.size()).build();
    }

    static final Param<List<Long>> BULK_PLACE_IDS = Param.ids("placeIds", "IDs of the places to update (from list_places)",
            1, 500).required();
    static final Param<Long> BULK_CATEGORY_ID = Param.id("category_id", "Category ID (list_categories)");
    static final Param<BigDecimal> BULK_PRICE = Param.decimal("price", "Price", 0.0);
    static final Param<String> BULK_PLACE_TIME = Param.string("place_time", "Scheduled time (e.g. \"09:00\")", 0, 50);
    static final Param<String> BULK_END_TIME = Param.string("end_time", "End time (e.g. \"11:00\")", 0, 50);

    private JsonObject bulkUpdate(Call call) {
        PlaceService.PlaceFields f = new PlaceService.PlaceFields(null, org.trek.platform.Patch.ifPresent(call.get(DESCRIPTION)),
                org.trek.platform.Patch.keep(), org.trek.platform.Patch.keep(), org.trek.platform.Patch.keep(),
                org.trek.platform.Patch.ifPresent(call.get(BULK_CATEGORY_ID)), org.trek.platform.Patch.ifPresent(call.get(BULK_PRICE)),
                call.get(NEW_CURRENCY), org.trek.platform.Patch.ifPresent(call.get(BULK_PLACE_TIME)),
                org.trek.platform.Patch.ifPresent(call.get(BULK_END_TIME)), call.get(NEW_DURATION),
                org.trek.platform.Patch.ifPresent(call.get(NOTES)), org.trek.platform.Patch.ifPresent(call.get(WEBSITE)),
                org.trek.platform.Patch.ifPresent(call.get(PHONE)), call.get(NEW_TRANSPORT_MODE), org.trek.platform.Patch.keep(),
                org.trek.platform.Patch.keep());
        boolean nothing = call.get(DESCRIPTION) == null && call.get(BULK_CATEGORY_ID) == null && call.get(BULK_PRICE) == null
                && call.get(NEW_CURRENCY) == null && call.get(BULK_PLACE_TIME) == null && call.get(BULK_END_TIME) == null
                && call.get(NEW_DURATION) == null && call.get(NOTES) == null && call.get(WEBSITE) == null
                && call.get(PHONE) == null && call.get(NEW_TRANSPORT_MODE) == null;
        if (nothing) {
            access.require(call.userId(), call.get(TRIP_ID), Permission.PLACE_EDIT); // the trip's refusal comes first
            throw new TripException("Provide at least one field to update.");
        }
        List<Place> updated = places.bulkUpdate(call.userId(), call.get(TRIP_ID), call.get(BULK_PLACE_IDS), f);
        return JsonFactory.createObjectBuilder().add("count", updated.size())
                .add("updatedIds", Jsons.array(updated, Place::getId)).add("skipped", 0).build();
    }
}
