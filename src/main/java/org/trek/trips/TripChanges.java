package org.trek.trips;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;
import org.trek.mcp.registry.ResourceChanged;

/**
 * Announces that a trip's data changed, so MCP clients subscribed to its resources hear about it (once the change
 * commits; a rolled-back change announces nothing). Every service method that changes a trip passes through
 * {@link TripAccess#forChange}, which calls this. One announcement per trip and transaction: the trip list
 * ({@code trek://trips}) and everything under {@code trek://trips/{id}}.
 */
@ApplicationScoped
public class TripChanges {
    public static final String TRIPS = "trek://trips";
    private static final Object KEY = TripChanges.class;

    @Inject
    Event<ResourceChanged> changed;

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
        changed.fire(new ResourceChanged(Set.of(TRIPS), Set.of(tripUri(tripId))));
    }
}
