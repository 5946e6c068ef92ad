package org.trek.atlas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.trek.mcp.registry.ResourceChanged;
import org.trek.platform.Clock;
import org.trek.platform.Patch;
import org.trek.platform.db.Sql;
import org.trek.trips.TripFootprint;

/**
 * The atlas of each user: countries and ISO 3166-2 regions marked as visited, the bucket list, and what the user's
 * trips say about where they have been (stats, places per country). Everything belongs to one user: every method
 * takes the caller's id and touches only the caller's rows; a bucket-list id of anyone else is "not found". Every code
 * is checked against the bundled ISO 3166 data before anything is written ({@link Iso3166}); a refused call changes
 * nothing. Trips and places come from {@link TripFootprint} (only trips the user owns or is a member of). Writes
 * announce the user's atlas resources.
 */
@ApplicationScoped
@Transactional
public class AtlasService {
    public static final String BUCKET_LIST = "trek://bucket-list";
    public static final String VISITED_COUNTRIES = "trek://visited-countries";
    public static final String STATS = "trek://atlas/stats";
    public static final String REGIONS = "trek://atlas/regions";
    public static final int NAME_MAX = 200;
    public static final int NOTES_MAX = 1000;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    TripFootprint footprint;

    @Inject
    Event<ResourceChanged> changed;

    private final Iso3166 iso = Iso3166.bundled();
    private final PlaceCountries placeCountries = PlaceCountries.bundled();

    // ---------------------------------------------------------------- codes

    /** The upper-case alpha-2 code, or a refusal naming the field. */
    public String countryCode(String field, String code) {
        return iso.country(code).map(Iso3166.Country::alpha2).orElseThrow(() -> new AtlasException(
                field + " must be an ISO 3166-1 alpha-2 country code (e.g. FR, JP); " + shown(code) + " is not one."));
    }

    private Iso3166.Subdivision region(String field, String code) {
        return iso.subdivision(code).orElseThrow(() -> new AtlasException(
                field + " must be an ISO 3166-2 region code (e.g. US-CA, FR-IDF); " + shown(code) + " is not one."));
    }

    private static String shown(String code) {
        String s = code == null ? "" : code.trim();
        return "\"" + (s.length() > 20 ? s.substring(0, 20) + "…" : s) + "\"";
    }

    // ---------------------------------------------------------------- countries

    /** A visited country as the original lists it. */
    public record VisitedCountry(String countryCode, java.time.Instant createdAt) {
    }

    /** The user's visited countries, the latest marked first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VisitedCountry> visitedCountries(long userId) {
        return sql.list("SELECT country_code, created_at FROM visited_countries WHERE user_id = ? ORDER BY created_at DESC, id DESC",
                rs -> new VisitedCountry(rs.getString("country_code"), Sql.instant(rs, "created_at")), userId);
    }

    /** Marks a country as visited by hand (again: no change); answers the upper-case code. */
    public String markCountry(long userId, String code) {
        String cc = countryCode("country_code", code);
        int n = sql.update("UPDATE visited_countries SET by_region = FALSE WHERE user_id = ? AND country_code = ? AND by_region = TRUE",
                userId, cc);
        if (n == 0 && !hasCountry(userId, cc)) {
            sql.update("INSERT INTO visited_countries (user_id, country_code, by_region, created_at) VALUES (?, ?, FALSE, ?)",
                    userId, cc, clock.millis());
            announce(userId, VISITED_COUNTRIES, STATS);
        }
        return cc;
    }

    /** Removes a country and the regions marked in it (not marked: no change); answers the upper-case code. */
    public String unmarkCountry(long userId, String code) {
        String cc = countryCode("country_code", code);
        int regions = sql.update("DELETE FROM visited_regions WHERE user_id = ? AND country_code = ?", userId, cc);
        int countries = sql.update("DELETE FROM visited_countries WHERE user_id = ? AND country_code = ?", userId, cc);
        if (regions + countries > 0) {
            announce(userId, VISITED_COUNTRIES, STATS, REGIONS);
        }
        return cc;
    }

    private boolean hasCountry(long userId, String cc) {
        return !sql.list("SELECT 1 FROM visited_countries WHERE user_id = ? AND country_code = ?", rs -> 1, userId, cc).isEmpty();
    }

    // ---------------------------------------------------------------- regions

    /** A region marked by hand. */
    public record VisitedRegion(String regionCode, String regionName, String countryCode) {
    }

    /** The user's regions, the latest marked first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VisitedRegion> visitedRegions(long userId) {
        return sql.list("SELECT region_code, region_name, country_code FROM visited_regions WHERE user_id = ? "
                        + "ORDER BY created_at DESC, id DESC",
                rs -> new VisitedRegion(rs.getString("region_code"), rs.getString("region_name"), rs.getString("country_code")), userId);
    }

    /**
     * Marks an ISO 3166-2 region as visited, and its country too when it is not marked yet (such a country row goes
     * again with the country's last region). The name defaults to the ISO name; a given country must be the region's.
     * Marking it again changes nothing and answers the region as stored.
     */
    public VisitedRegion markRegion(long userId, String regionCode, String regionName, String countryCode) {
        Iso3166.Subdivision s = region("regionCode", regionCode);
        if (countryCode != null && !countryCode("countryCode", countryCode).equals(s.country())) {
            throw new AtlasException("regionCode " + s.code() + " is a region of " + s.country() + ", not of "
                    + countryCode.trim().toUpperCase(Locale.ROOT) + ".");
        }
        String name = regionName == null || regionName.isBlank() ? s.name() : regionName.trim();
        if (name.length() > NAME_MAX) {
            throw new AtlasException("regionName must be at most " + NAME_MAX + " characters.");
        }
        List<VisitedRegion> existing = sql.list("SELECT region_code, region_name, country_code FROM visited_regions "
                        + "WHERE user_id = ? AND region_code = ?",
                rs -> new VisitedRegion(rs.getString("region_code"), rs.getString("region_name"), rs.getString("country_code")),
                userId, s.code());
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        long now = clock.millis();
        sql.update("INSERT INTO visited_regions (user_id, region_code, region_name, country_code, created_at) VALUES (?, ?, ?, ?, ?)",
                userId, s.code(), name, s.country(), now);
        if (!hasCountry(userId, s.country())) {
            sql.update("INSERT INTO visited_countries (user_id, country_code, by_region, created_at) VALUES (?, ?, TRUE, ?)",
                    userId, s.country(), now);
        }
        announce(userId, REGIONS, VISITED_COUNTRIES, STATS);
        return new VisitedRegion(s.code(), name, s.country());
    }

    /**
     * Unmarks a region (not marked: no change). When it was the country's last region, the country goes too, but only
     * if it was marked because of its regions: a country marked by hand stays.
     */
    public void unmarkRegion(long userId, String regionCode) {
        Iso3166.Subdivision s = region("regionCode", regionCode);
        if (sql.update("DELETE FROM visited_regions WHERE user_id = ? AND region_code = ?", userId, s.code()) == 0) {
            return;
        }
        sql.update("DELETE FROM visited_countries WHERE user_id = ? AND country_code = ? AND by_region = TRUE AND NOT EXISTS "
                + "(SELECT 1 FROM visited_regions r WHERE r.user_id = ? AND r.country_code = ?)", userId, s.country(), userId, s.country());
        announce(userId, REGIONS, VISITED_COUNTRIES, STATS);
    }

    // ---------------------------------------------------------------- bucket list

    /** The user's bucket list, newest first; at most {@code limit} items (and one more to tell that there are more). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BucketItem> bucketList(long userId, int limit) {
        return sql.list("SELECT " + BucketItem.COLUMNS + " FROM bucket_list WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                BucketItem::ofRow, userId, limit);
    }

    /** The fields of a new item or of an update ("omitted stays, null clears"). */
    public record BucketFields(Patch<String> name, Patch<Double> lat, Patch<Double> lng, Patch<String> countryCode,
                               Patch<String> notes, Patch<String> targetDate) {
    }

    public BucketItem createItem(long userId, BucketFields f) {
        String name = name(f.name().value());
        Double lat = coordinate("lat", f.lat().value(), 90);
        Double lng = coordinate("lng", f.lng().value(), 180);
        String country = optionalCountry(f.countryCode().value());
        String notes = notes(f.notes().value());
        String target = targetDate(f.targetDate().value());
        long now = clock.millis();
        sql.update("INSERT INTO bucket_list (user_id, name, lat, lng, country_code, notes, target_date, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", userId, name, lat, lng, country, notes, target, now);
        // The new row: this user's, written at this instant with this name (the newest such, were there two).
        BucketItem item = sql.list("SELECT " + BucketItem.COLUMNS + " FROM bucket_list WHERE user_id = ? AND created_at = ? "
                + "AND name = ? ORDER BY id DESC LIMIT 1", BucketItem::ofRow, userId, now, name).get(0);
        announce(userId, BUCKET_LIST);
        return item;
    }

    public BucketItem updateItem(long userId, long itemId, BucketFields f) {
        BucketItem old = item(userId, itemId);
        String name = f.name().given() ? name(f.name().value()) : old.name();
        Double lat = f.lat().given() ? coordinate("lat", f.lat().value(), 90) : old.lat();
        Double lng = f.lng().given() ? coordinate("lng", f.lng().value(), 180) : old.lng();
        String country = f.countryCode().given() ? optionalCountry(f.countryCode().value()) : old.countryCode();
        String notes = f.notes().given() ? notes(f.notes().value()) : old.notes();
        String target = f.targetDate().given() ? targetDate(f.targetDate().value()) : old.targetDate();
        sql.update("UPDATE bucket_list SET name = ?, lat = ?, lng = ?, country_code = ?, notes = ?, target_date = ? "
                + "WHERE id = ? AND user_id = ?", name, lat, lng, country, notes, target, itemId, userId);
        announce(userId, BUCKET_LIST);
        return item(userId, itemId);
    }

    public void deleteItem(long userId, long itemId) {
        if (sql.update("DELETE FROM bucket_list WHERE id = ? AND user_id = ?", itemId, userId) == 0) {
            throw new AtlasException(AtlasException.ITEM_NOT_FOUND);
        }
        announce(userId, BUCKET_LIST);
    }

    private BucketItem item(long userId, long itemId) {
        List<BucketItem> rows = sql.list("SELECT " + BucketItem.COLUMNS + " FROM bucket_list WHERE id = ? AND user_id = ?",
                BucketItem::ofRow, itemId, userId);
        if (rows.isEmpty()) {
            throw new AtlasException(AtlasException.ITEM_NOT_FOUND);
        }
        return rows.get(0);
    }

    private static String name(String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            throw new AtlasException("name must not be empty.");
        }
        if (n.length() > NAME_MAX) {
            throw new AtlasException("name must be at most " + NAME_MAX + " characters.");
        }
        return n;
    }

    private static String notes(String notes) {
        if (notes == null || notes.isEmpty()) {
            return null;
        }
        if (notes.length() > NOTES_MAX) {
            throw new AtlasException("notes must be at most " + NOTES_MAX + " characters.");
        }
        return notes;
    }

    private static Double coordinate(String field, Double value, int bound) {
        if (value != null && (value.isNaN() || Math.abs(value) > bound)) {
            throw new AtlasException(field + " must be between -" + bound + " and " + bound + ".");
        }
        return value;
    }

    private String optionalCountry(String code) {
        return code == null || code.isBlank() ? null : countryCode("country_code", code);
    }

    private static String targetDate(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(date.trim());
            if (d.getYear() < 1900 || d.getYear() > 2200) {
                throw new AtlasException("target_date must be a date between 1900 and 2200.");
            }
            return d.toString();
        } catch (DateTimeParseException e) {
            throw new AtlasException("target_date must be a date YYYY-MM-DD that exists.");
        }
    }

    // ---------------------------------------------------------------- what the trips say

    /** A country of the stats: where places of the user's trips are, or marked by hand (then counts are 0). */
    public record CountryStat(String code, int placeCount, int tripCount, String firstVisit, String lastVisit) {
    }

    /** A trip named in the stats (lastTrip with its country when a place tells it; nextTrip with daysUntil). */
    public record TripRef(long id, String title, String startDate, String endDate, String countryCode, Long daysUntil) {
    }

    public record Stats(List<CountryStat> countries, int totalTrips, int totalPlaces, int totalDays, int totalCities,
                        CountryStat mostVisited, Map<String, Integer> continents, TripRef lastTrip, TripRef nextTrip,
                        int streak, Integer firstYear, int tripsThisYear) {
    }

    /**
     * The user's statistics as the original computes them, from the trips the user can access and the countries marked
     * by hand. Countries by code; mostVisited the one with the most places (ties: the first by code); days count a
     * trip's dates inclusive; "this year" and "today" are UTC. Three queries whatever the numbers of trips and places.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Stats stats(long userId) {
        List<TripFootprint.TripRow> trips = footprint.trips(userId);
        List<TripFootprint.PlaceRow> places = footprint.places(userId);
        Map<Long, TripFootprint.TripRow> tripsById = new HashMap<>();
        trips.forEach(t -> tripsById.put(t.id(), t));

        Map<String, List<TripFootprint.PlaceRow>> byCountry = new TreeMap<>();
        Map<Long, String> firstCountryOfTrip = new HashMap<>();
        Set<String> cities = new HashSet<>();
        for (TripFootprint.PlaceRow p : places) {
            Optional<String> cc = placeCountries.countryOf(p.address(), p.lat(), p.lng());
            cc.ifPresent(code -> {
                byCountry.computeIfAbsent(code, k -> new ArrayList<>()).add(p);
                firstCountryOfTrip.putIfAbsent(p.tripId(), code);
            });
            PlaceCountries.cityOf(p.address()).ifPresent(cities::add);
        }
        Map<String, CountryStat> countries = new TreeMap<>();
        byCountry.forEach((code, ps) -> {
            Set<Long> tripIds = new HashSet<>();
            ps.forEach(p -> tripIds.add(p.tripId()));
            List<String> starts = tripIds.stream().map(tripsById::get).map(TripFootprint.TripRow::startDate)
                    .filter(d -> d != null).sorted().toList();
            countries.put(code, new CountryStat(code, ps.size(), tripIds.size(), starts.isEmpty() ? null : starts.get(0),
                    starts.isEmpty() ? null : starts.get(starts.size() - 1)));
        });
        for (VisitedCountry v : visitedCountries(userId)) {
            countries.putIfAbsent(v.countryCode(), new CountryStat(v.countryCode(), 0, 0, null, null));
        }
        List<CountryStat> list = List.copyOf(countries.values());
        CountryStat most = null;
        for (CountryStat c : list) {
            if (most == null || c.placeCount() > most.placeCount()) {
                most = c;
            }
        }
        Map<String, Integer> continents = new LinkedHashMap<>();
        for (CountryStat c : list) {
            continents.merge(iso.continent(c.code()), 1, Integer::sum);
        }

        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        String now = today.toString();
        int totalDays = 0;
        TripFootprint.TripRow last = null;
        TripFootprint.TripRow next = null;
        Set<Integer> years = new HashSet<>();
        int thisYear = 0;
        for (TripFootprint.TripRow t : trips) {
            LocalDate start = date(t.startDate());
            LocalDate end = date(t.endDate());
            if (start != null && end != null && !end.isBefore(start)) {
                totalDays += (int) ChronoUnit.DAYS.between(start, end) + 1;
            }
            if (end != null && t.endDate().compareTo(now) <= 0 && (last == null || t.endDate().compareTo(last.endDate()) > 0)) {
                last = t;
            }
            if (start != null && t.startDate().compareTo(now) > 0 && (next == null || t.startDate().compareTo(next.startDate()) < 0)) {
                next = t;
            }
            if (start != null) {
                years.add(start.getYear());
                if (start.getYear() == today.getYear()) {
                    thisYear++;
                }
            }
        }
        int streak = 0;
        for (int y = today.getYear(); y >= 2000 && years.contains(y); y--) {
            streak++;
        }
        TripRef lastTrip = last == null ? null
                : new TripRef(last.id(), last.title(), last.startDate(), last.endDate(), firstCountryOfTrip.get(last.id()), null);
        TripRef nextTrip = next == null ? null : new TripRef(next.id(), next.title(), next.startDate(), next.endDate(), null,
                Math.max(0, ChronoUnit.DAYS.between(today, date(next.startDate()))));
        return new Stats(list, trips.size(), places.size(), totalDays, cities.size(), most, continents, lastTrip, nextTrip, streak,
                years.isEmpty() ? null : years.stream().min(Integer::compare).get(), thisYear);
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The places of the user's trips in one country, those trips, and whether the user marked the country by hand. */
    public record CountryPlaces(List<TripFootprint.PlaceRow> places, List<TripFootprint.TripRow> trips, boolean manuallyMarked) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CountryPlaces countryPlaces(long userId, String code) {
        String cc = countryCode("countryCode", code);
        List<TripFootprint.PlaceRow> matching = new ArrayList<>();
        Set<Long> tripIds = new HashSet<>();
        for (TripFootprint.PlaceRow p : footprint.places(userId)) {
            if (placeCountries.countryOf(p.address(), p.lat(), p.lng()).filter(cc::equals).isPresent()) {
                matching.add(p);
                tripIds.add(p.tripId());
            }
        }
        List<TripFootprint.TripRow> trips = tripIds.isEmpty() ? List.of()
                : footprint.trips(userId).stream().filter(t -> tripIds.contains(t.id())).toList();
        return new CountryPlaces(matching, trips, hasCountry(userId, cc));
    }

    private void announce(long userId, String... uris) {
        changed.fire(new ResourceChanged(Set.of(uris), Set.of(), Set.of(userId)));
    }
}
