package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.trek.platform.db.Sql;

/**
 * Where a user has been or is going, for features that summarise it (the atlas): every trip the user can access (owner
 * or member, archived ones included, the rule of {@link TripAccess}) and the places of those trips with their
 * positions and addresses. Two plain queries whatever the number of trips and places; nothing of another user's trips.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TripFootprint {
    private static final String ACCESSIBLE = "(t.user_id = ? OR EXISTS (SELECT 1 FROM trip_members m WHERE m.trip_id = t.id "
            + "AND m.user_id = ?))";

    @Inject
    Sql sql;

    /** A trip of the footprint: dates are YYYY-MM-DD or null. */
    public record TripRow(long id, String title, String startDate, String endDate) {
    }

    /** A place of one of those trips; lat, lng and address may be null. */
    public record PlaceRow(long id, long tripId, String name, String address, Double lat, Double lng) {
    }

    /** The user's accessible trips, the latest start first (trips without dates last), then by id. */
    public List<TripRow> trips(long userId) {
        return sql.list("SELECT t.id, t.title, t.start_date, t.end_date FROM trips t WHERE " + ACCESSIBLE
                        + " ORDER BY CASE WHEN t.start_date IS NULL THEN 1 ELSE 0 END, t.start_date DESC, t.id",
                rs -> new TripRow(rs.getLong("id"), rs.getString("title"), rs.getString("start_date"), rs.getString("end_date")),
                userId, userId);
    }

    /** The places of the user's accessible trips, by trip and id. */
    public List<PlaceRow> places(long userId) {
        return sql.list("SELECT p.id, p.trip_id, p.name, p.address, p.lat, p.lng FROM places p JOIN trips t ON t.id = p.trip_id "
                        + "WHERE " + ACCESSIBLE + " ORDER BY p.trip_id, p.id",
                rs -> new PlaceRow(rs.getLong("id"), rs.getLong("trip_id"), rs.getString("name"), rs.getString("address"),
                        Sql.nullableDouble(rs, "lat"), Sql.nullableDouble(rs, "lng")),
                userId, userId);
    }
}
