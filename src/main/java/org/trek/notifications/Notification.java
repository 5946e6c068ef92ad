package org.trek.notifications;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.db.Sql;

/**
 * One in-app notification of one recipient, as the tools and the resource show it: every column of the original's
 * row (reference §6.2) with the sender's name, plus {@code title} and {@code text} rendered in English from the keys
 * and their parameters (added: a client need not know TREK's i18n keys).
 */
public record Notification(long id, String type, String scope, long target, Long senderId, String senderUsername,
                           long recipientId, String titleKey, String titleParams, String textKey, String textParams,
                           String positiveTextKey, String negativeTextKey, String positiveCallback, String negativeCallback,
                           String response, String navigateTextKey, String navigateTarget, boolean read, Instant createdAt) {

    /** The columns {@link #ofRow} reads; {@code n} is notifications, {@code u} the sender (LEFT JOIN users). */
    static final String COLUMNS = "n.id, n.notification_type, n.notification_scope, n.target, n.sender_id, "
            + "u.username AS sender_username, n.recipient_id, n.title_key, n.title_params, n.text_key, n.text_params, "
            + "n.positive_text_key, n.negative_text_key, n.positive_callback, n.negative_callback, n.response, "
            + "n.navigate_text_key, n.navigate_target, n.is_read, n.created_at";

    static Notification ofRow(ResultSet rs) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getString("notification_type"), rs.getString("notification_scope"),
                rs.getLong("target"), Sql.nullableLong(rs, "sender_id"), rs.getString("sender_username"),
                rs.getLong("recipient_id"), rs.getString("title_key"), rs.getString("title_params"), rs.getString("text_key"),
                rs.getString("text_params"), rs.getString("positive_text_key"), rs.getString("negative_text_key"),
                rs.getString("positive_callback"), rs.getString("negative_callback"), rs.getString("response"),
                rs.getString("navigate_text_key"), rs.getString("navigate_target"), rs.getBoolean("is_read"),
                Sql.instant(rs, "created_at"));
    }

    /**
     * The original's shape: ids as numbers, {@code title_params}/{@code text_params} as the JSON object text they are
     * stored as, {@code is_read} 0 or 1, {@code sender_avatar} null (TREK here keeps no avatars).
     */
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id).add("type", type).add("scope", scope)
                .add("target", target);
        Jsons.put(b, "sender_id", senderId);
        b.add("recipient_id", recipientId).add("title_key", titleKey).add("title_params", titleParams)
                .add("text_key", textKey).add("text_params", textParams);
        Jsons.put(b, "positive_text_key", positiveTextKey);
        Jsons.put(b, "negative_text_key", negativeTextKey);
        Jsons.put(b, "positive_callback", positiveCallback);
        Jsons.put(b, "negative_callback", negativeCallback);
        Jsons.put(b, "response", response);
        Jsons.put(b, "navigate_text_key", navigateTextKey);
        Jsons.put(b, "navigate_target", navigateTarget);
        b.add("is_read", read ? 1 : 0);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        Jsons.put(b, "sender_username", senderUsername);
        b.addNull("sender_avatar");
        b.add("title", NotificationTexts.render(titleKey, titleParams)).add("text", NotificationTexts.render(textKey, textParams));
        return b.build();
    }
}
