package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trek.platform.Clock;
import org.trek.platform.Patch;
import org.trek.trips.events.BookingChanged;

/** Reservations (bookings) and transports, with their endpoints, day positions and hotel accommodations. */
@ApplicationScoped
@Transactional
public class ReservationService {
    public static final Set<String> BOOKING_TYPES = Set.of("hotel", "restaurant", "event", "tour", "activity", "other");
    public static final Set<String> TRANSPORT_TYPES = Set.of("flight", "train", "car", "cruise");
    public static final Set<String> STATUSES = Set.of("pending", "confirmed", "cancelled");
    public static final Set<String> ENDPOINT_ROLES = Set.of("from", "to", "stop");

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<BookingChanged> bookingChanged;

    /** Reservation fields; null = not given; the place and assignment links can also be cleared (unlinked). */
    public record Fields(String title, String type, String status, String time, String endTime, String location,
                         String confirmationNumber, String notes, Long dayId, Long endDayId, Patch<Long> placeId,
                         Patch<Long> assignmentId, Boolean needsReview, String metadata) {
    }

    /** A transport stop as given by the caller. */
    public record EndpointInput(String role, int sequence, String name, String code, Double lat, Double lng,
                                String timezone, String localTime, String localDate) {
    }

    /** Hotel link: the accommodation a hotel reservation creates or updates. */
    public record HotelStay(long placeId, long startDayId, long endDayId, String checkIn, String checkOut) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Reservation> forExport(long tripId) {
        return em.createQuery("SELECT r FROM Reservation r WHERE r.tripId = :t ORDER BY r.id", Reservation.class)
                .setParameter("t", tripId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TripService.Page<Reservation> list(long userId, long tripId, int limit, int offset) {
        access.access(userId, tripId);
        List<Reservation> rows = em.createQuery("SELECT r FROM Reservation r WHERE r.tripId = :t ORDER BY r.id", Reservation.class)
                .setParameter("t", tripId).setFirstResult(offset).setMaxResults(limit + 1).getResultList();
        return TripService.Page.of(rows, limit, offset);
    }

    /** Creates a booking; a hotel with place and start/end days also gets its accommodation (same transaction). */
    public Reservation create(long userId, long tripId, Fields f, HotelStay hotel) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.RESERVATION_EDIT);
        if (!BOOKING_TYPES.contains(f.type())) {
            throw new TripException("type must be one of hotel, restaurant, event, tour, activity, other.");
        }
        Reservation r = newReservation(tripId, f);
        em.persist(r);
        em.flush();
        if ("hotel".equals(f.type()) && hotel != null) {
            r.setAccommodationId(upsertAccommodation(userId, tripId, null, hotel, r.getConfirmationNumber()).getId());
        }
        announce(ctx, r, BookingChanged.Action.CREATED);
        return r;
    }

    /** Tells the other features (notifications) that a booking changed; inside this transaction. */
    private void announce(TripAccess.TripContext ctx, Reservation r, BookingChanged.Action action) {
        bookingChanged.fire(new BookingChanged(ctx.tripId(), ctx.trip().getTitle(), ctx.userId(), r.getTitle(), r.getType(),
                action, access.participants(ctx.trip())));
    }

    private Reservation newReservation(long tripId, Fields f) {
        Reservation r = new Reservation();
        r.setTripId(tripId);
        r.setStatus("pending");
        r.setCreatedAt(clock.now());
        apply(r, f, true);
        return r;
    }

    private void apply(Reservation r, Fields f, boolean creating) {
        long tripId = r.getTripId();
        if (f.title() != null || creating) {
            r.setTitle(TripService.requireText("title", f.title(), 200));
        }
        if (f.type() != null) {
            r.setType(f.type());
        }
        if (f.status() != null) {
            if (!STATUSES.contains(f.status())) {
                throw new TripException("status must be pending, confirmed or cancelled.");
            }
            r.setStatus(f.status());
        }
        // Object ownership: every referenced id must belong to this trip.
        if (f.dayId() != null) {
            r.setDayId(access.owned(TripDay.class, f.dayId(), tripId, "Day").getId());
        }
        if (f.endDayId() != null) {
            r.setEndDayId(access.owned(TripDay.class, f.endDayId(), tripId, "Day").getId());
        }
        if (f.placeId().value() != null) {
            r.setPlaceId(access.owned(Place.class, f.placeId().value(), tripId, "Place").getId());
        }
        if (f.assignmentId().value() != null) {
            r.setAssignmentId(access.ownedAssignment(f.assignmentId().value(), tripId).getId());
        }
        if (f.placeId().given() && f.placeId().value() == null) {
            r.setPlaceId(null);
        }
        if (f.assignmentId().given() && f.assignmentId().value() == null) {
            r.setAssignmentId(null);
        }
        if (f.time() != null) {
            r.setTime(f.time());
        }
        if (f.endTime() != null) {
            r.setEndTime(f.endTime());
        }
        if (f.location() != null) {
            r.setLocation(f.location());
        }
        if (f.confirmationNumber() != null) {
            r.setConfirmationNumber(f.confirmationNumber());
        }
        if (f.notes() != null) {
            r.setNotes(f.notes());
        }
        if (f.needsReview() != null) {
            r.setNeedsReview(f.needsReview());
        }
        if (f.metadata() != null) {
            r.setMetadata(f.metadata());
        }
        if (r.getEndDayId() == null && r.getDayId() != null && TRANSPORT_TYPES.contains(r.getType())) {
            r.setEndDayId(r.getDayId());
        }
    }

    public Reservation update(long userId, long tripId, long reservationId, Fields f) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.RESERVATION_EDIT);
        Reservation r = access.owned(Reservation.class, reservationId, tripId, "Reservation");
        if (TRANSPORT_TYPES.contains(r.getType())) {
            // a flight turned into a hotel would keep stops nobody sees and no tool could change
            throw new TripException("This is a transport; use update_transport for transports.");
        }
        if (f.type() != null && !BOOKING_TYPES.contains(f.type())) {
            throw new TripException("type must be one of hotel, restaurant, event, tour, activity, other.");
        }
        apply(r, f, false);
        announce(ctx, r, BookingChanged.Action.UPDATED);
        return r;
    }

    /** Deletes a reservation; its linked accommodation goes with it. Returns the deleted accommodation id or null. */
    public Long delete(long userId, long tripId, long reservationId) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.RESERVATION_EDIT);
        Reservation r = access.owned(Reservation.class, reservationId, tripId, "Reservation");
        Long acc = r.getAccommodationId();
        if (acc != null) {
            access.require(userId, tripId, Permission.DAY_EDIT); // the stay goes too: accommodations are day planning
        }
        em.remove(r);
        em.flush();
        if (acc != null) {
            Accommodation a = em.find(Accommodation.class, acc);
            if (a != null) {
                em.remove(a);
            }
        }
        announce(ctx, r, BookingChanged.Action.DELETED);
        return acc;
    }

    /** Sets day-plan positions; with dayId, the positions are per day. Every id must belong to the trip. */
    public void reorder(long userId, long tripId, Map<Long, Integer> positions, Long dayId) {
        access.forChange(userId, tripId, Permission.RESERVATION_EDIT);
        if (dayId != null) {
            access.owned(TripDay.class, dayId, tripId, "Day");
        }
        for (Map.Entry<Long, Integer> e : positions.entrySet()) {
            Reservation r = access.owned(Reservation.class, e.getKey(), tripId, "Reservation " + e.getKey());
            if (dayId == null) {
                r.setDayPlanPosition(e.getValue().doubleValue());
            } else {
                em.createNativeQuery("DELETE FROM reservation_day_positions WHERE reservation_id = ?1 AND day_id = ?2")
                        .setParameter(1, r.getId()).setParameter(2, dayId).executeUpdate();
                em.createNativeQuery("INSERT INTO reservation_day_positions (reservation_id, day_id, sort_position) VALUES (?1, ?2, ?3)")
                        .setParameter(1, r.getId()).setParameter(2, dayId).setParameter(3, e.getValue().doubleValue()).executeUpdate();
            }
        }
    }

    /** Links a hotel reservation to an accommodation (created, or updated when it has one). */
    public Reservation linkHotel(long userId, long tripId, long reservationId, HotelStay stay) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.RESERVATION_EDIT);
        Reservation r = access.owned(Reservation.class, reservationId, tripId, "Reservation");
        if (!"hotel".equals(r.getType())) {
            throw new TripException("Only hotel reservations can be linked to an accommodation.");
        }
        Accommodation a = upsertAccommodation(userId, tripId, r.getAccommodationId(), stay, r.getConfirmationNumber());
        r.setAccommodationId(a.getId());
        r.setPlaceId(stay.placeId());
        r.setDayId(stay.startDayId());
        r.setEndDayId(stay.endDayId());
        announce(ctx, r, BookingChanged.Action.UPDATED);
        return r;
    }

    /** Creates or moves a reservation's stay: accommodations are day planning, so day_edit is needed too. */
    private Accommodation upsertAccommodation(long userId, long tripId, Long existingId, HotelStay stay, String confirmation) {
        access.require(userId, tripId, Permission.DAY_EDIT);
        access.owned(Place.class, stay.placeId(), tripId, "Place");
        TripDay start = access.owned(TripDay.class, stay.startDayId(), tripId, "Day");
        TripDay end = access.owned(TripDay.class, stay.endDayId(), tripId, "Day");
        if (end.getDayNumber() < start.getDayNumber()) {
            throw new TripException("end_day_id must not be before start_day_id.");
        }
        Accommodation a = existingId == null ? null : em.find(Accommodation.class, existingId);
        boolean created = a == null;
        if (created) {
            a = new Accommodation();
            a.setTripId(tripId);
            a.setCreatedAt(clock.now());
            a.setConfirmation(confirmation);
        }
        a.setPlaceId(stay.placeId());
        a.setStartDayId(stay.startDayId());
        a.setEndDayId(stay.endDayId());
        if (stay.checkIn() != null) {
            a.setCheckIn(stay.checkIn());
        }
        if (stay.checkOut() != null) {
            a.setCheckOut(stay.checkOut());
        }
        if (created) {
            em.persist(a);
            em.flush();
        }
        return a;
    }

    // --- transports ---

    public Reservation createTransport(long userId, long tripId, Fields f, List<EndpointInput> endpoints) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.RESERVATION_EDIT);
        if (!TRANSPORT_TYPES.contains(f.type())) {
            throw new TripException("type must be one of flight, train, car, cruise.");
        }
        List<EndpointInput> stops = endpoints == null ? List.of() : endpoints;
        validateEndpoints(stops); // all of it before anything is written (the transaction would undo it, too)
        Reservation r = newReservation(tripId, f);
        em.persist(r);
        em.flush();
        replaceEndpoints(r, stops);
        announce(ctx, r, BookingChanged.Action.CREATED);
        return r;
    }

    public Reservation updateTransport(long userId, long tripId, long reservationId, Fields f, List<EndpointInput> endpoints) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.RESERVATION_EDIT);
        Reservation r = access.owned(Reservation.class, reservationId, tripId, "Reservation");
        if (!TRANSPORT_TYPES.contains(r.getType())) {
            throw new TripException("This reservation is not a transport.");
        }
        if (f.type() != null && !TRANSPORT_TYPES.contains(f.type())) {
            throw new TripException("type must be one of flight, train, car, cruise.");
        }
        if (endpoints != null) {
            validateEndpoints(endpoints);
        }
        apply(r, f, false);
        if (endpoints != null) {
            replaceEndpoints(r, endpoints);
        }
        announce(ctx, r, BookingChanged.Action.UPDATED);
        return r;
    }

    public void deleteTransport(long userId, long tripId, long reservationId) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.RESERVATION_EDIT);
        Reservation r = access.owned(Reservation.class, reservationId, tripId, "Reservation");
        if (!TRANSPORT_TYPES.contains(r.getType())) {
            throw new TripException("This reservation is not a transport.");
        }
        em.remove(r);
        announce(ctx, r, BookingChanged.Action.DELETED);
    }

    private static void validateEndpoints(List<EndpointInput> endpoints) {
        for (EndpointInput in : endpoints) {
            if (!ENDPOINT_ROLES.contains(in.role())) {
                throw new TripException("endpoint role must be from, to or stop.");
            }
            if (in.name() == null || in.name().isBlank()) {
                throw new TripException("endpoint name must not be empty.");
            }
        }
    }

    /** Writes the stops; the callers validated them with {@link #validateEndpoints} before writing anything. */
    private void replaceEndpoints(Reservation r, List<EndpointInput> endpoints) {
        em.createQuery("DELETE FROM ReservationEndpoint e WHERE e.reservationId = :r").setParameter("r", r.getId()).executeUpdate();
        for (EndpointInput in : endpoints) {
            ReservationEndpoint e = new ReservationEndpoint();
            e.setReservationId(r.getId());
            e.setRole(in.role());
            e.setSequence(in.sequence());
            e.setName(in.name().trim());
            e.setCode(in.code());
            e.setLat(in.lat());
            e.setLng(in.lng());
            e.setTimezone(in.timezone());
            e.setLocalTime(in.localTime());
            e.setLocalDate(in.localDate());
            e.setCreatedAt(clock.now());
            em.persist(e);
        }
        em.flush();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReservationEndpoint> endpoints(long reservationId) {
        return em.createQuery("SELECT e FROM ReservationEndpoint e WHERE e.reservationId = :r ORDER BY e.sequence, e.id",
                ReservationEndpoint.class).setParameter("r", reservationId).getResultList();
    }
}
