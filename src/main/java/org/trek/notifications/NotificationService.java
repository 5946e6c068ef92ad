package org.trek.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trek.mcp.registry.ResourceChanged;
import org.trek.platform.Clock;
import org.trek.platform.db.Sql;

/**
 * The in-app notifications of each user: one row per recipient, read only by that recipient. Every method takes the
 * caller's user id and touches only rows whose recipient it is; an id of anyone else's notification is "not found",
 * like one that does not exist. Plain prepared statements (the list is a hot read, and a new notification is one
 * INSERT for all its recipients). Changes announce {@value #URI} to the recipients' resource subscriptions.
 */
@ApplicationScoped
@Transactional
public class NotificationService {
    public static final String URI = "trek://notifications/in-app";

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    Event<ResourceChanged> changed;

    /** One page of a recipient's list, with the counts the original answers beside it. */
    public record Page(List<Notification> items, int total, int unreadCount, String nextCursor) {
    }

    /** A notification to create (the same for every recipient); params is a JSON object text. */
    public record Draft(String type, String scope, long target, Long senderId, String titleKey, String textKey,
                        String params, String navigateTextKey, String navigateTarget) {
    }

    /**
     * Newest first (ties: the later id first), or with {@code unreadFirst} the unread ones first. {@code total} counts
     * what the filter selects (all, or the unread ones), {@code unreadCount} always the unread ones. Two statements.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(long userId, boolean unreadOnly, boolean unreadFirst, int limit, int offset) {
        List<Notification> rows = sql.list("SELECT " + Notification.COLUMNS + " FROM notifications n "
                        + "LEFT JOIN users u ON u.id = n.sender_id WHERE n.recipient_id = ?"
                        + (unreadOnly ? " AND n.is_read = FALSE" : "")
                        + " ORDER BY " + (unreadFirst ? "n.is_read, " : "") + "n.created_at DESC, n.id DESC LIMIT ? OFFSET ?",
                Notification::ofRow, userId, limit + 1, offset);
        int[] counts = sql.list("SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN is_read = FALSE THEN 1 ELSE 0 END), 0) "
                + "AS unread FROM notifications WHERE recipient_id = ?", rs -> new int[] {rs.getInt("total"), rs.getInt("unread")},
                userId).get(0);
        boolean more = rows.size() > limit;
        return new Page(more ? List.copyOf(rows.subList(0, limit)) : rows, unreadOnly ? counts[1] : counts[0], counts[1],
                more ? String.valueOf(offset + limit) : null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public int unreadCount(long userId) {
        return sql.list("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND is_read = FALSE",
                rs -> rs.getInt(1), userId).get(0);
    }

    /** Marks one of the caller's notifications read (again: no change, no error). */
    public void markRead(long userId, long notificationId) {
        mark(userId, notificationId, true);
    }

    /** Marks one of the caller's notifications unread. */
    public void markUnread(long userId, long notificationId) {
        mark(userId, notificationId, false);
    }

    private void mark(long userId, long notificationId, boolean read) {
        int changedRows = sql.update("UPDATE notifications SET is_read = ? WHERE id = ? AND recipient_id = ? AND is_read = ?",
                read, notificationId, userId, !read);
        if (changedRows > 0) {
            announce(Set.of(userId));
        } else if (sql.list("SELECT id FROM notifications WHERE id = ? AND recipient_id = ?", rs -> rs.getLong(1),
                notificationId, userId).isEmpty()) {
            throw new NotificationException(NotificationException.NOT_FOUND);
        }
    }

    /** Marks every unread notification of the caller read; answers how many changed. */
    public int markAllRead(long userId) {
        int n = sql.update("UPDATE notifications SET is_read = TRUE WHERE recipient_id = ? AND is_read = FALSE", userId);
        if (n > 0) {
            announce(Set.of(userId));
        }
        return n;
    }

    /**
     * Creates the notification for each recipient (duplicates once), in the caller's transaction: one INSERT
     * whatever the number of recipients. Answers how many rows were written.
     */
    public int create(Draft d, Collection<Long> recipients) {
        Set<Long> to = new LinkedHashSet<>(recipients);
        if (to.isEmpty()) {
            return 0;
        }
        StringBuilder q = new StringBuilder("INSERT INTO notifications (notification_type, notification_scope, target, "
                + "sender_id, recipient_id, title_key, title_params, text_key, text_params, navigate_text_key, navigate_target, "
                + "is_read, created_at) VALUES ");
        List<Object> params = new ArrayList<>();
        long now = clock.millis();
        for (Long recipient : to) {
            q.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)");
            params.addAll(java.util.Arrays.asList(d.type(), d.scope(), d.target(), d.senderId(), recipient, d.titleKey(),
                    d.params(), d.textKey(), d.params(), d.navigateTextKey(), d.navigateTarget(), now));
        }
        int n = sql.update(q.toString(), params.toArray());
        announce(to);
        return n;
    }

    private void announce(Set<Long> users) {
        changed.fire(new ResourceChanged(Set.of(URI), Set.of(), users));
    }
}
