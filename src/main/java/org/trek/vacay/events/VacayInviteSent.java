package org.trek.vacay.events;

/**
 * CDI event: a user was invited to another user's vacation plan (fired inside the transaction that stores the
 * invitation, so an observer that writes joins it). Other features observe it (notifications: {@code vacay_invite});
 * vacay knows none of them.
 *
 * @param planId    the plan the invitee may join
 * @param actorId   who invited
 * @param inviteeId who was invited
 */
public record VacayInviteSent(long planId, long actorId, long inviteeId) {
}
