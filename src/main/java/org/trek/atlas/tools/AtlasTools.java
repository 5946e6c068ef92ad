package org.trek.atlas.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.trek.atlas.AtlasService;
import org.trek.atlas.BucketItem;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.Shape;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.Patch;
import org.trek.platform.addons.AddonId;
import org.trek.trips.TripFootprint;

/**
 * The atlas tools of TREK 3.4.1 (atlas addon; atlas:read / atlas:write): visited countries and ISO 3166-2 regions, the
 * bucket list, the stats and the places of one country. Everything is the caller's own: no trip id, no permission
 * matrix; another user's bucket-list id is "not found". Codes are checked against the bundled ISO 3166 data.
 */
@ApplicationScoped
public class AtlasTools implements ToolProvider {
    public static final String READ_SCOPE = "atlas:read";
    public static final String WRITE_SCOPE = "atlas:write";

    @Inject
    ToolKit kit;

    @Inject
    AtlasService atlas;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<String> NAME = Param.string("name", "Destination or experience", 1, AtlasService.NAME_MAX);
    static final Param<Double> LAT = Param.nullableNumber("lat", "Latitude (-90..90); null clears", null);
    static final Param<Double> LNG = Param.nullableNumber("lng", "Longitude (-180..180); null clears", null);
    static final Param<String> ITEM_COUNTRY = Param.nullableString("country_code",
            "ISO 3166-1 alpha-2 country code (e.g. JP), any case; null or \"\" clears", 2);
    static final Param<String> NOTES = Param.nullableString("notes", "Notes; null clears", AtlasService.NOTES_MAX);
    static final Param<String> TARGET_DATE = Param.nullableDate("target_date", "When you want to go; null clears");
    static final Param<Long> ITEM_ID = Param.id("itemId", "Bucket list item id (from trek://bucket-list)").required();
    static final Param<String> COUNTRY = Param.string("country_code", "ISO 3166-1 alpha-2 country code (e.g. FR, JP), any case", 2, 2)
            .required();
    static final Param<String> COUNTRY_CODE = Param.string("countryCode", "ISO 3166-1 alpha-2 country code (e.g. FR), any case", 2, 2)
            .required();
    static final Param<String> REGION_CODE = Param.string("regionCode", "ISO 3166-2 region code (e.g. US-CA, FR-IDF), any case", 4, 10)
            .required();
    static final Param<String> REGION_NAME = Param.string("regionName", "Name to show (default: the ISO 3166-2 name)", 0,
            AtlasService.NAME_MAX);
    static final Param<String> REGION_COUNTRY = Param.string("countryCode",
            "The region's ISO 3166-1 alpha-2 country (optional; must match regionCode)", 2, 2);

    /** A bucket-list entry: the original's row. */
    static final Shape ITEM = Shape.of("id:integer user_id:integer name:string lat:number lng:number country_code:string "
            + "notes:string created_at:string target_date:string");
    public static final Shape REGION = Shape.of("region_code:string region_name:string country_code:string");
    static final Shape COUNTRY_STAT = Shape.of("code:string placeCount:integer tripCount:integer firstVisit:string lastVisit:string");
    /** get_atlas_stats' {stats} and trek://atlas/stats: the original's keys. */
    public static final Shape STATS = Shape.of("").withList("countries", COUNTRY_STAT)
            .with("stats", Shape.of("totalTrips:integer totalPlaces:integer totalCountries:integer totalDays:integer totalCities:integer"))
            .with("mostVisited", COUNTRY_STAT).and("continents:object")
            .with("lastTrip", Shape.of("id:integer title:string start_date:string end_date:string").andOptional("countryCode:string"))
            .with("nextTrip", Shape.of("id:integer title:string start_date:string daysUntil:integer"))
            .and("streak:integer firstYear:integer tripsThisYear:integer");
    static final Shape PLACE = Shape.of("id:integer name:string address:string lat:number lng:number trip_id:integer");
    static final Shape TRIP = Shape.of("id:integer title:string start_date:string end_date:string");

    @PostConstruct
    void declare() {
        JsonObject itemOut = Schema.nested().object("item", ITEM, true).buildOutput();
        JsonObject countryOut = Schema.nested().bool("success", "Always true", true)
                .string("country_code", "The code, upper case", 2, 2, true).buildOutput();
        tools = List.of(
                kit.tool("create_bucket_list_item", "Add to bucket list",
                        "Adds a destination or experience to your travel bucket list. country_code is checked against ISO 3166-1.",
                        Fields.of(NAME.required(), LAT, LNG, ITEM_COUNTRY, NOTES, TARGET_DATE), itemOut, CREATE, WRITE_SCOPE,
                        AddonId.ATLAS, c -> Results.of("item", atlas.createItem(c.userId(), new AtlasService.BucketFields(
                                Patch.ifPresent(c.get(NAME)), Patch.ifPresent(c.get(LAT)), Patch.ifPresent(c.get(LNG)),
                                Patch.ifPresent(c.get(ITEM_COUNTRY)), Patch.ifPresent(c.get(NOTES)),
                                Patch.ifPresent(c.get(TARGET_DATE)))).toJson())),
                kit.tool("delete_bucket_list_item", "Remove from bucket list", "Removes one of your bucket list items.",
                        Fields.of(ITEM_ID), Schema.success(), DELETE, WRITE_SCOPE, AddonId.ATLAS, c -> {
                            atlas.deleteItem(c.userId(), c.get(ITEM_ID));
                            return Results.success();
                        }),
                kit.tool("mark_country_visited", "Mark country visited",
                        "Marks a country as visited in your Atlas (ISO 3166-1 alpha-2; marking it again changes nothing).",
                        Fields.of(COUNTRY), countryOut, UPDATE, WRITE_SCOPE, AddonId.ATLAS,
                        c -> countryAnswer(atlas.markCountry(c.userId(), c.get(COUNTRY)))),
                kit.tool("unmark_country_visited", "Unmark country visited",
                        "Removes a country, and the regions you marked in it, from your visited countries (not marked: no change).",
                        Fields.of(COUNTRY), countryOut, DELETE, WRITE_SCOPE, AddonId.ATLAS,
                        c -> countryAnswer(atlas.unmarkCountry(c.userId(), c.get(COUNTRY)))),
                kit.tool("get_atlas_stats", "Get atlas stats",
                        "Your atlas statistics: countries of your trips' places and those marked by hand (places, trips, first "
                                + "and last visit), totals, the most visited country, continents, last and next trip, streak.",
                        Fields.of(), Schema.nested().object("stats", STATS, true).buildOutput(), READ, READ_SCOPE, AddonId.ATLAS,
                        c -> Results.of("stats", stats(atlas.stats(c.userId())))),
                kit.tool("list_visited_regions", "List visited regions", "Lists the regions (ISO 3166-2) you marked as visited, latest first.",
                        Fields.of(), Schema.nested().objects("regions", REGION, true).buildOutput(), READ, READ_SCOPE, AddonId.ATLAS,
                        c -> JsonFactory.createObjectBuilder().add("regions", Jsons.array(atlas.visitedRegions(c.userId()),
                                AtlasTools::region)).build()),
                kit.tool("mark_region_visited", "Mark region visited",
                        "Marks a region (ISO 3166-2, e.g. US-CA) as visited, and its country too if not marked yet. Marking it "
                                + "again changes nothing.",
                        Fields.of(REGION_CODE, REGION_NAME, REGION_COUNTRY), Schema.nested().object("region", REGION, true).buildOutput(),
                        UPDATE, WRITE_SCOPE, AddonId.ATLAS, c -> Results.of("region", region(atlas.markRegion(c.userId(),
                                c.get(REGION_CODE), c.get(REGION_NAME), c.get(REGION_COUNTRY))))),
                kit.tool("unmark_region_visited", "Unmark region visited",
                        "Removes a region from your visited regions; its country goes too when it was marked only because of "
                                + "its regions and this was the last one.",
                        Fields.of(REGION_CODE), Schema.success(), DELETE, WRITE_SCOPE, AddonId.ATLAS, c -> {
                            atlas.unmarkRegion(c.userId(), c.get(REGION_CODE));
                            return Results.success();
                        }),
                kit.tool("get_country_atlas_places", "Get places in a country",
                        "The places of your trips (those you own or are a member of) in one country, those trips, and whether "
                                + "you marked the country by hand.",
                        Fields.of(COUNTRY_CODE), Schema.nested().objects("places", PLACE, true).objects("trips", TRIP, true)
                                .bool("manually_marked", "Marked as visited by hand", true).buildOutput(),
                        READ, READ_SCOPE, AddonId.ATLAS, c -> countryPlaces(atlas.countryPlaces(c.userId(), c.get(COUNTRY_CODE)))),
                kit.tool("update_bucket_list_item", "Update bucket list item",
                        "Changes one of your bucket list items; omitted fields stay, null clears.",
                        Fields.of(ITEM_ID, NAME, NOTES, LAT, LNG, ITEM_COUNTRY, TARGET_DATE), itemOut, UPDATE, WRITE_SCOPE,
                        AddonId.ATLAS, c -> Results.of("item", atlas.updateItem(c.userId(), c.get(ITEM_ID), new AtlasService.BucketFields(
                                c.patch(NAME), c.patch(LAT), c.patch(LNG), c.patch(ITEM_COUNTRY), c.patch(NOTES),
                                c.patch(TARGET_DATE))).toJson())));
    }

    private static JsonObject countryAnswer(String code) {
        return JsonFactory.createObjectBuilder().add("success", true).add("country_code", code).build();
    }

    public static JsonObjectBuilder region(AtlasService.VisitedRegion r) {
        return JsonFactory.createObjectBuilder().add("region_code", r.regionCode()).add("region_name", r.regionName())
                .add("country_code", r.countryCode());
    }

    public static JsonObjectBuilder item(BucketItem item) {
        return item.toJson();
    }

    private static JsonObjectBuilder countryStat(AtlasService.CountryStat c) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("code", c.code()).add("placeCount", c.placeCount())
                .add("tripCount", c.tripCount());
        Jsons.put(b, "firstVisit", c.firstVisit());
        return Jsons.put(b, "lastVisit", c.lastVisit());
    }

    /** The original's stats object. */
    public static JsonObjectBuilder stats(AtlasService.Stats s) {
        JsonObjectBuilder continents = JsonFactory.createObjectBuilder();
        s.continents().forEach(continents::add);
        JsonObjectBuilder b = JsonFactory.createObjectBuilder()
                .add("countries", Jsons.array(s.countries(), AtlasTools::countryStat))
                .add("stats", JsonFactory.createObjectBuilder().add("totalTrips", s.totalTrips()).add("totalPlaces", s.totalPlaces())
                        .add("totalCountries", s.countries().size()).add("totalDays", s.totalDays()).add("totalCities", s.totalCities()));
        if (s.mostVisited() == null) {
            b.addNull("mostVisited");
        } else {
            b.add("mostVisited", countryStat(s.mostVisited()));
        }
        b.add("continents", continents);
        if (s.lastTrip() == null) {
            b.addNull("lastTrip");
        } else {
            AtlasService.TripRef t = s.lastTrip();
            JsonObjectBuilder last = JsonFactory.createObjectBuilder().add("id", t.id()).add("title", t.title());
            Jsons.put(last, "start_date", t.startDate());
            Jsons.put(last, "end_date", t.endDate());
            if (t.countryCode() != null) {
                last.add("countryCode", t.countryCode());
            }
            b.add("lastTrip", last);
        }
        if (s.nextTrip() == null) {
            b.addNull("nextTrip");
        } else {
            AtlasService.TripRef t = s.nextTrip();
            b.add("nextTrip", Jsons.put(JsonFactory.createObjectBuilder().add("id", t.id()).add("title", t.title()), "start_date",
                    t.startDate()).add("daysUntil", t.daysUntil()));
        }
        b.add("streak", s.streak());
        Jsons.put(b, "firstYear", s.firstYear());
        return b.add("tripsThisYear", s.tripsThisYear());
    }

    private static JsonObject countryPlaces(AtlasService.CountryPlaces cp) {
        return JsonFactory.createObjectBuilder()
                .add("places", Jsons.array(cp.places(), AtlasTools::place))
                .add("trips", Jsons.array(cp.trips(), AtlasTools::trip))
                .add("manually_marked", cp.manuallyMarked()).build();
    }

    private static JsonObjectBuilder place(TripFootprint.PlaceRow p) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", p.id()).add("name", p.name());
        Jsons.put(b, "address", p.address());
        Jsons.put(b, "lat", p.lat());
        Jsons.put(b, "lng", p.lng());
        return b.add("trip_id", p.tripId());
    }

    private static JsonObjectBuilder trip(TripFootprint.TripRow t) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", t.id()).add("title", t.title());
        Jsons.put(b, "start_date", t.startDate());
        return Jsons.put(b, "end_date", t.endDate());
    }
}
