package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.trek.platform.db.StatementCounter;

/**
 * Test-only bean: the number of SQL statements (JPA and plain JDBC) this thread sends while a piece of code runs,
 * as {@link StatementCounter} sees them on the application's connections — without the read of the addon states,
 * which AddonService keeps for two seconds, so a counted piece of code may or may not be the one that refreshes them.
 */
@ApplicationScoped
public class SqlCounter {

    public record Counted<T>(T value, int statements) {
    }

    public <T> Counted<T> count(Supplier<T> work) {
        StatementCounter.Counted<T> c = StatementCounter.count(work);
        long addonRefresh = c.statements().stream().filter(sql -> sql.toLowerCase(java.util.Locale.ROOT)
                .matches("(?s)select .* from addons\\b.*")).count();
        return new Counted<>(c.value(), (int) (c.total() - addonRefresh));
    }
}
