package org.trek.journey.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.trek.journey.JourneyEntry;
import org.trek.journey.JourneyService;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.Shape;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.addons.AddonId;

/**
 * The 22 journey tools of TREK 3.4.1 (addon journey, off by default), in the original's order: reads need journey
 * read (journey:read or journey:write), writes journey:write, the public link journey:share (which alone does not
 * read). Who may do what on a journey is {@link JourneyService}'s.
 */
@ApplicationScoped
public class JourneyTools implements ToolProvider {
    public static final String READ_SCOPE = "journey:read";
    public static final String WRITE_SCOPE = "journey:write";
    public static final String SHARE_SCOPE = "journey:share";

    @Inject
    ToolKit kit;

    @Inject
    JourneyService journeys;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<Long> JOURNEY_ID = Param.id("journeyId", "Journey id (from list_journeys)").required();
    static final Param<Long> ENTRY_ID = Param.id("entryId", "Entry id (from list_journey_entries)").required();
    static final Param<Long> TRIP_ID = Param.id("tripId", "Trip id (from list_journey_available_trips); you must be able to open the trip")
            .required();
    static final Param<String> TITLE = Param.string("title", "Journey title", 1, 200);
    static final Param<String> SUBTITLE = Param.string("subtitle", "Subtitle", 0, 300);
    static final Param<String> NEW_SUBTITLE = Param.nullableString("subtitle", "Subtitle; null clears it", 300);
    static final Param<List<Long>> TRIP_IDS = Param.ids("trip_ids", "Trips to link, each one you can open (at most "
            + JourneyService.MAX_TRIPS_PER_CALL + "); their planned places become skeleton entries", 0, JourneyService.MAX_TRIPS_PER_CALL);
    static final Param<String> STATUS = Param.enumeration("status", "Status", "draft", "active", "completed", "archived");
    static final Param<String> ENTRY_DATE = Param.date("entry_date", "Entry date");
    static final Param<String> ENTRY_TITLE = Param.string("title", "Entry title", 0, 300);
    static final Param<String> NEW_ENTRY_TITLE = Param.nullableString("title", "Entry title; null clears it", 300);
    static final Param<String> STORY = Param.string("story", "What happened (at most " + JourneyService.MAX_STORY + " characters)",
            0, JourneyService.MAX_STORY);
    static final Param<String> NEW_STORY = Param.nullableString("story", "What happened; null clears it. A story makes a skeleton an entry",
            JourneyService.MAX_STORY);
    static final Param<String> ENTRY_TIME = Param.string("entry_time", "Time of day, 24 h HH:MM (e.g. \"14:30\")", 0, 5);
    static final Param<String> NEW_ENTRY_TIME = Param.nullableString("entry_time", "Time of day, 24 h HH:MM; null clears it", 5);
    static final Param<String> LOCATION_NAME = Param.string("location_name", "Where", 0, 500);
    static final Param<String> MOOD = Param.string("mood", "Mood (a word or an emoji)", 0, 50);
    static final Param<String> NEW_MOOD = Param.nullableString("mood", "Mood; null clears it", 50);
    static final Param<Integer> SORT_ORDER = Param.integer("sort_order", "Position on its date (default: last)", 0, 1_000_000);
    static final Param<List<Long>> ORDERED_IDS = Param.ids("orderedIds", "Entry ids of this journey in their new order", 0, 1000)
            .required();
    static final Param<Long> TARGET_USER = Param.id("targetUserId", "User id of the contributor").required();
    static final Param<String> ROLE = Param.enumeration("role", "editor (writes entries) or viewer (reads)", "editor", "viewer")
            .required();
    static final Param<Boolean> HIDE_SKELETONS = Param.bool("hide_skeletons", "Hide skeleton entries (places not yet written about) for you");

    /** The journey's row, as the original answers it (times in ISO 8601 UTC here). */
    public static final Shape JOURNEY = Shape.of("id:integer user_id:integer title:string subtitle:string cover_gradient:string "
            + "status:string created_at:string updated_at:string cover_image:string");
    /** A journey in list_journeys and trek://journeys. */
    public static final Shape LISTED_JOURNEY = JOURNEY.and("entry_count:integer photo_count:integer place_count:integer "
            + "trip_date_min:string trip_date_max:string");
    public static final Shape ENTRY = Shape.of("id:integer journey_id:integer source_trip_id:integer source_place_id:integer "
            + "author_id:integer type:string title:string story:string entry_date:string entry_time:string location_name:string "
            + "location_lat:number location_lng:number mood:string weather:string tags:array visibility:string sort_order:integer "
            + "created_at:string updated_at:string pros_cons:object photos:array source_trip_name:string");
    public static final Shape CONTRIBUTOR = Shape.of("journey_id:integer user_id:integer role:string added_at:string username:string "
            + "avatar:string avatar_url:string");
    static final Shape LINKED_TRIP = Shape.of("trip_id:integer added_at:string title:string start_date:string end_date:string "
            + "cover_image:string currency:string place_count:integer");
    static final Shape STATS = Shape.of("entries:integer photos:integer places:integer");
    /** The whole journey: get_journey, create_journey, trek://journeys/{journeyId}. */
    public static final Shape FULL_JOURNEY = JOURNEY.withList("entries", ENTRY).and("gallery:array").withList("trips", LINKED_TRIP)
            .withList("contributors", CONTRIBUTOR).with("stats", STATS).and("hide_skeletons:boolean my_role:string");
    static final Shape TRIP_CHOICE = Shape.of("id:integer title:string start_date:string end_date:string cover_image:string "
            + "place_count:integer");
    static final Shape SHARE_LINK = Shape.of("token:string created_at:string share_timeline:boolean share_gallery:boolean share_map:boolean");
    static final Shape CREATED_LINK = Shape.of("token:string created:boolean");

    @PostConstruct
    void declare() {
        AddonId addon = AddonId.JOURNEY;
        JsonObject fullOut = Schema.nested().object("journey", FULL_JOURNEY, true).buildOutput();
        JsonObject entryOut = Schema.nested().object("entry", ENTRY, true).buildOutput();
        JsonObject tripsOut = Schema.nested().objects("trips", TRIP_CHOICE, true).buildOutput();
        Fields journeyOnly = Fields.of(JOURNEY_ID);
        tools = List.of(
                // reads
                kit.tool("list_journeys", "List journeys",
                        "Lists the journeys you own or contribute to, most recently changed first, with their entry and place "
                                + "counts and the date range of their linked trips.",
                        Fields.of(), Schema.nested().objects("journeys", LISTED_JOURNEY, true).buildOutput(), READ, READ_SCOPE, addon,
                        c -> Results.of("journeys", Jsons.array(journeys.list(c.userId()), b -> b).build())),
                kit.tool("get_journey", "Get journey",
                        "Loads a whole journey: its entries (by date), linked trips, contributors, stats, your role (my_role) "
                                + "and your hide_skeletons preference.",
                        journeyOnly, fullOut, READ, READ_SCOPE, addon,
                        c -> Results.of("journey", journeys.full(c.userId(), c.get(JOURNEY_ID)))),
                kit.tool("list_journey_entries", "List journey entries",
                        "Lists a journey's entries by date and position: written entries (type entry) and places of linked "
                                + "trips not written about yet (type skeleton).",
                        journeyOnly, Schema.nested().objects("entries", ENTRY, true).buildOutput(), READ, READ_SCOPE, addon,
                        c -> Results.of("entries", Jsons.array(journeys.entries(c.userId(), c.get(JOURNEY_ID)),
                                JourneyEntry::toJsonBuilder).build())),
                kit.tool("list_journey_contributors", "List journey contributors",
                        "Lists the owner and contributors of a journey with their roles (owner, editor, viewer) and user ids.",
                        journeyOnly, Schema.nested().objects("contributors", CONTRIBUTOR, true).buildOutput(), READ, READ_SCOPE, addon,
                        c -> Results.of("contributors", Jsons.array(journeys.contributors(c.userId(), c.get(JOURNEY_ID)), b -> b).build())),
                kit.tool("get_journey_suggestions", "Suggest trips for a journey",
                        "Suggests trips to write a journey about: your trips that ended in the last 30 days and are in none "
                                + "of your journeys, most recent first.",
                        Fields.of(), tripsOut, READ, READ_SCOPE, addon,
                        c -> Results.of("trips", Jsons.array(journeys.suggestions(c.userId()), b -> b).build())),
                kit.tool("list_journey_available_trips", "List trips to link",
                        "Lists every trip you can open and so link to a journey, latest start first (place_count: places "
                                + "planned on a day, which become skeleton entries).",
                        Fields.of(), tripsOut, READ, READ_SCOPE, addon,
                        c -> Results.of("trips", Jsons.array(journeys.availableTrips(c.userId()), b -> b).build())),
                // writes
                kit.tool("create_journey", "Create journey",
                        "Creates a journey you own (status active), optionally linking trips you can open: their places "
                                + "planned on days become skeleton entries. A trip you cannot open refuses the whole call.",
                        Fields.of(TITLE.required(), SUBTITLE, TRIP_IDS), fullOut, CREATE, WRITE_SCOPE, addon, c -> {
                            long id = journeys.create(c.userId(), c.get(TITLE), c.get(SUBTITLE), c.get(TRIP_IDS));
                            return Results.of("journey", journeys.full(c.userId(), id));
                        }),
                kit.tool("update_journey", "Update journey",
                        "Changes a journey's title, subtitle (null clears) or status; omitted fields stay. Owner only.",
                        Fields.of(JOURNEY_ID, TITLE, NEW_SUBTITLE, STATUS), Schema.nested().object("journey", JOURNEY, true).buildOutput(),
                        UPDATE, WRITE_SCOPE, addon, c -> Results.of("journey", journeys.update(c.userId(), c.get(JOURNEY_ID),
                                c.get(TITLE), c.patch(NEW_SUBTITLE), c.get(STATUS)).toJsonBuilder())),
                kit.tool("delete_journey", "Delete journey",
                        "Deletes a journey with all its entries, irreversibly (the linked trips stay). Owner only; ask the "
                                + "user to confirm first.",
                        journeyOnly, Schema.success(), DELETE, WRITE_SCOPE, addon, c -> {
                            journeys.delete(c.userId(), c.get(JOURNEY_ID));
                            return Results.success();
                        }),
                kit.tool("add_journey_trip", "Link trip to journey",
                        "Links a trip you can open to a journey (owner or editor) and adds a skeleton entry for each place "
                                + "planned on its days; linking again adds only places planned since.",
                        Fields.of(JOURNEY_ID, TRIP_ID), Schema.success(), CREATE, WRITE_SCOPE, addon, c -> {
                            journeys.addTrip(c.userId(), c.get(JOURNEY_ID), c.get(TRIP_ID));
                            return Results.success();
                        }),
                kit.tool("remove_journey_trip", "Unlink trip from journey",
                        "Unlinks a trip from a journey: its skeleton entries go, entries already written stay. Owner only.",
                        Fields.of(JOURNEY_ID, TRIP_ID), Schema.success(), DELETE, WRITE_SCOPE, addon, c -> {
                            journeys.removeTrip(c.userId(), c.get(JOURNEY_ID), c.get(TRIP_ID));
                            return Results.success();
                        }),
                kit.tool("create_journey_entry", "Add journey entry",
                        "Writes a new entry in a journey (owner or editor); without sort_order it goes last on its date.",
                        Fields.of(JOURNEY_ID, ENTRY_DATE.required(), ENTRY_TITLE, STORY, ENTRY_TIME, LOCATION_NAME, MOOD, SORT_ORDER),
                        entryOut, CREATE, WRITE_SCOPE, addon, c -> Results.of("entry", journeys.createEntry(c.userId(), c.get(JOURNEY_ID),
                                new JourneyService.NewEntry(c.get(ENTRY_DATE), c.get(ENTRY_TITLE), c.get(STORY), c.get(ENTRY_TIME),
                                        c.get(LOCATION_NAME), c.get(MOOD), c.get(SORT_ORDER))).toJsonBuilder())),
                kit.tool("update_journey_entry", "Update journey entry",
                        "Changes an entry (owner or editor): omitted fields stay, null clears title, story, time or mood. "
                                + "A story written on a skeleton makes it an entry.",
                        Fields.of(ENTRY_ID, NEW_ENTRY_TITLE, NEW_STORY, ENTRY_DATE, NEW_ENTRY_TIME, NEW_MOOD), entryOut, UPDATE,
                        WRITE_SCOPE, addon, c -> Results.of("entry", journeys.updateEntry(c.userId(), c.get(ENTRY_ID),
                                c.patch(NEW_ENTRY_TITLE), c.patch(NEW_STORY), c.get(ENTRY_DATE), c.patch(NEW_ENTRY_TIME),
                                c.patch(NEW_MOOD)).toJsonBuilder())),
                kit.tool("delete_journey_entry", "Delete journey entry",
                        "Deletes an entry (owner or editor). An entry written about a linked trip's place goes back to being "
                                + "that place's skeleton.",
                        Fields.of(ENTRY_ID), Schema.success(), DELETE, WRITE_SCOPE, addon, c -> {
                            journeys.deleteEntry(c.userId(), c.get(ENTRY_ID));
                            return Results.success();
                        }),
                kit.tool("reorder_journey_entries", "Reorder journey entries",
                        "Sets the order of entries (usually of one date): each listed entry's position becomes its index. "
                                + "Every id must be an entry of this journey. Owner or editor; read the entries first.",
                        Fields.of(JOURNEY_ID, ORDERED_IDS), Schema.success(), UPDATE, WRITE_SCOPE, addon, c -> {
                            journeys.reorder(c.userId(), c.get(JOURNEY_ID), c.get(ORDERED_IDS));
                            return Results.success();
                        }),
                kit.tool("add_journey_contributor", "Add journey contributor",
                        "Adds a user as editor or viewer of your journey (a contributor already there gets the new role). Owner only.",
                        Fields.of(JOURNEY_ID, TARGET_USER, ROLE), Schema.success(), CREATE, WRITE_SCOPE, addon, c -> {
                            journeys.addContributor(c.userId(), c.get(JOURNEY_ID), c.get(TARGET_USER), c.get(ROLE));
                            return Results.success();
                        }),
                kit.tool("update_journey_contributor_role", "Change contributor role",
                        "Makes a contributor an editor or a viewer. Owner only.",
                        Fields.of(JOURNEY_ID, TARGET_USER, ROLE), Schema.success(), UPDATE, WRITE_SCOPE, addon, c -> {
                            journeys.updateContributorRole(c.userId(), c.get(JOURNEY_ID), c.get(TARGET_USER), c.get(ROLE));
                            return Results.success();
                        }),
                kit.tool("remove_journey_contributor", "Remove journey contributor",
                        "Removes a contributor from your journey. Owner only.",
                        Fields.of(JOURNEY_ID, TARGET_USER), Schema.success(), DELETE, WRITE_SCOPE, addon, c -> {
                            journeys.removeContributor(c.userId(), c.get(JOURNEY_ID), c.get(TARGET_USER));
                            return Results.success();
                        }),
                kit.tool("update_journey_preferences", "Set journey preferences",
                        "Sets your own preferences for a journey (hide_skeletons); any contributor.",
                        Fields.of(JOURNEY_ID, HIDE_SKELETONS),
                        Schema.nested().bool("success", "Always true", true).bool("hide_skeletons", "Your preference now", true).buildOutput(),
                        UPDATE, WRITE_SCOPE, addon, c -> JsonFactory.createObjectBuilder().add("success", true)
                                .add("hide_skeletons", journeys.preferences(c.userId(), c.get(JOURNEY_ID), c.get(HIDE_SKELETONS))).build()),
                // public link
                kit.tool("get_journey_share_link", "Get journey share link",
                        "Shows your journey's public link (its token, when it was made, what it shares), or null. Owner only.",
                        journeyOnly, Schema.nested().nullableObject("shareLink", SHARE_LINK, true).buildOutput(), READ, SHARE_SCOPE, addon,
                        c -> {
                            JourneyService.ShareLink link = journeys.shareLink(c.userId(), c.get(JOURNEY_ID));
                            return Results.of("shareLink", link == null ? JsonValue.NULL : link.toJsonBuilder().build());
                        }),
                kit.tool("create_journey_share_link", "Create journey share link",
                        "Creates your journey's public link (created true), or gives the existing token again (created "
                                + "false) and shares timeline, gallery and map. Owner only.",
                        journeyOnly, Schema.nested().object("shareLink", CREATED_LINK, true).buildOutput(), UPDATE, SHARE_SCOPE, addon,
                        c -> {
                            JourneyService.ShareResult r = journeys.createShareLink(c.userId(), c.get(JOURNEY_ID));
                            return Results.of("shareLink", JsonFactory.createObjectBuilder().add("token", r.token())
                                    .add("created", r.created()));
                        }),
                kit.tool("delete_journey_share_link", "Delete journey share link",
                        "Revokes your journey's public link at once. Owner only.",
                        journeyOnly, Schema.success(), DELETE, SHARE_SCOPE, addon, c -> {
                            journeys.deleteShareLink(c.userId(), c.get(JOURNEY_ID));
                            return Results.success();
                        }));
    }
}
