package org.trek.trips;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;
import org.trek.mcp.registry.ResourceChanged;

/**
 * Announces that a trip's data changed, so MCP clients subscribed to its resources hear about it (once the change
 * commits; a rolled-back change announces nothing). Every service method that changes a trip passes through
 * {@link TripAccess#forChange}, which calls this. One announcement per trip and transaction: everything under
 * {@code trek://trips/{id}} (to whoever may read it when the notification goes out), and the trip list
 * ({@code trek://trips}, every user's own view) to the trip's owner and members only — those of the moment the change
 * begins, so a member being removed or a trip being deleted still reaches them; a member being added is announced by
 * {@link #joined}.
 */
@ApplicationScoped
public class TripChanges {
    public static final String TRIPS = "trek://trips";
    private static final Object KEY = TripChanges.class;

    @Inject
    Event<ResourceChanged> changed;

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    public static String tripUri(long tripId) {
        return TRIPS + "/" + tripId;
    }

    public void changed(long tripId) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            @SuppressWarnings("unchecked")
            Set<Long> announced = (Set<Long>) transactions.getResource(KEY);
            if (announced == null) {
                announced = new HashSet<>();
                transactions.putResource(KEY, announced);
            }
            if (!announced.add(tripId)) {
                return;
            }
        }
        changed.fire(new ResourceChanged(Set.of(), Set.of(tripUri(tripId))));
        Set<Long> audience = audience(tripId);
        if (!audience.isEmpty()) { // (an empty audience would mean everyone)
            changed.fire(new ResourceChanged(Set.of(TRIPS), Set.of(), audience));
        }
    }

    /** A user became a member of a trip: their trip list changed. */
    public void joined(long userId) {
        changed.fire(new ResourceChanged(Set.of(TRIPS), Set.of(), Set.of(userId)));
    }

    /** The trip's owner and members: two indexed reads, once per trip and transaction. */
    private Set<Long> audience(long tripId) {
        Set<Long> users = new HashSet<>(em.createQuery("SELECT t.userId FROM Trip t WHERE t.id = :t", Long.class)
                .setParameter("t", tripId).getResultList());
        users.addAll(em.createQuery("SELECT m.userId FROM TripMember m WHERE m.tripId = :t", Long.class)
                .setParameter("t", tripId).getResultList());
        return users;
    }
}
