package org.trek.trips.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;
import static org.trek.trips.tools.TripParams.MEMBER_ID;
import static org.trek.trips.tools.TripParams.TRIP_ID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Paging;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.SubSwitch;
import org.trek.platform.AppConfig;
import org.trek.platform.Clock;
import org.trek.platform.auth.AccessGrant;
import org.trek.trips.IcsExporter;
import org.trek.platform.Jsons;
import org.trek.trips.Reservation;
import org.trek.trips.ShareToken;
import org.trek.trips.Trip;
import org.trek.trips.TripAccess;
import org.trek.trips.TripDay;
import org.trek.trips.TripService;
import org.trek.trips.TripSummaryService;
import org.trek.trips.ReservationService;

/** Trip tools: list and summary (the entry points), trip CRUD, members, copy, iCalendar export, share links. */
@ApplicationScoped
public class TripTools implements org.trek.mcp.registry.ToolProvider {

    @Inject
    ToolKit kit;

    @Inject
    TripService trips;

    @Inject
    TripSummaryService summaries;

    @Inject
    TripAccess access;

    @Inject
    ReservationService reservations;

    @Inject
    AddonService addons;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<Boolean> INCLUDE_ARCHIVED = Param.bool("include_archived", "Include archived trips (default false)").orElse(false);
    static final Param<String> TITLE = Param.string("title", "Trip title", 1, 200);
    static final Param<String> DESCRIPTION = Param.string("description", "Description", 0, 2000);
    static final Param<String> START_DATE = Param.date("start_date", "First day");
    static final Param<String> END_DATE_NEW = Param.date("end_date", "Last day (not before start_date)");
    static final Param<String> END_DATE = Param.date("end_date", "Last day");
    static final Param<String> CURRENCY_NEW = Param.string("currency", "ISO 4217 currency code, default EUR", 3, 3);
    static final Param<String> CURRENCY = Param.string("currency", "ISO 4217 currency code", 3, 3);
    static final Param<String> IDENTIFIER = Param.string("identifier", "Username or e-mail address", 1, 255).required();
    static final Param<String> COPY_TITLE = Param.string("title", "Title of the copy (default: Copy of ...)", 1, 200);
    static final Param<Boolean> SHARE_MAP = Param.bool("share_map", "Share the map and itinerary (default true)").orElse(true);
    static final Param<Boolean> SHARE_BOOKINGS = Param.bool("share_bookings", "Share reservations (default true)").orElse(true);
    static final Param<Boolean> SHARE_PACKING = Param.bool("share_packing", "Share the packing list (default false)").orElse(false);
    static final Param<Boolean> SHARE_BUDGET = Param.bool("share_budget", "Share the budget (default false)").orElse(false);
    static final Param<Boolean> SHARE_COLLAB = Param.bool("share_collab", "Share collaboration content (default false)").orElse(false);

    @PostConstruct
    void declare() {
        JsonObject tripOut = Schema.nested().object("trip", WireShapes.LISTED_TRIP, true).buildOutput();
        Fields tripOnly = Fields.of(TRIP_ID);

        tools = List.of(
                kit.tool("list_trips", "List trips",
                        "Lists the trips you own or are a member of, newest first (archived ones only with include_archived). "
                                + "Call this first when you do not know a trip id. Paginated: pass next_cursor as cursor.",
                        Fields.of(INCLUDE_ARCHIVED, Paging.LIMIT, Paging.CURSOR),
                        Schema.nested().objects("trips", WireShapes.LISTED_TRIP, true).nullableString("next_cursor", "Cursor of the next page, null on the last", 0, false).buildOutput(),
                        READ, Scopes.TRIPS_READ, null, this::listTrips),
                kit.tool("get_trip_summary", "Get trip summary",
                        "Loads a whole trip in one call: details, members, days with notes (and assignments with places), "
                                + "accommodations, and, where your access allows, budget, packing, reservations, to-dos, "
                                + "collaboration notes and poll and chat message counts. "
                                + "Sections you may not see are listed in omitted_sections.",
                        tripOnly, WireShapes.summary(), READ, Scopes.TRIPS_READ, null, c -> summaries.summary(c.userId(), c.get(TRIP_ID), sections(c.grant()))),
                kit.tool("create_trip", "Create trip",
                        "Creates a trip you own. Days are generated from the date range (at most " + TripService.MAX_GENERATED_DAYS
                                + "), or " + TripService.DATELESS_DAYS + " undated days without dates. Currency defaults to EUR.",
                        Fields.of(TITLE.required(), DESCRIPTION, START_DATE, END_DATE_NEW, CURRENCY_NEW), tripOut, CREATE,
                        Scopes.TRIPS_WRITE, null, this::createTrip),
                kit.tool("update_trip", "Update trip",
                        "Changes a trip's title, description, dates or currency; omitted fields stay. New dates re-date the days; "
                                + "surplus empty days go, surplus days with plans stay without a date (nothing planned is deleted).",
                        Fields.of(TRIP_ID, TITLE, DESCRIPTION, START_DATE, END_DATE, CURRENCY), tripOut, UPDATE,
                        Scopes.TRIPS_WRITE, null, this::updateTrip),
                kit.tool("delete_trip", "Delete trip",
                        "Deletes a trip and everything in it, irreversibly. Ask the user to confirm first.",
                        tripOnly, Schema.nested().bool("success", "true", true).integer("tripId", "Deleted trip", null, null, true).buildOutput(),
                        DELETE, Scopes.TRIPS_DELETE, null, this::deleteTrip),
                kit.tool("list_trip_members", "List trip members",
                        "Lists the owner and members of a trip with their user ids (use these ids for participants and splits).",
                        tripOnly, Schema.nested().object("owner", WireShapes.MEMBER, true).objects("members", WireShapes.MEMBER, true).buildOutput(),
                        READ, Scopes.TRIPS_READ, null, this::listMembers),
                kit.tool("add_trip_member", "Add trip member",
                        "Adds an existing user (by username or e-mail) to a trip.",
                        Fields.of(TRIP_ID, IDENTIFIER), Schema.nested().object("member", WireShapes.MEMBER, true).buildOutput(), CREATE,
                        Scopes.TRIPS_WRITE, null, c -> Results.of("member", trips.addMember(c.userId(), c.get(TRIP_ID), c.get(IDENTIFIER)).toJson())),
                kit.tool("remove_trip_member", "Remove trip member",
                        "Removes a member (by user id) from a trip.",
                        Fields.of(TRIP_ID, MEMBER_ID), Schema.success(), DELETE, Scopes.TRIPS_WRITE, null, c -> {
                            trips.removeMember(c.userId(), c.get(TRIP_ID), c.get(MEMBER_ID));
                            return Results.success();
                        }),
                kit.tool("copy_trip", "Copy trip",
                        "Copies a trip into a new trip you own: days, places, itinerary, notes, accommodations, reservations, "
                                + "budget and packing (unchecked). Members and share links are not copied.",
                        Fields.of(TRIP_ID, COPY_TITLE), tripOut, CREATE, Scopes.TRIPS_WRITE, null, this::copyTrip),
                kit.tool("export_trip_ics", "Export trip as iCalendar",
                        "Exports the trip and (with reservations:read) its dated reservations as an iCalendar (.ics, RFC 5545) text.",
                        tripOnly, Schema.nested().string("ics", "iCalendar text", 1, 0, true).string("filename", "File name", 1, 0, true).buildOutput(),
                        READ, Scopes.TRIPS_READ, null, this::exportIcs),
                kit.tool("get_share_link", "Get share link",
                        "Shows the trip's public read-only link: its token, url, creation time and what it shares; "
                                + "link is null when the trip has none.",
                        tripOnly, Schema.nested().nullableObject("link", WireShapes.SHARE_LINK, true).buildOutput(), READ, Scopes.TRIPS_SHARE, null, this::getShare),
                kit.tool("create_share_link", "Create or update share link",
                        "Creates the trip's public read-only link (anyone with the link sees the trip's page, no sign-in), or "
                                + "changes what the existing one shares and gives its token again (created false). Flags left out "
                                + "take their defaults: map and bookings on, packing, budget and collab off.",
                        Fields.of(TRIP_ID, SHARE_MAP, SHARE_BOOKINGS, SHARE_PACKING, SHARE_BUDGET, SHARE_COLLAB),
                        Schema.nested().string("token", "The link's token (the page is <APP_URL>/shared/<token>)", 1, 64, true)
                                .bool("created", "True when the link was created now, false when an existing link was updated", true)
                                .string("url", "The public page of the link", 1, 0, true).buildOutput(),
                        UPDATE, Scopes.TRIPS_SHARE, null, this::createShare),
                kit.tool("delete_share_link", "Delete share link", "Revokes the trip's public link: its page and JSON stop working at once.",
                        tripOnly, Schema.success(), DELETE, Scopes.TRIPS_SHARE, null, c -> {
                            trips.deleteShare(c.userId(), c.get(TRIP_ID));
                            return Results.success();
                        }));
    }

    private JsonObject listTrips(Call call) {
        Paging p = call.paging();
        TripService.Page<Trip> page = trips.list(call.userId(), call.get(INCLUDE_ARCHIVED), p.limit(), p.offset());
        JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("trips", Jsons.array(page.items(), Trip::toJson));
        Jsons.put(out, "next_cursor", page.nextCursor());
        return out.build();
    }

    /** Which summary sections this grant may see (each needs its own read scope and, where relevant, its addon). */
    public TripSummaryService.Sections sections(AccessGrant grant) {
        return new TripSummaryService.Sections(
                grant.allows(Scopes.PLACES_READ),
                grant.allows(Scopes.BUDGET_READ) && addons.isEnabled(AddonId.BUDGET),
                grant.allows(Scopes.PACKING_READ) && addons.isEnabled(AddonId.PACKING),
                grant.allows(Scopes.RESERVATIONS_READ),
                grant.allows(Scopes.TODOS_READ) && addons.isEnabled(AddonId.PACKING),
                grant.allows(Scopes.COLLAB_READ) && addons.isEnabled(SubSwitch.COLLAB_NOTES),
                grant.allows(Scopes.COLLAB_READ) && addons.isEnabled(SubSwitch.COLLAB_POLLS),
                grant.allows(Scopes.COLLAB_READ) && addons.isEnabled(SubSwitch.COLLAB_CHAT));
    }

    private static TripService.TripFields fields(Call c, Param<String> endDate, Param<String> currency) {
        return new TripService.TripFields(c.get(TITLE), c.get(DESCRIPTION), c.get(START_DATE), c.get(endDate), c.get(currency));
    }

    private JsonObject createTrip(Call call) {
        Trip t = trips.create(call.userId(), fields(call, END_DATE_NEW, CURRENCY_NEW));
        return Results.of("trip", trips.listed(call.userId(), t.getId()).toJson());
    }

    private JsonObject updateTrip(Call call) {
        Trip t = trips.update(call.userId(), call.get(TRIP_ID), fields(call, END_DATE, CURRENCY));
        return Results.of("trip", trips.listed(call.userId(), t.getId()).toJson());
    }

    private JsonObject deleteTrip(Call call) {
        long tripId = call.get(TRIP_ID);
        trips.delete(call.userId(), tripId);
        return JsonFactory.createObjectBuilder().add("success", true).add("tripId", tripId).build();
    }

    private JsonObject listMembers(Call call) {
        List<TripService.MemberView> members = trips.members(call.userId(), call.get(TRIP_ID));
        return JsonFactory.createObjectBuilder().add("owner", members.get(0).toJson())
                .add("members", Jsons.array(members.subList(1, members.size()), TripService.MemberView::toJson)).build();
    }

    private JsonObject copyTrip(Call call) {
        Trip t = trips.copy(call.userId(), call.get(TRIP_ID), call.get(COPY_TITLE));
        // The original answers {id, user_id}; the whole new trip as list_trips shows it is given here.
        return Results.of("trip", trips.listed(call.userId(), t.getId()).toJson());
    }

    private JsonObject exportIcs(Call call) {
        long tripId = call.get(TRIP_ID);
        Trip trip = access.access(call.userId(), tripId).trip();
        Map<Long, String> dates = new HashMap<>();
        for (TripDay d : trips.days(tripId)) {
            if (d.getDate() != null) {
                dates.put(d.getId(), d.getDate());
            }
        }
        // Reservations (booking references, locations, notes) need their own read scope, as in the summary.
        List<Reservation> res = call.grant().allows(Scopes.RESERVATIONS_READ) ? reservations.forExport(tripId) : List.of();
        String host = URI.create(config.appUrl()).getHost();
        String ics = IcsExporter.export(trip, res, dates, host == null ? "trek" : host, clock.now());
        String name = trip.getTitle().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return JsonFactory.createObjectBuilder().add("ics", ics).add("filename", (name.isEmpty() ? "trip-" + tripId : name) + ".ics").build();
    }

    private JsonObject getShare(Call call) {
        ShareToken s = trips.shareLink(call.userId(), call.get(TRIP_ID));
        return Results.of("link", s == null ? jakarta.json.JsonValue.NULL : s.toJsonBuilder().add("url", shareUrl(s)).build());
    }

    private JsonObject createShare(Call call) {
        TripService.ShareResult r = trips.createOrUpdateShare(call.userId(), call.get(TRIP_ID), new TripService.ShareFlags(
                call.get(SHARE_MAP), call.get(SHARE_BOOKINGS), call.get(SHARE_PACKING), call.get(SHARE_BUDGET), call.get(SHARE_COLLAB)));
        return JsonFactory.createObjectBuilder().add("token", r.link().getToken()).add("created", r.created())
                .add("url", shareUrl(r.link())).build();
    }

    /** The public page of a link, built from APP_URL. */
    private String shareUrl(ShareToken link) {
        return config.appUrl() + "/shared/" + link.getToken();
    }
}
