package org.trek.trips.tools;

/** The scope names the trip tools require (implication rules live in ScopeCatalog). */
public final class Scopes {
    public static final String TRIPS_READ = "trips:read";
    public static final String TRIPS_WRITE = "trips:write";
    public static final String TRIPS_DELETE = "trips:delete";
    public static final String TRIPS_SHARE = "trips:share";
    public static final String PLACES_READ = "places:read";
    public static final String PLACES_WRITE = "places:write";
    public static final String BUDGET_READ = "budget:read";
    public static final String BUDGET_WRITE = "budget:write";
    public static final String PACKING_READ = "packing:read";
    public static final String PACKING_WRITE = "packing:write";
    public static final String TODOS_READ = "todos:read";
    public static final String TODOS_WRITE = "todos:write";
    public static final String RESERVATIONS_READ = "reservations:read";
    public static final String RESERVATIONS_WRITE = "reservations:write";
    public static final String COLLAB_READ = "collab:read";

    private Scopes() {
    }
}
