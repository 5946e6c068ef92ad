package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trek.account.User;
import org.trek.platform.db.Sql;

/**
 * Who may do what on a trip, checked in this order: access (owner or member: otherwise the trip "does not
 * exist"), then the instance permission matrix, then object ownership (an id from another trip is "not found").
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TripAccess {

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    PermissionService permissions;

    @Inject
    TripChanges changes;

    @Inject
    Sql sql;

    /** A trip the caller can access, and how they relate to it. */
    public record TripContext(Trip trip, long userId, boolean owner, boolean admin) {
        public long tripId() {
            return trip.getId();
        }
    }

    /** Owner or member; anything else (including a trip that does not exist) is the same refusal. */
    public TripContext access(long userId, long tripId) {
        Trip trip = tripId > 0 ? em.find(Trip.class, tripId) : null;
        if (trip == null) {
            throw TripException.noAccess();
        }
        boolean owner = trip.getUserId() == userId;
        if (!owner && !isMemberRow(tripId, userId)) {
            throw TripException.noAccess();
        }
        return new TripContext(trip, userId, owner, isAdmin(userId));
    }

    /**
     * The trip of {@link #access} for a read: the same rule and the same refusal (owner or member, else "does not
     * exist"), in one plain query for the trip and the membership, without the admin look-up. The trip is detached:
     * for reading only (in a transaction it sees what was flushed).
     */
    public Trip readable(long userId, long tripId) {
        List<Trip> rows = tripId > 0 ? sql.list("SELECT " + TripService.LIST_COLUMNS + " FROM trips t WHERE t.id = ? AND "
                + "(t.user_id = ? OR EXISTS (SELECT 1 FROM trip_members m WHERE m.trip_id = t.id AND m.user_id = ?))",
                Trip::ofRow, tripId, userId, userId) : List.of();
        if (rows.isEmpty()) {
            throw TripException.noAccess();
        }
        return rows.get(0);
    }

    /** Access plus the permission matrix. */
    public TripContext require(long userId, long tripId, Permission permission) {
        TripContext ctx = access(userId, tripId);
        if (!permissions.allows(permission, ctx.admin(), ctx.owner(), true)) {
            throw new TripException(denied(permission));
        }
        return ctx;
    }

    /**
     * Access plus the permission matrix, for a change of the trip: its resources are announced as updated to MCP
     * subscribers when the transaction commits ({@link TripChanges}).
     */
    public TripContext forChange(long userId, long tripId, Permission permission) {
        TripContext ctx = require(userId, tripId, permission);
        changes.changed(tripId);
        return ctx;
    }

    /** For permissions without a trip (trip_create). */
    public void requireGlobal(long userId, Permission permission) {
        if (!permissions.allows(permission, isAdmin(userId), false, false)) {
            throw new TripException(denied(permission));
        }
    }

    public static String denied(Permission permission) {
        return "You do not have permission to do this on this trip (" + permission.key() + ").";
    }

    public boolean isAdmin(long userId) {
        User user = em.find(User.class, userId);
        return user != null && user.isAdmin();
    }

    private boolean isMemberRow(long tripId, long userId) {
        return !em.createQuery("SELECT m.id FROM TripMember m WHERE m.tripId = :t AND m.userId = :u", Long.class)
                .setParameter("t", tripId).setParameter("u", userId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The owner and every member of the trip. */
    public Set<Long> participants(Trip trip) {
        Set<Long> ids = new HashSet<>(em.createQuery("SELECT m.userId FROM TripMember m WHERE m.tripId = :t", Long.class)
                .setParameter("t", trip.getId()).getResultList());
        ids.add(trip.getUserId());
        return ids;
    }

    /** User ids passed to participant/member tools must belong to the trip: no cross-instance user enumeration. */
    public List<Long> requireParticipants(Trip trip, Collection<Long> userIds) {
        Set<Long> allowed = participants(trip);
        for (Long id : userIds) {
            if (!allowed.contains(id)) {
                throw new TripException("User " + id + " is not a member of this trip.");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(userIds));
    }

    /** An entity of this trip, or "<label> not found." (also when it exists on another trip). */
    public <T extends TripOwned> T owned(Class<T> type, Long id, long tripId, String label) {
        T entity = id == null || id <= 0 ? null : em.find(type, id);
        if (entity == null || entity.getTripId() == null || entity.getTripId() != tripId) {
            throw TripException.notFound(label);
        }
        return entity;
    }

    /** An assignment of this trip (through its day), or "Assignment not found.". */
    public DayAssignment ownedAssignment(Long assignmentId, long tripId) {
        DayAssignment a = assignmentId == null ? null : em.find(DayAssignment.class, assignmentId);
        if (a == null) {
            throw TripException.notFound("Assignment");
        }
        owned(TripDay.class, a.getDayId(), tripId, "Assignment");
        return a;
    }
}
