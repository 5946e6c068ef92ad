package org.trek.vacay.resources;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.trek.mcp.registry.ResourceAccess;
import org.trek.mcp.registry.ResourceContents;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.mcp.registry.ResourceProvider;
import org.trek.platform.DomainException;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.AddonService;
import org.trek.platform.auth.AccessGrant;
import org.trek.vacay.VacayService;
import org.trek.vacay.tools.VacayTools;

/**
 * The vacay resources (vacay addon, vacay:read), each the reader's own view of their active plan:
 * {@code trek://vacay/plan} (get_vacay_plan's plan view), {@code trek://vacay/entries/{year}} (get_vacay_entries'
 * entries and company holidays) and {@code trek://vacay/holidays/{year}} (the public holidays of the plan's calendars,
 * [] while holidays are off). A year outside 2000–2100, or one that is not a number, is "resource not found"; so is a
 * failing holiday service (its message is logged, the reader can call list_holidays for the reason).
 */
@ApplicationScoped
public class VacayResources implements ResourceProvider, ResourceAccess {
    private static final String JSON = "application/json";

    @Inject
    VacayService vacay;

    @Inject
    AddonService addons;

    private List<ResourceDefinition> resources;

    @Override
    public List<ResourceDefinition> resources() {
        return resources;
    }

    @PostConstruct
    void declare() {
        resources = List.of(
                new ResourceDefinition(VacayService.PLAN_URI, null, "vacay-plan", "Vacation plan",
                        "Your active vacation plan: settings, holiday calendars, members and their colours, invitations.", JSON,
                        VacayTools.READ_SCOPE, AddonId.VACAY.id(), reader((g, v) -> vacay.planData(g.userId()).toString())),
                new ResourceDefinition(null, VacayService.ENTRIES_URI + "{year}", "vacay-entries", "Vacation entries of a year",
                        "Every member's vacation days and the company holidays of your active plan in a year.", JSON,
                        VacayTools.READ_SCOPE, AddonId.VACAY.id(), reader((g, v) -> vacay.entries(g.userId(), year(v)).toString())),
                new ResourceDefinition(null, VacayService.HOLIDAYS_URI + "{year}", "vacay-holidays", "Public holidays of a year",
                        "The public holidays of your plan's holiday calendars in a year (cached); [] while holidays are off.", JSON,
                        VacayTools.READ_SCOPE, AddonId.VACAY.id(), reader((g, v) -> vacay.planHolidays(g.userId(), year(v)).toString())));
    }

    private org.trek.mcp.registry.ResourceReader reader(BiFunction<AccessGrant, Map<String, String>, String> body) {
        return (grant, uri, vars) -> {
            if (!grant.allows(VacayTools.READ_SCOPE) || !addons.isEnabled(AddonId.VACAY)) {
                throw new ResourceNotFoundException(uri);
            }
            try {
                return new ResourceContents(uri, JSON, body.apply(grant, vars == null ? Map.of() : vars));
            } catch (DomainException | NumberFormatException e) {
                throw new ResourceNotFoundException(uri);
            }
        };
    }

    static int year(Map<String, String> vars) {
        String y = vars.get("year");
        if (y == null || !y.matches("\\d{4}")) {
            throw new NumberFormatException("year");
        }
        int year = Integer.parseInt(y);
        VacayService.checkYear(year);
        return year;
    }

    /** Every reader sees their own plan: any vacay URI with a valid year may be read (scope and addon: the MCP layer). */
    @Override
    public Optional<Boolean> mayRead(AccessGrant grant, String uri, Map<String, String> variables) {
        if (!uri.startsWith(VacayService.TREE + "/")) {
            return Optional.empty();
        }
        if (variables == null || !variables.containsKey("year")) {
            return Optional.of(VacayService.PLAN_URI.equals(uri));
        }
        try {
            year(variables);
            return Optional.of(true);
        } catch (DomainException | NumberFormatException e) {
            return Optional.of(false);
        }
    }
}
