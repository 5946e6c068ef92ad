package org.trek.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.McpTripHarness.id;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.mcp.contract.OriginalShape;
import org.trek.mcp.it.McpTestClient;
import org.trek.trips.McpTripHarness;

/**
 * The collab tools, resources and summary part through /mcp on the shared server: notes, polls (single and multiple
 * choice, closing, deadlines), chat (replies, reactions, soft delete), what the answers say after each change, bad
 * input that changes nothing, other users' trips and objects, the addon and its parts switched off and on again (tools
 * and resources gone from the lists and refused, list_changed on an open stream, data intact afterwards, the switch
 * audited), resource updates for subscribers, and get_trip_summary / the trip-summary prompt. (Every tool's scope,
 * permission, validation and shape against the original: ToolCatalogIT.)
 */
class CollabToolsIT {
    static final String NO_ACCESS = "Trip not found or access denied.";
    static final HttpClient STREAMS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static McpTripHarness mcp;
    static McpTripHarness.Account owner;
    static McpTripHarness.Account member;
    static McpTripHarness.Account outsider;
    static long trip;
    static long otherTrip;

    @BeforeAll
    static void setUp() {
        mcp = new McpTripHarness();
        owner = mcp.newAccount("collab-owner");
        member = mcp.newAccount("collab-member");
        outsider = mcp.newAccount("collab-out");
        trip = newTrip(owner, "Collab trip", member);
        otherTrip = newTrip(outsider, "Someone else's trip");
    }

    static long newTrip(McpTripHarness.Account who, String title, McpTripHarness.Account... members) {
        long t = id(mcp.ok(who, "create_trip", args().add("title", title).add("start_date", "2027-04-01")
                .add("end_date", "2027-04-03")), "trip");
        for (McpTripHarness.Account m : members) {
            mcp.ok(who, "add_trip_member", args().add("tripId", t).add("identifier", m.name()));
        }
        return t;
    }

    static JsonObjectBuilder args() {
        return Json.createObjectBuilder();
    }

    static JsonObjectBuilder on(long tripId) {
        return args().add("tripId", tripId);
    }

    static JsonObject ok(McpTripHarness.Account who, String tool, JsonObjectBuilder arguments) {
        return mcp.ok(who, tool, arguments);
    }

    static String error(McpTripHarness.Account who, String tool, JsonObjectBuilder arguments) {
        return mcp.error(who, McpTripHarness.MODERN, tool, arguments.build());
    }

    static JsonArray options(String... labels) {
        var b = Json.createArrayBuilder();
        for (String l : labels) {
            b.add(l);
        }
        return b.build();
    }

    static JsonValue read(McpTripHarness.Account who, String uri) {
        JsonObject result = new McpTestClient(mcp.server.baseUrl(), who.token()).modern("resources/read",
                args().add("uri", uri).build()).result();
        return Json.createReader(new StringReader(result.getJsonArray("contents").getJsonObject(0).getString("text"))).readValue();
    }

    static int voters(JsonObject poll, int option) {
        return poll.getJsonArray("options").getJsonObject(option).getJsonArray("voters").size();
    }

    // ---------------------------------------------------------------- notes

    @Test
    void notesAreCreatedChangedAndDeletedWithTheOriginalsDefaults() {
        JsonObject note = ok(member, "create_collab_note", on(trip).add("title", "  Ideas  ").add("content", "rooftop bars"))
                .getJsonObject("note");
        assertEquals("Ideas", note.getString("title"));
        assertEquals("General", note.getString("category"));
        assertEquals("#6366f1", note.getString("color"));
        assertEquals(0, note.getInt("pinned"));
        assertEquals(member.name(), note.getString("username"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, note.getJsonArray("attachments"));
        assertTrue(note.getString("created_at").endsWith("Z"), "ISO 8601 UTC: " + note);
        long noteId = note.getJsonNumber("id").longValue();

        JsonObject changed = ok(owner, "update_collab_note", on(trip).add("noteId", noteId).add("pinned", true).add("color", "#00FF00"))
                .getJsonObject("note");
        assertEquals("Ideas", changed.getString("title"), "omitted fields stay");
        assertEquals("rooftop bars", changed.getString("content"));
        assertEquals(1, changed.getInt("pinned"));
        assertEquals("#00ff00", changed.getString("color"));
        assertTrue(ok(owner, "update_collab_note", on(trip).add("noteId", noteId).addNull("content")).getJsonObject("note")
                .isNull("content"), "null clears the text");

        // Bad input changes nothing.
        assertEquals("color must be a hex colour like #6366f1.", error(owner, "update_collab_note",
                on(trip).add("noteId", noteId).add("color", "#12345z").add("title", "Changed")));
        assertEquals("title must not be empty.", error(owner, "create_collab_note", on(trip).add("title", "   ")));
        JsonArray notes = read(owner, "trek://trips/" + trip + "/collab-notes").asJsonArray();
        JsonObject stored = notes.stream().map(JsonValue::asJsonObject).filter(n -> n.getJsonNumber("id").longValue() == noteId)
                .findFirst().orElseThrow();
        assertEquals("Ideas", stored.getString("title"));

        // A note of another trip is not found here; the other trip's owner cannot touch this one.
        long foreign = id(ok(outsider, "create_collab_note", on(otherTrip).add("title", "Private")), "note");
        assertEquals("Note not found.", error(owner, "update_collab_note", on(trip).add("noteId", foreign).add("title", "Mine")));
        assertEquals("Note not found.", error(owner, "delete_collab_note", on(trip).add("noteId", foreign)));
        assertEquals(NO_ACCESS, error(outsider, "delete_collab_note", on(trip).add("noteId", noteId)));
        assertEquals(NO_ACCESS, error(outsider, "update_collab_note", on(trip).add("noteId", noteId).add("title", "Hijacked")));
        assertEquals("Private", read(outsider, "trek://trips/" + otherTrip + "/collab-notes").asJsonArray().getJsonObject(0).getString("title"));

        assertTrue(ok(member, "delete_collab_note", on(trip).add("noteId", noteId)).getBoolean("success"));
        assertEquals("Note not found.", error(member, "delete_collab_note", on(trip).add("noteId", noteId)));
    }

    @Test
    void pinnedNotesComeFirstAndTheResourceKeepsTheOriginalsShape() {
        long t = newTrip(owner, "Notes order", member);
        ok(owner, "create_collab_note", on(t).add("title", "First"));
        ok(owner, "create_collab_note", on(t).add("title", "Pinned").add("pinned", true).add("category", "Food"));
        ok(owner, "create_collab_note", on(t).add("title", "Last"));
        JsonArray notes = read(member, "trek://trips/" + t + "/collab-notes").asJsonArray();
        assertEquals(List.of("Pinned", "Last", "First"), notes.stream().map(n -> n.asJsonObject().getString("title")).toList());
        assertShape("trek://trips/{tripId}/collab-notes", notes);
    }

    // ---------------------------------------------------------------- polls

    @Test
    void singleChoiceVotesToggleAndReplaceEachOther() {
        JsonObject poll = ok(owner, "create_collab_poll", on(trip).add("question", "Where to eat?")
                .add("options", options("Bistro", "Brasserie", "Crêperie"))).getJsonObject("poll");
        long pollId = poll.getJsonNumber("id").longValue();
        assertEquals(0, poll.getInt("multiple"));
        assertFalse(poll.getBoolean("is_closed"));
        assertTrue(poll.isNull("deadline"));

        JsonObject voted = ok(member, "vote_collab_poll", on(trip).add("pollId", pollId).add("optionIndex", 0)).getJsonObject("poll");
        assertEquals(1, voters(voted, 0));
        assertEquals(member.id(), voted.getJsonArray("options").getJsonObject(0).getJsonArray("voters").getJsonObject(0)
                .getJsonNumber("user_id").longValue());
        voted = ok(member, "vote_collab_poll", on(trip).add("pollId", pollId).add("optionIndex", 2)).getJsonObject("poll");
        assertEquals(0, voters(voted, 0), "a single-choice poll keeps one vote per member");
        assertEquals(1, voters(voted, 2));
        ok(owner, "vote_collab_poll", on(trip).add("pollId", pollId).add("optionIndex", 2));
        voted = ok(member, "vote_collab_poll", on(trip).add("pollId", pollId).add("optionIndex", 2)).getJsonObject("poll");
        assertEquals(1, voters(voted, 2), "voting again for the same option takes the vote back");
        assertEquals(1, voted.getJsonArray("options").getJsonObject(2).getInt("votes"));

        assertEquals("optionIndex must be between 0 and 2 for this poll.",
                error(member, "vote_collab_poll", on(trip).add("pollId", pollId).add("optionIndex", 3)));
        JsonObject closed = ok(owner, "close_collab_poll", on(trip).add("pollId", pollId)).getJsonObject("poll");
        assertEquals(1, closed.getInt("closed"));
        assertTrue(closed.getBoolean("is_closed"));
        assertEquals("This poll is closed.", error(member, "vote_collab_poll", on(trip).add("pollId", pollId).add("optionIndex", 1)));
        assertEquals(1, voters(ok(owner, "close_collab_poll", on(trip).add("pollId", pollId)).getJsonObject("poll"), 2),
                "closing keeps the votes and closing again changes nothing");
    }

    @Test
    void multipleChoicePollsTakeSeveralVotesAndDeadlinesEndVoting() {
        long t = newTrip(owner, "Polls", member);
        long multi = id(ok(owner, "create_collab_poll", on(t).add("question", "Which days?").add("options", options("Mon", "Tue", "Wed"))
                .add("multiple", true).add("deadline", "2099-12-31")), "poll");
        ok(member, "vote_collab_poll", on(t).add("pollId", multi).add("optionIndex", 0));
        JsonObject poll = ok(member, "vote_collab_poll", on(t).add("pollId", multi).add("optionIndex", 1)).getJsonObject("poll");
        assertEquals(1, voters(poll, 0));
        assertEquals(1, voters(poll, 1));
        assertTrue(poll.getBoolean("multiple_choice"));
        assertEquals("2099-12-31T23:59:59Z", poll.getString("deadline"), "a date ends with its day, UTC");
        assertEquals("2099-06-01T16:00:00Z", ok(owner, "create_collab_poll", on(t).add("question", "Zoned")
                .add("options", options("a", "b")).add("deadline", "2099-06-01T18:00+02:00")).getJsonObject("poll").getString("deadline"));

        // Bad input is refused and creates nothing.
        int before = ok(owner, "list_collab_polls", on(t)).getJsonArray("polls").size();
        for (String bad : List.of("2027-02-30", "2027-13-01", "2027-04-01T25:00", "31.12.2099")) {
            assertTrue(error(owner, "create_collab_poll", on(t).add("question", "Bad").add("options", options("a", "b"))
                    .add("deadline", bad)).startsWith("deadline must be a date"), bad);
        }
        assertEquals("deadline must lie in the future.", error(owner, "create_collab_poll", on(t).add("question", "Past")
                .add("options", options("a", "b")).add("deadline", "2020-01-01")));
        assertTrue(error(owner, "create_collab_poll", on(t).add("question", "Twice").add("options", options("Yes", "yes")))
                .startsWith("options must differ"));
        assertEquals("options must not be empty.", error(owner, "create_collab_poll", on(t).add("question", "Blank")
                .add("options", options("a", " "))));
        assertEquals(before, ok(owner, "list_collab_polls", on(t)).getJsonArray("polls").size());

        // Newest first, paged.
        JsonObject page = ok(member, "list_collab_polls", on(t).add("limit", 1));
        assertEquals("Zoned", page.getJsonArray("polls").getJsonObject(0).getString("question"));
        JsonObject next = ok(member, "list_collab_polls", on(t).add("limit", 1).add("cursor", page.getString("next_cursor")));
        assertEquals("Which days?", next.getJsonArray("polls").getJsonObject(0).getString("question"));
        assertTrue(next.isNull("next_cursor"));

        JsonArray polls = read(member, "trek://trips/" + t + "/collab/polls").asJsonArray();
        assertEquals(2, polls.size());
        assertShape("trek://trips/{tripId}/collab/polls", polls);

        long foreign = id(ok(outsider, "create_collab_poll", on(otherTrip).add("question", "Theirs").add("options", options("x", "y"))), "poll");
        assertEquals("Poll not found.", error(owner, "vote_collab_poll", on(t).add("pollId", foreign).add("optionIndex", 0)));
        assertEquals("Poll not found.", error(owner, "delete_collab_poll", on(t).add("pollId", foreign)));
        assertEquals(NO_ACCESS, error(owner, "list_collab_polls", on(otherTrip)));
        assertEquals(0, voters(ok(outsider, "list_collab_polls", on(otherTrip)).getJsonArray("polls").getJsonObject(0), 0));

        assertTrue(ok(owner, "delete_collab_poll", on(t).add("pollId", multi)).getBoolean("success"));
        assertEquals("Poll not found.", error(member, "vote_collab_poll", on(t).add("pollId", multi).add("optionIndex", 0)));
    }

    // ---------------------------------------------------------------- chat

    @Test
    void messagesReplyReactAndADeletedOneLosesItsTextAndReactions() {
        long t = newTrip(owner, "Chat", member);
        JsonObject hello = ok(owner, "send_collab_message", on(t).add("text", "Hello")).getJsonObject("message");
        long helloId = hello.getJsonNumber("id").longValue();
        assertEquals(0, hello.getInt("deleted"));
        assertTrue(hello.isNull("reply_to"));
        JsonObject reply = ok(member, "send_collab_message", on(t).add("text", "Hi!").add("replyTo", helloId)).getJsonObject("message");
        assertEquals("Hello", reply.getString("reply_text"));
        assertEquals(owner.name(), reply.getString("reply_username"));
        long replyId = reply.getJsonNumber("id").longValue();

        JsonArray reactions = ok(member, "react_collab_message", on(t).add("messageId", helloId).add("emoji", "👍")).getJsonArray("reactions");
        assertEquals("👍", reactions.getJsonObject(0).getString("emoji"));
        assertEquals(1, reactions.getJsonObject(0).getInt("count"));
        reactions = ok(owner, "react_collab_message", on(t).add("messageId", helloId).add("emoji", "👍")).getJsonArray("reactions");
        assertEquals(2, reactions.getJsonObject(0).getInt("count"));
        reactions = ok(owner, "react_collab_message", on(t).add("messageId", helloId).add("emoji", "👍")).getJsonArray("reactions");
        assertEquals(1, reactions.getJsonObject(0).getInt("count"), "reacting again takes the reaction back");
        assertTrue(error(owner, "react_collab_message", on(t).add("messageId", helloId).add("emoji", "a b")).startsWith("emoji must be"));

        JsonObject listed = ok(member, "list_collab_messages", on(t));
        assertFalse(listed.getBoolean("has_more"));
        JsonArray messages = listed.getJsonArray("messages");
        assertEquals(List.of(helloId, replyId), messages.stream().map(m -> m.asJsonObject().getJsonNumber("id").longValue()).toList(),
                "oldest first");
        assertEquals(1, messages.getJsonObject(0).getJsonArray("reactions").size());

        assertEquals("You can only delete your own messages.", error(member, "delete_collab_message", on(t).add("messageId", helloId)));
        assertTrue(ok(owner, "delete_collab_message", on(t).add("messageId", helloId)).getBoolean("success"));
        assertTrue(ok(owner, "delete_collab_message", on(t).add("messageId", helloId)).getBoolean("success"), "again: no change");
        messages = read(member, "trek://trips/" + t + "/collab/messages").asJsonArray();
        JsonObject gone = messages.getJsonObject(0);
        assertEquals(1, gone.getInt("deleted"));
        assertEquals("", gone.getString("text"), "the text is gone");
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, gone.getJsonArray("reactions"));
        assertEquals("", messages.getJsonObject(1).getString("reply_text"), "a reply no longer quotes it");
        assertFalse(messages.toString().contains("\"Hello\""), messages.toString());
        assertShape("trek://trips/{tripId}/collab/messages", messages);
        assertEquals("This message was deleted.", error(member, "react_collab_message", on(t).add("messageId", helloId).add("emoji", "😀")));
        assertEquals("The message to reply to was deleted.", error(member, "send_collab_message", on(t).add("text", "?").add("replyTo", helloId)));

        // Another trip's message is not found here; an outsider reads and changes nothing.
        long foreign = id(ok(outsider, "send_collab_message", on(otherTrip).add("text", "Secret")), "message");
        assertEquals("The message to reply to was not found.", error(owner, "send_collab_message", on(t).add("text", "x").add("replyTo", foreign)));
        assertEquals("Message not found.", error(owner, "react_collab_message", on(t).add("messageId", foreign).add("emoji", "👍")));
        assertEquals("Message not found.", error(owner, "delete_collab_message", on(t).add("messageId", foreign)));
        assertEquals(NO_ACCESS, error(outsider, "list_collab_messages", on(t)));
        assertEquals(NO_ACCESS, error(outsider, "send_collab_message", on(t).add("text", "Spam")));
        assertEquals(2, ok(member, "list_collab_messages", on(t)).getJsonArray("messages").size());
    }

    @Test
    void theLatestHundredMessagesAndOlderPagesBeforeAnId() {
        long t = newTrip(owner, "Busy chat");
        long first = 0;
        for (int i = 0; i < 102; i++) {
            long m = id(ok(owner, "send_collab_message", on(t).add("text", "m" + i)), "message");
            first = i == 0 ? m : first;
        }
        JsonObject latest = ok(owner, "list_collab_messages", on(t));
        JsonArray page = latest.getJsonArray("messages");
        assertEquals(100, page.size());
        assertTrue(latest.getBoolean("has_more"));
        assertEquals("m2", page.getJsonObject(0).getString("text"));
        assertEquals("m101", page.getJsonObject(99).getString("text"));
        JsonObject older = ok(owner, "list_collab_messages", on(t).add("before", page.getJsonObject(0).getJsonNumber("id").longValue()));
        assertEquals(List.of("m0", "m1"), older.getJsonArray("messages").stream().map(m -> m.asJsonObject().getString("text")).toList());
        assertFalse(older.getBoolean("has_more"));
        assertEquals(first, older.getJsonArray("messages").getJsonObject(0).getJsonNumber("id").longValue());
    }

    // ---------------------------------------------------------------- summary and prompt

    @Test
    void theSummaryCountsWhatTheGrantMaySee() {
        long t = newTrip(owner, "Summary", member);
        ok(owner, "create_collab_note", on(t).add("title", "Packing ideas"));
        long poll = id(ok(owner, "create_collab_poll", on(t).add("question", "Q").add("options", options("a", "b"))), "poll");
        ok(owner, "create_collab_poll", on(t).add("question", "Q2").add("options", options("a", "b")));
        ok(owner, "send_collab_message", on(t).add("text", "one"));
        long gone = id(ok(owner, "send_collab_message", on(t).add("text", "two")), "message");
        ok(owner, "delete_collab_message", on(t).add("messageId", gone));
        ok(owner, "delete_collab_poll", on(t).add("pollId", poll));

        JsonObject summary = ok(member, "get_trip_summary", on(t));
        assertEquals(1, summary.getJsonArray("collab_notes").size());
        assertEquals("Packing ideas", summary.getJsonArray("collab_notes").getJsonObject(0).getString("title"));
        assertFalse(summary.getBoolean("collab_notes_more"));
        assertEquals(1, summary.getInt("pollCount"));
        assertEquals(1, summary.getInt("messageCount"), "a deleted message is not counted");

        // Without collab:read: the original's empty values, and omitted_sections says why.
        String token = mcp.token(owner, McpTripHarness.allBut("collab:read"));
        JsonObject narrow = mcp.call(token, McpTripHarness.MODERN, "get_trip_summary", on(t).build()).result().getJsonObject("structuredContent");
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, narrow.getJsonArray("collab_notes"));
        assertEquals(0, narrow.getInt("pollCount"));
        assertEquals(0, narrow.getInt("messageCount"));
        assertFalse(narrow.containsKey("collab_notes_more"));
        assertTrue(narrow.getJsonArray("omitted_sections").toString().contains("collab_notes (needs collab:read"), narrow.toString());

        JsonObject prompt = new McpTestClient(mcp.server.baseUrl(), member.token()).modern("prompts/get", args().add("name", "trip-summary")
                .add("arguments", args().add("tripId", String.valueOf(t))).build()).result();
        assertTrue(prompt.toString().contains("Collab notes: 1"), prompt.toString());

        // A part switched off: its figure is the original's empty one.
        mcp.addonPart("collab", "polls", false);
        try {
            JsonObject off = ok(member, "get_trip_summary", on(t));
            assertEquals(0, off.getInt("pollCount"));
            assertEquals(1, off.getInt("messageCount"));
            assertEquals(1, off.getJsonArray("collab_notes").size());
        } finally {
            mcp.addonPart("collab", "polls", true);
        }
    }

    // ---------------------------------------------------------------- the addon and its parts

    static Set<String> templates(McpTripHarness.Account who) {
        JsonObject r = new McpTestClient(mcp.server.baseUrl(), who.token()).modern("resources/templates/list", args().build()).result();
        return r.getJsonArray("resourceTemplates").stream().map(x -> x.asJsonObject().getString("uriTemplate"))
                .collect(java.util.stream.Collectors.toSet());
    }

    static final List<String> CHAT = List.of("list_collab_messages", "send_collab_message", "delete_collab_message", "react_collab_message");
    static final List<String> NOTES = List.of("create_collab_note", "update_collab_note", "delete_collab_note");
    static final List<String> POLLS = List.of("list_collab_polls", "create_collab_poll", "vote_collab_poll", "close_collab_poll",
            "delete_collab_poll");

    @Test
    void aPartSwitchedOffTakesItsToolsAndResourceAwayAndTellsOpenStreams() throws Exception {
        long t = newTrip(owner, "Switches", member);
        long message = id(ok(owner, "send_collab_message", on(t).add("text", "Kept")), "message");
        McpTestClient session = new McpTestClient(mcp.server.baseUrl(), owner.token());
        McpTestClient.Answer init = session.initialize(McpTripHarness.LEGACY);
        assertEquals(200, init.status());
        assertTrue(init.result().getString("instructions").contains("## Collaboration (add-on)"), "the server instructions explain collab");
        BlockingQueue<String> stream = openStream(session, owner.token());
        assertEquals("status:200", await(stream, l -> l.startsWith("status:"), 10));

        mcp.addonPart("collab", "chat", false);
        try {
            assertNotNull(await(stream, l -> l.startsWith("data:") && l.contains("notifications/tools/list_changed"), 10),
                    "list_changed on the open stream");
            Map<String, JsonObject> tools = mcp.tools(owner.token());
            CHAT.forEach(name -> assertFalse(tools.containsKey(name), name + " is gone"));
            NOTES.forEach(name -> assertTrue(tools.containsKey(name), name + " stays"));
            POLLS.forEach(name -> assertTrue(tools.containsKey(name), name + " stays"));
            assertFalse(templates(owner).contains("trek://trips/{tripId}/collab/messages"));
            assertTrue(templates(owner).contains("trek://trips/{tripId}/collab/polls"));
            McpTestClient.Answer call = mcp.call(owner.token(), McpTripHarness.MODERN, "send_collab_message", on(t).add("text", "x").build());
            assertEquals(-32602, call.error().getInt("code"));
            assertEquals("Unknown tool: send_collab_message", call.error().getString("message"));
            McpTestClient.Answer resource = new McpTestClient(mcp.server.baseUrl(), owner.token()).modern("resources/read",
                    args().add("uri", "trek://trips/" + t + "/collab/messages").build());
            assertNotNull(resource.error(), "the resource is gone: " + resource.response().body());
        } finally {
            mcp.addonPart("collab", "chat", true);
        }
        assertNotNull(await(stream, l -> l.startsWith("data:") && l.contains("notifications/tools/list_changed"), 10));
        JsonArray kept = ok(owner, "list_collab_messages", on(t)).getJsonArray("messages");
        assertEquals(message, kept.getJsonObject(0).getJsonNumber("id").longValue(), "back, data intact");
        String audit = mcp.adminPage("/admin/audit?action=admin.addon_update").replace("&#034;", "\"").replace("&quot;", "\"");
        // details read as key: value lines on the audit page
        assertTrue(audit.contains("<li>part: chat</li>") && audit.contains("<li>enabled: no</li>"), "the switch is audited with its part");
        String page = mcp.adminPage("/admin/addons");
        for (String part : List.of("notes", "polls", "chat")) {
            assertTrue(page.contains("id=\"toggle-collab-" + part + "\""), "a switch for " + part + " under Collaboration");
        }
    }

    @Test
    void anUnknownPartIsRefusedOnTheAdminScreen() {
        mcp.addonPart("collab", "weather", false);
        assertTrue(mcp.adminPage("/admin/addons").contains("Unknown addon part."));
        mcp.addonPart("budget", "notes", false);
        assertTrue(mcp.adminPage("/admin/addons").contains("Unknown addon part."));
        assertTrue(mcp.tools(owner.token()).containsKey("create_collab_note"), "nothing was switched");
    }

    @Test
    void theCollabAddonOffTakesEverythingAwayAndBackIntact() {
        long t = newTrip(owner, "Addon off", member);
        long note = id(ok(owner, "create_collab_note", on(t).add("title", "Survives")), "note");
        mcp.addon("collab", false);
        try {
            Map<String, JsonObject> tools = mcp.tools(owner.token());
            for (List<String> group : List.of(NOTES, POLLS, CHAT)) {
                group.forEach(name -> assertFalse(tools.containsKey(name), name + " is gone"));
            }
            assertTrue(templates(owner).stream().noneMatch(u -> u.contains("collab")), templates(owner).toString());
            assertEquals("Unknown tool: create_collab_note", mcp.call(owner.token(), McpTripHarness.MODERN, "create_collab_note",
                    on(t).add("title", "x").build()).error().getString("message"));
            JsonObject summary = ok(owner, "get_trip_summary", on(t));
            assertEquals(JsonValue.EMPTY_JSON_ARRAY, summary.getJsonArray("collab_notes"));
        } finally {
            mcp.addon("collab", true);
        }
        JsonArray notes = read(owner, "trek://trips/" + t + "/collab-notes").asJsonArray();
        assertEquals(note, notes.getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(1, ok(owner, "get_trip_summary", on(t)).getJsonArray("collab_notes").size());
    }

    // ---------------------------------------------------------------- resource subscriptions

    @Test
    void subscribersHearOfChangesToTheCollabResources() throws Exception {
        long t = newTrip(owner, "Subscribed", member);
        McpTestClient session = new McpTestClient(mcp.server.baseUrl(), member.token());
        assertEquals(200, session.initialize(McpTripHarness.LEGACY).status());
        String uri = "trek://trips/" + t + "/collab/polls";
        assertEquals(200, session.legacy("resources/subscribe", args().add("uri", uri).build()).status());
        BlockingQueue<String> stream = openStream(session, member.token());
        assertEquals("status:200", await(stream, l -> l.startsWith("status:"), 10));
        ok(owner, "create_collab_poll", on(t).add("question", "Heard?").add("options", options("yes", "no")));
        assertNotNull(await(stream, l -> l.startsWith("data:") && l.contains("notifications/resources/updated") && l.contains(uri), 15),
                "notifications/resources/updated for " + uri);
    }

    // ---------------------------------------------------------------- helpers

    static void assertShape(String pattern, JsonValue ours) {
        JsonValue original = OriginalShape.resourceAnswers().get(pattern);
        assertNotNull(original, pattern + " was recorded");
        List<String> differences = OriginalShape.differences(original, ours, OriginalShape.deviations(pattern));
        assertTrue(differences.isEmpty(), () -> pattern + " differs from the original: " + differences + "\nours: " + ours);
    }

    static BlockingQueue<String> openStream(McpTestClient c, String token) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest get = HttpRequest.newBuilder(URI.create(mcp.server.baseUrl() + "/mcp")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", c.sessionId)
                .header("MCP-Protocol-Version", c.revision).header("Accept", "text/event-stream").GET().build();
        STREAMS.sendAsync(get, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
            lines.add("status:" + r.statusCode());
            r.body().forEach(lines::add);
        }).exceptionally(e -> null);
        return lines;
    }

    static String await(BlockingQueue<String> lines, Predicate<String> match, long seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && match.test(line)) {
                return line;
            }
        }
        return null;
    }
}
