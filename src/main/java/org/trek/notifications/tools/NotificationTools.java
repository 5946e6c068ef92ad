package org.trek.notifications.tools;

import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.trek.mcp.registry.InvalidParamsException;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Paging;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.Shape;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.notifications.Notification;
import org.trek.notifications.NotificationService;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;

/**
 * The caller's own in-app notifications (notifications:read / notifications:write; no addon, as in the original).
 * Another user's notification id answers "Notification not found.", like one that does not exist.
 */
@ApplicationScoped
public class NotificationTools implements ToolProvider {
    public static final String READ_SCOPE = "notifications:read";
    public static final String WRITE_SCOPE = "notifications:write";
    /** The original's page size when none is given. */
    static final int DEFAULT_LIMIT = 20;

    @Inject
    ToolKit kit;

    @Inject
    NotificationService notifications;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<Integer> LIMIT = Param.integer("limit", "Page size (default 20, at most 200)", 1, Paging.MAX_LIMIT)
            .orElse(DEFAULT_LIMIT);
    static final Param<Integer> OFFSET = Param.integer("offset", "How many to skip (default 0); or pass cursor", 0, 1_000_000_000)
            .orElse(0);
    static final Param<Boolean> UNREAD_ONLY = Param.bool("unread_only", "Only unread notifications (default false)").orElse(false);
    static final Param<Long> NOTIFICATION_ID = Param.id("notificationId", "Notification id (from list_notifications)").required();

    /** A notification in the original's form (its row, the sender's name and avatar), with our rendered title and text. */
    static final Shape NOTIFICATION = Shape.of("id:integer type:string scope:string target:integer sender_id:integer "
            + "recipient_id:integer title_key:string title_params:string text_key:string text_params:string "
            + "positive_text_key:string negative_text_key:string positive_callback:string negative_callback:string "
            + "response:string navigate_text_key:string navigate_target:string is_read:integer created_at:string "
            + "sender_username:string sender_avatar:string title:string text:string");

    @PostConstruct
    void declare() {
        tools = List.of(
                kit.tool("list_notifications", "List notifications",
                        "Lists your in-app notifications, newest first: trip invitations and booking changes by other "
                                + "members. total counts what the filter selects, unread_count your unread ones. Paginated: "
                                + "limit with offset, or the cursor from next_cursor.",
                        Fields.of(LIMIT, OFFSET, UNREAD_ONLY, Paging.CURSOR),
                        Schema.nested().objects("notifications", NOTIFICATION, true).integer("total", "How many the filter selects", 0, null, true)
                                .integer("unread_count", "Your unread notifications", 0, null, true)
                                .nullableString("next_cursor", "Next page", 50, false).buildOutput(),
                        READ, READ_SCOPE, null, this::list),
                kit.tool("get_unread_notification_count", "Count unread notifications",
                        "Counts your unread in-app notifications.", Fields.of(),
                        Schema.nested().integer("count", "Unread notifications", 0, null, true).buildOutput(), READ, READ_SCOPE, null,
                        c -> JsonFactory.createObjectBuilder().add("count", notifications.unreadCount(c.userId())).build()),
                kit.tool("mark_notification_read", "Mark notification read", "Marks one of your notifications as read.",
                        Fields.of(NOTIFICATION_ID), Schema.success(), UPDATE, WRITE_SCOPE, null, c -> {
                            notifications.markRead(c.userId(), c.get(NOTIFICATION_ID));
                            return Results.success();
                        }),
                kit.tool("mark_notification_unread", "Mark notification unread", "Marks one of your notifications as unread.",
                        Fields.of(NOTIFICATION_ID), Schema.success(), UPDATE, WRITE_SCOPE, null, c -> {
                            notifications.markUnread(c.userId(), c.get(NOTIFICATION_ID));
                            return Results.success();
                        }),
                kit.tool("mark_all_notifications_read", "Mark all notifications read",
                        "Marks all your notifications as read; count says how many were unread.", Fields.of(),
                        Schema.nested().bool("success", "Always true", true).integer("count", "How many were unread", 0, null, true)
                                .buildOutput(),
                        UPDATE, WRITE_SCOPE, null, c -> JsonFactory.createObjectBuilder().add("success", true)
                                .add("count", notifications.markAllRead(c.userId())).build()));
    }

    private JsonObject list(Call c) {
        int offset = c.get(OFFSET);
        String cursor = c.get(Paging.CURSOR);
        if (cursor != null) {
            if (!cursor.matches("\\d{1,9}")) {
                throw new InvalidParamsException("Invalid params: " + Paging.CURSOR.name() + " is not a cursor this server handed out.");
            }
            int fromCursor = Integer.parseInt(cursor);
            if (c.has(OFFSET) && offset != fromCursor) {
                throw new InvalidParamsException("Invalid params: give offset or cursor, not both.");
            }
            offset = fromCursor;
        }
        NotificationService.Page page = notifications.list(c.userId(), c.get(UNREAD_ONLY), false, c.get(LIMIT), offset);
        return page(page).build();
    }

    /** {notifications, total, unread_count, next_cursor}: the original's shape plus the cursor. */
    public static JsonObjectBuilder page(NotificationService.Page page) {
        JsonObjectBuilder out = JsonFactory.createObjectBuilder()
                .add("notifications", Jsons.array(page.items(), Notification::toJson))
                .add("total", page.total()).add("unread_count", page.unreadCount());
        return Jsons.put(out, "next_cursor", page.nextCursor());
    }
}
