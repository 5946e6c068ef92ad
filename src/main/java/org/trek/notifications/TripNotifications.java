package org.trek.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.trek.account.UserService;
import org.trek.platform.JsonFactory;
import org.trek.trips.events.BookingChanged;
import org.trek.trips.events.TripMemberAdded;

/**
 * What creates notifications, as in the original: being added to a trip by someone else ({@code trip_invite}, to the
 * added user), an invitation to someone's vacation plan ({@code vacay_invite}, to the invitee; from the vacay feature's
 * event) and a booking or transport of a trip created, changed or deleted ({@code booking_change}, to the
 * trip's owner and members except whoever made the change). The trips feature announces both as CDI events; they
 * arrive inside its transaction, so the notification exists exactly when the change commits. A failure here is
 * logged and never fails the change itself.
 *
 * <p>The parameters name people by user name (the original put the actor's e-mail address there, which members do
 * not otherwise see of each other).
 */
@ApplicationScoped
public class TripNotifications {
    private static final Logger LOG = Logger.getLogger(TripNotifications.class.getName());
    /** Longest parameter value kept (titles are at most 200 characters, user names 100): the JSON fits its column. */
    private static final int MAX_VALUE = 200;

    @Inject
    NotificationService notifications;

    @Inject
    UserService users;

    void memberAdded(@Observes TripMemberAdded e) {
        if (e.actorId() == e.userId()) {
            return;
        }
        try {
            Map<Long, String> names = users.usernames(List.of(e.actorId(), e.userId()));
            String params = params(e.tripId(), e.tripTitle(), names.get(e.actorId()))
                    .add("invitee", clip(names.get(e.userId()))).build().toString();
            notifications.create(new NotificationService.Draft("navigate", "user", e.userId(), e.actorId(),
                    NotificationTexts.TRIP_INVITE_TITLE, NotificationTexts.TRIP_INVITE_TEXT, params,
                    NotificationTexts.VIEW_TRIP, "/trips/" + e.tripId()), List.of(e.userId()));
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "trip_invite notification for trip " + e.tripId() + " not created", ex);
        }
    }

    void bookingChanged(@Observes BookingChanged e) {
        Set<Long> recipients = e.participants().stream().filter(id -> id != e.actorId()).collect(Collectors.toSet());
        if (recipients.isEmpty()) {
            return;
        }
        try {
            String actor = users.usernames(List.of(e.actorId())).get(e.actorId());
            String params = params(e.tripId(), e.tripTitle(), actor).add("booking", clip(e.booking()))
                    .add("type", e.type() == null ? "booking" : e.type()).add("action", e.action().word()).build().toString();
            notifications.create(new NotificationService.Draft("navigate", "trip", e.tripId(), e.actorId(),
                    NotificationTexts.BOOKING_CHANGE_TITLE, NotificationTexts.BOOKING_CHANGE_TEXT, params,
                    NotificationTexts.VIEW_TRIP, "/trips/" + e.tripId()), recipients);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "booking_change notification for trip " + e.tripId() + " not created", ex);
        }
    }

    /** Invited to someone's vacation plan (the original's {@code vacay_invite}, to the invitee). */
    void vacayInvite(@Observes org.trek.vacay.events.VacayInviteSent e) {
        try {
            String actor = users.usernames(List.of(e.actorId())).get(e.actorId());
            String params = JsonFactory.createObjectBuilder().add("actor", clip(actor == null ? "Someone" : actor))
                    .add("planId", String.valueOf(e.planId())).build().toString();
            notifications.create(new NotificationService.Draft("navigate", "user", e.inviteeId(), e.actorId(),
                    NotificationTexts.VACAY_INVITE_TITLE, NotificationTexts.VACAY_INVITE_TEXT, params,
                    NotificationTexts.VIEW_VACAY, "/vacay/" + e.planId()), List.of(e.inviteeId()));
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "vacay_invite notification for plan " + e.planId() + " not created", ex);
        }
    }

    private static JsonObjectBuilder params(long tripId, String tripTitle, String actor) {
        return JsonFactory.createObjectBuilder().add("trip", clip(tripTitle == null ? "Untitled" : tripTitle))
                .add("actor", clip(actor == null ? "Someone" : actor)).add("tripId", String.valueOf(tripId));
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE);
    }
}
