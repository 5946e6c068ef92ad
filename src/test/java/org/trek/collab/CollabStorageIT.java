package org.trek.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.ToolTestSupport.args;
import static org.trek.trips.ToolTestSupport.full;
import static org.trek.trips.ToolTestSupport.ok;

import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.it.Deployments;
import org.trek.platform.db.Sql;
import org.trek.trips.ToolTestSupport;
import org.trek.trips.tools.TripTools;

/**
 * What the collab tables hold, read in the container with the application's data source: a deleted chat message keeps
 * its row (replies refer to it) but its text and reactions are gone from the database, not only from the answers; and
 * the gates of the addon's parts as AddonService answers them, with the tool kit's own check inside a tool.
 */
@ExtendWith(ArquillianExtension.class)
class CollabStorageIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(CollabStorageIT.class, ToolTestSupport.class, ToolTestSupport.TestCall.class);
    }

    @Inject
    CollabService collab;

    @Inject
    TripTools tripTools;

    @Inject
    UserService users;

    @Inject
    Sql sql;

    @Inject
    org.trek.collab.tools.CollabTools collabTools;

    @Inject
    org.trek.platform.addons.AddonService addons;

    @Test
    void aDeletedMessagesTextAndReactionsAreGoneFromTheDatabase() {
        User owner = ToolTestSupport.newUser(users, "store-owner");
        User member = ToolTestSupport.newUser(users, "store-member");
        long trip = ok(tripTools, "create_trip", full(owner.getId()), args().add("title", "Stored")).getJsonObject("trip")
                .getJsonNumber("id").longValue();
        ok(tripTools, "add_trip_member", full(owner.getId()), args().add("tripId", trip).add("identifier", member.getUsername()));
        long secret = collab.send(owner.getId(), trip, "The door code is 4711", null).getJsonNumber("id").longValue();
        long reply = collab.send(member.getId(), trip, "Thanks", secret).getJsonNumber("id").longValue();
        collab.react(member.getId(), trip, secret, "👍");

        collab.deleteMessage(owner.getId(), trip, secret);

        List<String> row = sql.list("SELECT message_text, deleted, reply_to FROM collab_messages WHERE id = ?",
                rs -> List.of(rs.getString(1), String.valueOf(rs.getBoolean(2)), String.valueOf(rs.getLong(3))), secret).get(0);
        assertEquals(List.of("", "true", "0"), row, "the row stays, its text does not");
        assertEquals(0, sql.list("SELECT COUNT(*) FROM collab_message_reactions WHERE message_id = ?", rs -> rs.getInt(1), secret).get(0));
        assertEquals(0, sql.list("SELECT COUNT(*) FROM collab_messages WHERE message_text LIKE ?", rs -> rs.getInt(1), "%4711%").get(0),
                "the text is nowhere in the table");
        assertEquals(secret, sql.list("SELECT reply_to FROM collab_messages WHERE id = ?", rs -> rs.getLong(1), reply).get(0),
                "the reply still points to it");
        assertTrue(collab.messages(member.getId(), trip, null).messages().stream().noneMatch(m -> m.toString().contains("4711")));
    }

    @Test
    void aPartIsOnWhileItsAddonAndItAreOnAndItsToolsCheckThatThemselves() {
        org.trek.platform.addons.SubSwitch polls = org.trek.platform.addons.SubSwitch.COLLAB_POLLS;
        User owner = ToolTestSupport.newUser(users, "gate-owner");
        long trip = ok(tripTools, "create_trip", full(owner.getId()), args().add("title", "Gated")).getJsonObject("trip")
                .getJsonNumber("id").longValue();
        assertTrue(addons.isEnabled(polls) && addons.isEnabled("collab.polls") && addons.isPartOn(polls));
        addons.setEnabled(polls, false);
        try {
            assertTrue(!addons.isEnabled("collab.polls") && !addons.isPartOn(polls) && addons.isEnabled("collab.chat"));
            ToolTestSupport.fails(collabTools, "list_collab_polls", full(owner.getId()), args().add("tripId", trip),
                    "The collab addon's polls part is switched off on this server.");
            assertEquals(1, sql.list("SELECT COUNT(*) FROM app_settings WHERE setting_key = 'collab_polls_enabled' AND setting_value = 'false'",
                    rs -> rs.getInt(1)).get(0));
        } finally {
            addons.setEnabled(polls, true);
        }
        addons.setEnabled(org.trek.platform.addons.AddonId.COLLAB, false);
        try {
            assertTrue(addons.isPartOn(polls) && !addons.isEnabled(polls), "a part is off with its addon");
        } finally {
            addons.setEnabled(org.trek.platform.addons.AddonId.COLLAB, true);
        }
        assertEquals("[]", ok(collabTools, "list_collab_polls", full(owner.getId()), args().add("tripId", trip))
                .getJsonArray("polls").toString());
    }
}
