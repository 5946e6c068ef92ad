package org.trek.notifications;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trek.platform.JsonFactory;

/**
 * The English texts of the notification keys TREK creates, with {@code {name}} placeholders filled from the stored
 * parameters. A key without a text here shows as the key itself; a missing parameter as an empty string.
 */
final class NotificationTexts {
    static final String TRIP_INVITE_TITLE = "notif.trip_invite.title";
    static final String TRIP_INVITE_TEXT = "notif.trip_invite.text";
    static final String BOOKING_CHANGE_TITLE = "notif.booking_change.title";
    static final String BOOKING_CHANGE_TEXT = "notif.booking_change.text";
    static final String VIEW_TRIP = "notif.action.view_trip";
    static final String VACAY_INVITE_TITLE = "notif.vacay_invite.title";
    static final String VACAY_INVITE_TEXT = "notif.vacay_invite.text";
    static final String VIEW_VACAY = "notif.action.view_vacay";

    private static final Map<String, String> TEXTS = Map.of(
            TRIP_INVITE_TITLE, "Added to a trip",
            TRIP_INVITE_TEXT, "{actor} added you to the trip \"{trip}\".",
            BOOKING_CHANGE_TITLE, "Booking changed on {trip}",
            BOOKING_CHANGE_TEXT, "{actor} {action} the {type} booking \"{booking}\" of the trip \"{trip}\".",
            VIEW_TRIP, "View trip",
            VACAY_INVITE_TITLE, "Vacay Fusion invite",
            VACAY_INVITE_TEXT, "{actor} invited you to fuse vacation plans. Open TREK to accept or decline.",
            VIEW_VACAY, "Open Vacay");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_]+)}");

    private NotificationTexts() {
    }

    static String render(String key, String paramsJson) {
        String template = TEXTS.get(key);
        if (template == null) {
            return key;
        }
        JsonObject params = parse(paramsJson);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonValue v = params.get(m.group(1));
            String text = v instanceof JsonString s ? s.getString() : v == null || v == JsonValue.NULL ? "" : v.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonObject parse(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader r = JsonFactory.createReader(new StringReader(json))) {
            return r.readObject();
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
