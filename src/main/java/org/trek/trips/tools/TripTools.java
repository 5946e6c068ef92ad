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
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
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

    @PostConstruct
    void declare() {
        JsonObject tripOut = Schema.nested().object("trip", true).buildOutput();
        JsonObject tripFields = Schema.input()
                .string("title", "Trip title", 1, 200, true)
                .string("description", "Description", 0, 2000, false)
                .date("start_date", "First day", false, false)
                .date("end_date", "Last day (not before start_date)", false, false)
                .string("currency", "ISO 4217 currency code, default EUR", 3, 3, false).build();
        JsonObject tripUpdate = Schema.input().tripId()
                .string("title", "Trip title", 1, 200, false)
                .string("description", "Description", 0, 2000, false)
                .date("start_date", "First day", false, false)
                .date("end_date", "Last day", false, false)
                .string("currency", "ISO 4217 currency code", 3, 3, false).build();
        JsonObject tripOnly = Schema.input().tripId().build();

        tools = List.of(
                kit.tool("list_trips", "List trips",
                        "Lists the trips you own or are a member of, newest first (archived ones only with include_archived). "
                                + "Call this first when you do not know a trip id. Paginated: pass next_cursor as cursor.",
                        Schema.input().bool("include_archived", "Include archived trips (default false)", false).paging().build(),
                        Schema.nested().objects("trips", true).nullableString("next_cursor", "Cursor of the next page, null on the last", 0, false).buildOutput(),
                        READ, Scopes.TRIPS_READ, null, this::listTrips),
                kit.tool("get_trip_summary", "Get trip summary",
                        "Loads a whole trip in one call: details, members, days with notes (and assignments with places), "
                                + "accommodations, and, where your access allows, budget, packing, reservations and to-dos. "
                                + "Sections you may not see are listed in omitted_sections.",
                        tripOnly, Schema.nested().object("trip", true).object("members", true).objects("days", true).buildOutput(),
                        READ, Scopes.TRIPS_READ, null, this::summary),
                kit.tool("create_trip", "Create trip",
                        "Creates a trip you own. Days are generated from the date range (at most " + TripService.MAX_GENERATED_DAYS
                                + "), or " + TripService.DATELESS_DAYS + " undated days without dates. Currency defaults to EUR.",
                        tripFields, tripOut, CREATE, Scopes.TRIPS_WRITE, null, this::createTrip),
                kit.tool("update_trip", "Update trip",
                        "Changes a trip's title, description, dates or currency; omitted fields stay. New dates re-date the days; "
                                + "surplus empty days go, surplus days with plans stay without a date (nothing planned is deleted).",
                        tripUpdate, tripOut, UPDATE, Scopes.TRIPS_WRITE, null, this::updateTrip),
                kit.tool("delete_trip", "Delete trip",
                        "Deletes a trip and everything in it, irreversibly. Ask the user to confirm first.",
                        tripOnly, Schema.nested().bool("success", "true", true).integer("tripId", "Deleted trip", null, null, true).buildOutput(),
                        DELETE, Scopes.TRIPS_DELETE, null, this::deleteTrip),
                kit.tool("list_trip_members", "List trip members",
                        "Lists the owner and members of a trip with their user ids (use these ids for participants and splits).",
                        tripOnly, Schema.nested().object("owner", true).objects("members", true).buildOutput(),
                        READ, Scopes.TRIPS_READ, null, this::listMembers),
                kit.tool("add_trip_member", "Add trip member",
                        "Adds an existing user (by username or e-mail) to a trip.",
                        Schema.input().tripId().string("identifier", "Username or e-mail address", 1, 255, true).build(),
                        Schema.nested().object("member", true).buildOutput(), CREATE, Scopes.TRIPS_WRITE, null, this::addMember),
                kit.tool("remove_trip_member", "Remove trip member",
                        "Removes a member (by user id) from a trip.",
                        Schema.input().tripId().id("memberId", "The member's user id", true).build(),
                        Schema.success(), DELETE, Scopes.TRIPS_WRITE, null, this::removeMember),
                kit.tool("copy_trip", "Copy trip",
                        "Copies a trip into a new trip you own: days, places, itinerary, notes, accommodations, reservations, "
                                + "budget and packing (unchecked). Members and share links are not copied.",
                        Schema.input().tripId().string("title", "Title of the copy (default: Copy of ...)", 1, 200, false).build(),
                        tripOut, CREATE, Scopes.TRIPS_WRITE, null, this::copyTrip),
                kit.tool("export_trip_ics", "Export trip as iCalendar",
                        "Exports the trip and (with reservations:read) its dated reservations as an iCalendar (.ics, RFC 5545) text.",
                        tripOnly, Schema.nested().string("ics", "iCalendar text", 1, 0, true).string("filename", "File name", 1, 0, true).buildOutput(),
                        READ, Scopes.TRIPS_READ, null, this::exportIcs),
                kit.tool("get_share_link", "Get share link",
                        "Shows whether the trip has a public read-only link and what it shares. The token itself is shown "
                                + "only once, when the link is created.",
                        tripOnly, Schema.nested().nullableObject("link", true).buildOutput(), READ, Scopes.TRIPS_SHARE, null, this::getShare),
                kit.tool("create_share_link", "Create or update share link",
                        "Creates the trip's public read-only link, or changes what an existing one shares. The token and URL "
                                + "are returned only when the link is created.",
                        Schema.input().tripId()
                                .bool("share_map", "Share the map and itinerary (default true)", false)
                                .bool("share_bookings", "Share reservations (default true)", false)
                                .bool("share_packing", "Share the packing list (default false)", false)
                                .bool("share_budget", "Share the budget (default false)", false)
                                .bool("share_collab", "Share collaboration content (default false)", false).build(),
                        Schema.nested().bool("created", "Whether a new link was created", true).object("link", true).buildOutput(),
                        UPDATE, Scopes.TRIPS_SHARE, null, this::createShare),
                kit.tool("delete_share_link", "Delete share link", "Revokes the trip's public link.",
                        tripOnly, Schema.success(), DELETE, Scopes.TRIPS_SHARE, null, this::deleteShare));
    }

    private JsonObject listTrips(ToolCall call) {
        Args a = new Args(call.arguments());
        Paging p = Paging.from(a);
        TripService.Page<Trip> page = trips.list(call.userId(), a.bool("include_archived", false), p.limit(), p.offset());
        JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("trips", Jsons.array(page.items(), Trip::toJson));
        Jsons.put(out, "next_cursor", page.nextCursor());
        return out.build();
    }

    /** Which summary sections this grant may see (each needs its own read scope and, where relevant, its addon). */
    public TripSummaryService.Sections sections(AccessGrant grant) {
        return new TripSummaryService.Sections(
                grant.allows(Scopes.PLACES_READ),
                grant.allows(Scopes.BUDGET_READ) && addons.isEnabled("budget"),
                grant.allows(Scopes.PACKING_READ) && addons.isEnabled("packing"),
                grant.allows(Scopes.RESERVATIONS_READ),
                grant.allows(Scopes.TODOS_READ) && addons.isEnabled("packing"));
    }

    private JsonObject summary(ToolCall call) {
        return summaries.summary(call.userId(), new Args(call.arguments()).id("tripId"), sections(call.grant()));
    }

    private static TripService.TripFields fields(Args a) {
        return new TripService.TripFields(a.optString("title"), a.optString("description"), a.optString("start_date"),
                a.optString("end_date"), a.optString("currency"));
    }

    private JsonObject createTrip(ToolCall call) {
        Trip t = trips.create(call.userId(), fields(new Args(call.arguments())));
        return JsonFactory.createObjectBuilder().add("trip", t.toJsonBuilder().add("day_count", trips.days(t.getId()).size())).build();
    }

    private JsonObject updateTrip(ToolCall call) {
        Args a = new Args(call.arguments());
        Trip t = trips.update(call.userId(), a.id("tripId"), fields(a));
        return JsonFactory.createObjectBuilder().add("trip", t.toJson()).build();
    }

    private JsonObject deleteTrip(ToolCall call) {
        long tripId = new Args(call.arguments()).id("tripId");
        trips.delete(call.userId(), tripId);
        return JsonFactory.createObjectBuilder().add("success", true).add("tripId", tripId).build();
    }

    private JsonObject listMembers(ToolCall call) {
        List<TripService.MemberView> members = trips.members(call.userId(), new Args(call.arguments()).id("tripId"));
        return JsonFactory.createObjectBuilder().add("owner", members.get(0).toJson())
                .add("members", Jsons.array(members.subList(1, members.size()), TripService.MemberView::toJson)).build();
    }

    private JsonObject addMember(ToolCall call) {
        Args a = new Args(call.arguments());
        TripService.MemberView m = trips.addMember(call.userId(), a.id("tripId"), a.string("identifier"));
        return JsonFactory.createObjectBuilder().add("member", m.toJson()).build();
    }

    private JsonObject removeMember(ToolCall call) {
        Args a = new Args(call.arguments());
        trips.removeMember(call.userId(), a.id("tripId"), a.id("memberId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }

    private JsonObject copyTrip(ToolCall call) {
        Args a = new Args(call.arguments());
        Trip t = trips.copy(call.userId(), a.id("tripId"), a.optString("title"));
        return JsonFactory.createObjectBuilder().add("trip", JsonFactory.createObjectBuilder().add("id", t.getId()).add("user_id", t.getUserId())
                .add("title", t.getTitle())).build();
    }

    private JsonObject exportIcs(ToolCall call) {
        long tripId = new Args(call.arguments()).id("tripId");
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

    private JsonObject getShare(ToolCall call) {
        ShareToken s = trips.shareLink(call.userId(), new Args(call.arguments()).id("tripId"));
        return JsonFactory.createObjectBuilder().add("link", s == null ? jakarta.json.JsonValue.NULL : s.toJson()).build();
    }

    private JsonObject createShare(ToolCall call) {
        Args a = new Args(call.arguments());
        TripService.ShareResult r = trips.createOrUpdateShare(call.userId(), a.id("tripId"), new TripService.ShareFlags(
                a.bool("share_map", true), a.bool("share_bookings", true), a.bool("share_packing", false),
                a.bool("share_budget", false), a.bool("share_collab", false)));
        JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("created", r.created()).add("link", r.link().toJson());
        if (r.token() != null) {
            out.add("token", r.token()).add("url", config.appUrl() + "/shared/" + r.token());
        }
        return out.build();
    }

    private JsonObject deleteShare(ToolCall call) {
        trips.deleteShare(call.userId(), new Args(call.arguments()).id("tripId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }
}
