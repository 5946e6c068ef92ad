package org.trek.trips;

import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.trek.platform.Jsons;

/** One day of a trip (dated, or dateless when the trip has no dates). (table trip_days). */
@Entity
@Table(name = "trip_days")
public class TripDay implements TripOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trip_id", nullable = false)
    private Long tripId;

    @Column(name = "day_number", nullable = false)
    private int dayNumber;

    @Column(name = "day_date")
    private String date;

    @Column(name = "notes")
    private String notes;

    @Column(name = "title")
    private String title;

    public Long getId() {
        return id;
    }

    @Override
    public Long getTripId() {
        return tripId;
    }

    public void setTripId(Long tripId) {
        this.tripId = tripId;
    }

    public int getDayNumber() {
        return dayNumber;
    }

    public void setDayNumber(int dayNumber) {
        this.dayNumber = dayNumber;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    /** The columns {@link #ofRow} reads, of trip_days as d. */
    static final String COLUMNS = "d.id, d.trip_id, d.day_number, d.day_date, d.notes, d.title";

    /** A TripDay read with plain SQL ({@link #COLUMNS}): detached, for reading only. */
    static TripDay ofRow(ResultSet rs) throws SQLException {
        TripDay d = new TripDay();
        d.id = rs.getLong("id");
        d.tripId = rs.getLong("trip_id");
        d.dayNumber = rs.getInt("day_number");
        d.date = rs.getString("day_date");
        d.notes = rs.getString("notes");
        d.title = rs.getString("title");
        return d;
    }

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "trip_id", tripId);
        b.add("day_number", dayNumber);
        Jsons.put(b, "date", date);
        Jsons.put(b, "notes", notes);
        Jsons.put(b, "title", title);
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
