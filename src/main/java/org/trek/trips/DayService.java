package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.trek.platform.Clock;

/** Days, day notes and accommodations (all under the day_edit permission). */
@ApplicationScoped
@Transactional
public class DayService {
    public static final String DEFAULT_NOTE_ICON = "\uD83D\uDCDD";

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    PlaceService places;

    @Inject
    Clock clock;

    public TripDay updateTitle(long userId, long tripId, long dayId, String title) {
        access.forChange(userId, tripId, Permission.DAY_EDIT);
        TripDay d = access.owned(TripDay.class, dayId, tripId, "Day");
        String t = TripService.trimToNull(title);
        if (t != null && t.length() > 200) {
            throw new TripException("title must be at most 200 characters.");
        }
        d.setTitle(t);
        return d;
    }

    /** Adds a day at the end (dated or not). */
    public TripDay create(long userId, long tripId, String date, String notes) {
        access.forChange(userId, tripId, Permission.DAY_EDIT);
        java.time.LocalDate parsed = TripService.parseDate("date", date);
        Integer max = em.createQuery("SELECT MAX(d.dayNumber) FROM TripDay d WHERE d.tripId = :t", Integer.class)
                .setParameter("t", tripId).getSingleResult();
        TripDay d = TripService.newDay(tripId, max == null ? 1 : max + 1, parsed == null ? null : parsed.toString());
        d.setNotes(TripService.trimToNull(notes));
        em.persist(d);
        em.flush();
        return d;
    }

    public void delete(long userId, long tripId, long dayId) {
        access.forChange(userId, tripId, Permission.DAY_EDIT);
        em.remove(access.owned(TripDay.class, dayId, tripId, "Day"));
    }

    // --- notes ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DayNote> notes(long userId, long tripId, long dayId) {
        access.access(userId, tripId);
        access.owned(TripDay.class, dayId, tripId, "Day");
        return em.createQuery("SELECT n FROM DayNote n WHERE n.dayId = :d ORDER BY n.sortOrder, n.id", DayNote.class)
                .setParameter("d", dayId).getResultList();
    }

    public DayNote createNote(long userId, long tripId, long dayId, String text, String time, String icon) {
        access.forChange(userId, tripId, Permission.DAY_EDIT);
        access.owned(TripDay.class, dayId, tripId, "Day");
        Double max = em.createQuery("SELECT MAX(n.sortOrder) FROM DayNote n WHERE n.dayId = :d", Double.class)
                .setParameter("d", dayId).getSingleResult();
        DayNote n = new DayNote();
        n.setTripId(tripId);
        n.setDayId(dayId);
        n.setText(noteText(text));
        n.setTime(TripService.trimToNull(time));
        n.setIcon(icon == null || icon.isBlank() ? DEFAULT_NOTE_ICON : icon);
        n.setSortOrder(max == null ? 0 : max + 1);
        n.setCreatedAt(clock.now());
        em.persist(n);
        em.flush();
        return n;
    }

    public DayNote updateNote(long userId, long tripId, long dayId, long noteId, String text, String time, boolean clearTime, String icon) {
        access.forChange(userId, tripId, Permission.DAY_EDIT);
        DayNote n = access.owned(DayNote.class, noteId, tripId, "Note");
        if (n.getDayId() != dayId) {
            throw TripException.notFound("Note");
        }
        if (text != null) {
            n.setText(noteText(text));
        }
        if (time != null || clearTime) {
            n.setTime(TripService.trimToNull(time));
        }
        if (icon != null && !icon.isBlank()) {
            n.setIcon(icon);
        }
        return n;
    }

    public void deleteNote(long userId, long tripId, long dayId, long noteId) {
        access.forChange(userId, tripId, Permission.DAY_EDIT);
        DayNote n = access.owned(DayNote.class, noteId, tripId, "Note");
        if (n.getDayId() != dayId) {
            throw TripException.notFound("Note");
        }
        em.remove(n);
    }

    private static String noteText(String text) {
        return TripService.requireText("text", text, 500);
    }

    // --- accommodations ---

    /** Accommodation fields; null = not given. */
    public record StayFields(Long placeId, Long startDayId, Long endDayId, String checkIn, String checkOut,
                             String confirmation, String notes) {
    }

    public Accommodation createAccommodation(long userId, long tripId, StayFields f) {
        access.forChange(userId, tripId, Permission.DAY_EDIT);
        return createAccommodationUnchecked(tripId, f);
    }

    private Accommodation createAccommodationUnchecked(long tripId, StayFields f) {
        Accommodation a = new Accommodation();
        a.setTripId(tripId);
        a.setCreatedAt(clock.now());
        apply(a, tripId, f);
        em.persist(a);
        em.flush();
        return a;
    }

    /** Creates a place and its accommodation together: both or neither (one transaction). */
    public Accommodation createPlaceAccommodation(long userId, long tripId, PlaceService.PlaceFields place, StayFields stay, Place[] placeOut) {
        access.forChange(userId, tripId, Permission.DAY_EDIT);
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        Place p = places.createUnchecked(tripId, place);
        placeOut[0] = p;
        return createAccommodationUnchecked(tripId, new StayFields(p.getId(), stay.startDayId(), stay.endDayId(), stay.checkIn(),
                stay.checkOut(), stay.confirmation(), stay.notes()));
    }

    public Accommodation updateAccommodation(long userId, long tripId, long accommodationId, StayFields f) {
        access.forChange(userId, tripId, Permission.DAY_EDIT);
        Accommodation a = access.owned(Accommodation.class, accommodationId, tripId, "Accommodation");
        apply(a, tripId, f);
        return a;
    }

    /** Deletes an accommodation; returns the id of a reservation that was linked to it (now unlinked), or null. */
    public Long deleteAccommodation(long userId, long tripId, long accommodationId) {
        access.forChange(userId, tripId, Permission.DAY_EDIT);
        Accommodation a = access.owned(Accommodation.class, accommodationId, tripId, "Accommodation");
        List<Reservation> linked = em.createQuery("SELECT r FROM Reservation r WHERE r.accommodationId = :a", Reservation.class)
                .setParameter("a", accommodationId).getResultList();
        linked.forEach(r -> r.setAccommodationId(null));
        em.remove(a);
        return linked.isEmpty() ? null : linked.get(0).getId();
    }

    private void apply(Accommodation a, long tripId, StayFields f) {
        if (f.placeId() != null) {
            a.setPlaceId(access.owned(Place.class, f.placeId(), tripId, "Place").getId());
        }
        if (f.startDayId() != null) {
            a.setStartDayId(access.owned(TripDay.class, f.startDayId(), tripId, "Day").getId());
        }
        if (f.endDayId() != null) {
            a.setEndDayId(access.owned(TripDay.class, f.endDayId(), tripId, "Day").getId());
        }
        if (a.getStartDayId() == null || a.getEndDayId() == null) {
            throw new TripException("start_day_id and end_day_id are required.");
        }
        TripDay start = em.find(TripDay.class, a.getStartDayId());
        TripDay end = em.find(TripDay.class, a.getEndDayId());
        if (end.getDayNumber() < start.getDayNumber()) {
            throw new TripException("end_day_id must not be before start_day_id.");
        }
        if (f.checkIn() != null) {
            a.setCheckIn(f.checkIn());
        }
        if (f.checkOut() != null) {
            a.setCheckOut(f.checkOut());
        }
        if (f.confirmation() != null) {
            a.setConfirmation(f.confirmation());
        }
        if (f.notes() != null) {
            a.setNotes(f.notes());
        }
    }
}
