package org.trek.collab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.trek.mcp.registry.ResourceChanged;
import org.trek.platform.Clock;
import org.trek.platform.DomainException;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.db.Sql;
import org.trek.trips.Permission;
import org.trek.trips.TripAccess;

/**
 * The collaboration of a trip's members: shared notes, polls with votes, and chat messages with replies and reactions.
 * Every method takes the caller's user id and the trip: access (owner or member) first, then, for a change, the
 * permission matrix's collab_edit, then the object must belong to the trip (an id of another trip is "not found").
 * Reads are plain prepared statements, a fixed number per answer (never one per note, poll or message); answers keep
 * the original's JSON (0/1 flags, the author's username, grouped reactions) with instants in ISO 8601 UTC. Changes
 * announce the trip's collab resource to MCP subscribers ({@link ResourceChanged}) in their transaction.
 */
@ApplicationScoped
@Transactional
public class CollabService {
    public static final String DEFAULT_CATEGORY = "General";
    public static final String DEFAULT_COLOR = "#6366f1";
    /** The latest messages a listing answers (the original's 100). */
    public static final int MESSAGE_PAGE = 100;
    static final int TITLE_MAX = 200;
    static final int CONTENT_MAX = 10_000;
    static final int CATEGORY_MAX = 100;
    static final int QUESTION_MAX = 500;
    static final int OPTIONS_MAX = 50;
    static final int OPTION_MAX = 200;
    static final int MESSAGE_MAX = 4_000;
    static final int EMOJI_MAX = 32;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    Event<ResourceChanged> changed;

    public static String notesUri(long tripId) {
        return "trek://trips/" + tripId + "/collab-notes";
    }

    public static String pollsUri(long tripId) {
        return "trek://trips/" + tripId + "/collab/polls";
    }

    public static String messagesUri(long tripId) {
        return "trek://trips/" + tripId + "/collab/messages";
    }

    private void announce(String uri) {
        changed.fire(new ResourceChanged(Set.of(uri), Set.of()));
    }

    /** Access plus collab_edit, for a change. */
    private void forChange(long userId, long tripId) {
        access.require(userId, tripId, Permission.COLLAB_EDIT);
    }

    // ---------------------------------------------------------------- notes

    private static final String NOTE_COLUMNS = "n.id, n.trip_id, n.user_id, n.category, n.title, n.content, n.color, n.pinned, "
            + "n.created_at, n.updated_at, n.website, u.username";

    /** A note in the original's form (attachments: none on this server). */
    private static JsonObjectBuilder note(java.sql.ResultSet rs) throws java.sql.SQLException {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", rs.getLong("id"));
        b.add("trip_id", rs.getLong("trip_id"));
        Jsons.put(b, "user_id", Sql.nullableLong(rs, "user_id"));
        Jsons.put(b, "category", rs.getString("category"));
        Jsons.put(b, "title", rs.getString("title"));
        Jsons.put(b, "content", rs.getString("content"));
        Jsons.put(b, "color", rs.getString("color"));
        b.add("pinned", rs.getBoolean("pinned") ? 1 : 0);
        Jsons.put(b, "created_at", iso(Sql.instant(rs, "created_at")));
        Jsons.put(b, "updated_at", iso(Sql.instant(rs, "updated_at")));
        Jsons.put(b, "website", rs.getString("website"));
        Jsons.put(b, "username", rs.getString("username"));
        return b.addNull("avatar").addNull("avatar_url").add("attachments", JsonValue.EMPTY_JSON_ARRAY);
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    /** The trip's notes, pinned first, then the last changed first; at most {@code limit} (one query). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JsonObject> notes(long userId, long tripId, int limit) {
        access.access(userId, tripId);
        return notesOf(tripId, limit);
    }

    /** The notes of a trip whose access the caller checked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<JsonObject> notesOf(long tripId, int limit) {
        return sql.list("SELECT " + NOTE_COLUMNS + " FROM collab_notes n LEFT JOIN users u ON u.id = n.user_id "
                + "WHERE n.trip_id = ? ORDER BY n.pinned DESC, n.updated_at DESC, n.id DESC LIMIT ?",
                rs -> note(rs).build(), tripId, limit);
    }

    private JsonObject noteById(long noteId) {
        return sql.list("SELECT " + NOTE_COLUMNS + " FROM collab_notes n LEFT JOIN users u ON u.id = n.user_id WHERE n.id = ?",
                rs -> note(rs).build(), noteId).get(0);
    }

    /** What a note tool gives; null leaves the field as it is. */
    public record NoteFields(String title, String content, boolean clearContent, String category, String color, Boolean pinned) {
    }

    public JsonObject createNote(long userId, long tripId, NoteFields f) {
        forChange(userId, tripId);
        CollabNote n = new CollabNote();
        n.tripId = tripId;
        n.userId = userId;
        n.title = required(f.title(), "title", TITLE_MAX);
        n.content = optional(f.content(), "content", CONTENT_MAX);
        n.category = f.category() == null ? DEFAULT_CATEGORY : required(f.category(), "category", CATEGORY_MAX);
        n.color = f.color() == null ? DEFAULT_COLOR : color(f.color());
        n.pinned = Boolean.TRUE.equals(f.pinned());
        n.createdAt = clock.now();
        n.updatedAt = n.createdAt;
        em.persist(n);
        em.flush();
        announce(notesUri(tripId));
        return noteById(n.id);
    }

    public JsonObject updateNote(long userId, long tripId, long noteId, NoteFields f) {
        forChange(userId, tripId);
        CollabNote n = ownNote(tripId, noteId);
        String title = f.title() != null ? required(f.title(), "title", TITLE_MAX) : n.title;
        String content = f.content() != null || f.clearContent() ? optional(f.content(), "content", CONTENT_MAX) : n.content;
        String category = f.category() != null ? required(f.category(), "category", CATEGORY_MAX) : n.category;
        String color = f.color() != null ? color(f.color()) : n.color;
        boolean pinned = f.pinned() != null ? f.pinned() : n.pinned;
        // A plain UPDATE: fields of a managed entity set from outside its class escape EclipseLink's change tracking.
        sql.update("UPDATE collab_notes SET title = ?, content = ?, category = ?, color = ?, pinned = ?, updated_at = ? WHERE id = ?",
                title, content, category, color, pinned, clock.now().toEpochMilli(), noteId);
        announce(notesUri(tripId));
        return noteById(noteId);
    }

    public void deleteNote(long userId, long tripId, long noteId) {
        forChange(userId, tripId);
        em.remove(ownNote(tripId, noteId));
        announce(notesUri(tripId));
    }

    private CollabNote ownNote(long tripId, long noteId) {
        CollabNote n = em.find(CollabNote.class, noteId);
        if (n == null || n.tripId != tripId) {
            throw new DomainException("Note not found.");
        }
        return n;
    }

    // ---------------------------------------------------------------- polls

    private static final String POLL_COLUMNS = "p.id, p.trip_id, p.user_id, p.question, p.poll_options, p.multiple_choice, "
            + "p.closed, p.deadline, p.created_at, u.username";

    /** A poll row before its voters are added. */
    private record PollRow(long id, long tripId, Long userId, String question, List<String> options, boolean multiple,
                           boolean closed, Instant deadline, Instant createdAt, String username) {
        static PollRow of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new PollRow(rs.getLong("id"), rs.getLong("trip_id"), Sql.nullableLong(rs, "user_id"), rs.getString("question"),
                    labels(rs.getString("poll_options")), rs.getBoolean("multiple_choice"), rs.getBoolean("closed"),
                    Sql.instant(rs, "deadline"), Sql.instant(rs, "created_at"), rs.getString("username"));
        }
    }

    private record Vote(long pollId, int option, long userId, String username) {
    }

    static List<String> labels(String json) {
        List<String> out = new ArrayList<>();
        try (var reader = JsonFactory.createReader(new StringReader(json))) {
            for (JsonValue v : reader.readArray()) {
                out.add(v instanceof JsonString s ? s.getString() : v.toString());
            }
        }
        return out;
    }

    /** Whether a poll takes no more votes: closed, or its deadline has passed. */
    static boolean isClosed(boolean closed, Instant deadline, Instant now) {
        return closed || deadline != null && !now.isBefore(deadline);
    }

    private JsonObject poll(PollRow p, List<Vote> votes, Instant now) {
        JsonArrayBuilder options = JsonFactory.createArrayBuilder();
        for (int i = 0; i < p.options().size(); i++) {
            JsonArrayBuilder voters = JsonFactory.createArrayBuilder();
            int count = 0;
            for (Vote v : votes) {
                if (v.option() == i) {
                    count++;
                    voters.add(Jsons.put(JsonFactory.createObjectBuilder().add("id", v.userId()).add("user_id", v.userId()), "username",
                            v.username()).addNull("avatar").addNull("avatar_url"));
                }
            }
            options.add(JsonFactory.createObjectBuilder().add("label", p.options().get(i)).add("voters", voters).add("votes", count));
        }
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", p.id()).add("trip_id", p.tripId());
        Jsons.put(b, "user_id", p.userId());
        b.add("question", p.question()).add("options", options).add("multiple", p.multiple() ? 1 : 0).add("closed", p.closed() ? 1 : 0);
        Jsons.put(b, "deadline", iso(p.deadline()));
        Jsons.put(b, "created_at", iso(p.createdAt()));
        Jsons.put(b, "username", p.username());
        return b.addNull("avatar").addNull("avatar_url").add("is_closed", isClosed(p.closed(), p.deadline(), now))
                .add("multiple_choice", p.multiple()).build();
    }

    /** The polls of the rows with their voters: one more query for all of them. */
    private List<JsonObject> withVotes(List<PollRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(rows.size(), "?"));
        List<Vote> votes = sql.list("SELECT v.poll_id, v.option_index, v.user_id, u.username FROM collab_poll_votes v "
                + "LEFT JOIN users u ON u.id = v.user_id WHERE v.poll_id IN (" + marks + ") ORDER BY v.id",
                rs -> new Vote(rs.getLong("poll_id"), rs.getInt("option_index"), rs.getLong("user_id"), rs.getString("username")),
                rows.stream().map(PollRow::id).toArray());
        Map<Long, List<Vote>> byPoll = new HashMap<>();
        votes.forEach(v -> byPoll.computeIfAbsent(v.pollId(), k -> new ArrayList<>()).add(v));
        Instant now = clock.now();
        return rows.stream().map(p -> poll(p, byPoll.getOrDefault(p.id(), List.of()), now)).toList();
    }

    /** A page of the trip's polls, newest first; {@code more} when polls follow. Two queries. */
    public record Polls(List<JsonObject> polls, boolean more) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Polls polls(long userId, long tripId, int limit, int offset) {
        access.access(userId, tripId);
        List<PollRow> rows = sql.list("SELECT " + POLL_COLUMNS + " FROM collab_polls p LEFT JOIN users u ON u.id = p.user_id "
                + "WHERE p.trip_id = ? ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?", PollRow::of, tripId, limit + 1, offset);
        boolean more = rows.size() > limit;
        return new Polls(withVotes(more ? rows.subList(0, limit) : rows), more);
    }

    private JsonObject pollById(long pollId) {
        return withVotes(sql.list("SELECT " + POLL_COLUMNS + " FROM collab_polls p LEFT JOIN users u ON u.id = p.user_id "
                + "WHERE p.id = ?", PollRow::of, pollId)).get(0);
    }

    public JsonObject createPoll(long userId, long tripId, String question, List<String> options, boolean multiple, String deadline) {
        forChange(userId, tripId);
        CollabPoll p = new CollabPoll();
        p.tripId = tripId;
        p.userId = userId;
        p.question = required(question, "question", QUESTION_MAX);
        p.options = optionsJson(options);
        p.multiple = multiple;
        p.createdAt = clock.now();
        if (deadline != null) {
            p.deadline = Deadlines.parse(deadline);
            if (!p.deadline.isAfter(p.createdAt)) {
                throw new DomainException("deadline must lie in the future.");
            }
        }
        em.persist(p);
        em.flush();
        announce(pollsUri(tripId));
        return pollById(p.id);
    }

    static String optionsJson(List<String> options) {
        if (options == null || options.size() < 2 || options.size() > OPTIONS_MAX) {
            throw new DomainException("options must have 2 to " + OPTIONS_MAX + " entries.");
        }
        JsonArrayBuilder a = JsonFactory.createArrayBuilder();
        Set<String> seen = new HashSet<>();
        for (String o : options) {
            String label = required(o, "options", OPTION_MAX);
            if (!seen.add(label.toLowerCase(java.util.Locale.ROOT))) {
                throw new DomainException("options must differ from each other: \"" + label + "\" is there twice.");
            }
            a.add(label);
        }
        return a.build().toString();
    }

    /**
     * Votes for an option, or takes the vote back when the caller had voted for it. A single-choice poll keeps one
     * vote per member: a vote for another option replaces it.
     */
    public JsonObject vote(long userId, long tripId, long pollId, int optionIndex) {
        forChange(userId, tripId);
        CollabPoll p = ownPoll(tripId, pollId);
        if (p.closed) {
            throw new DomainException("This poll is closed.");
        }
        if (isClosed(false, p.deadline, clock.now())) {
            throw new DomainException("This poll's deadline has passed.");
        }
        int count = labels(p.options).size();
        if (optionIndex < 0 || optionIndex >= count) {
            throw new DomainException("optionIndex must be between 0 and " + (count - 1) + " for this poll.");
        }
        int removed = sql.update("DELETE FROM collab_poll_votes WHERE poll_id = ? AND user_id = ? AND option_index = ?",
                pollId, userId, optionIndex);
        if (removed == 0) {
            if (!p.multiple) {
                sql.update("DELETE FROM collab_poll_votes WHERE poll_id = ? AND user_id = ?", pollId, userId);
            }
            sql.update("INSERT INTO collab_poll_votes (poll_id, user_id, option_index, created_at) VALUES (?, ?, ?, ?)",
                    pollId, userId, optionIndex, clock.now().toEpochMilli());
        }
        announce(pollsUri(tripId));
        return pollById(pollId);
    }

    /** Closes a poll (again: no change); its votes stay. */
    public JsonObject close(long userId, long tripId, long pollId) {
        forChange(userId, tripId);
        CollabPoll p = ownPoll(tripId, pollId);
        if (!p.closed) {
            sql.update("UPDATE collab_polls SET closed = ? WHERE id = ?", true, pollId);
            announce(pollsUri(tripId));
        }
        return pollById(pollId);
    }

    /** Deletes a poll with its votes. */
    public void deletePoll(long userId, long tripId, long pollId) {
        forChange(userId, tripId);
        CollabPoll p = ownPoll(tripId, pollId);
        sql.update("DELETE FROM collab_poll_votes WHERE poll_id = ?", pollId);
        em.remove(p);
        announce(pollsUri(tripId));
    }

    private CollabPoll ownPoll(long tripId, long pollId) {
        CollabPoll p = em.find(CollabPoll.class, pollId);
        if (p == null || p.tripId != tripId) {
            throw new DomainException("Poll not found.");
        }
        return p;
    }

    // ---------------------------------------------------------------- chat

    private static final String MESSAGE_COLUMNS = "m.id, m.trip_id, m.user_id, m.message_text, m.reply_to, m.deleted, m.created_at, "
            + "u.username, rm.message_text AS reply_text, ru.username AS reply_username";
    private static final String MESSAGE_FROM = " FROM collab_messages m LEFT JOIN users u ON u.id = m.user_id "
            + "LEFT JOIN collab_messages rm ON rm.id = m.reply_to AND rm.trip_id = m.trip_id LEFT JOIN users ru ON ru.id = rm.user_id";

    private record MessageRow(long id, JsonObjectBuilder json) {
    }

    private static MessageRow message(java.sql.ResultSet rs) throws java.sql.SQLException {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", rs.getLong("id")).add("trip_id", rs.getLong("trip_id"));
        Jsons.put(b, "user_id", Sql.nullableLong(rs, "user_id"));
        Jsons.put(b, "text", rs.getString("message_text")); // empty once deleted: the text is gone from the database
        Jsons.put(b, "reply_to", Sql.nullableLong(rs, "reply_to"));
        Jsons.put(b, "created_at", iso(Sql.instant(rs, "created_at")));
        b.add("deleted", rs.getBoolean("deleted") ? 1 : 0);
        Jsons.put(b, "username", rs.getString("username"));
        b.addNull("avatar");
        Jsons.put(b, "reply_text", rs.getString("reply_text"));
        Jsons.put(b, "reply_username", rs.getString("reply_username"));
        b.addNull("user_avatar").addNull("avatar_url");
        return new MessageRow(rs.getLong("id"), b);
    }

    private record Reaction(long messageId, String emoji, long userId, String username) {
    }

    /** Reactions grouped by emoji, in the order they were first given: [{emoji, users [{user_id, username}], count}]. */
    static JsonArray group(List<Reaction> reactions) {
        Map<String, JsonArrayBuilder> users = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Reaction r : reactions) {
            users.computeIfAbsent(r.emoji(), k -> JsonFactory.createArrayBuilder())
                    .add(Jsons.put(JsonFactory.createObjectBuilder().add("user_id", r.userId()), "username", r.username()));
            counts.merge(r.emoji(), 1, Integer::sum);
        }
        JsonArrayBuilder out = JsonFactory.createArrayBuilder();
        users.forEach((emoji, u) -> out.add(JsonFactory.createObjectBuilder().add("emoji", emoji).add("users", u).add("count", counts.get(emoji))));
        return out.build();
    }

    private List<Reaction> reactions(long tripId, long fromId, long toId) {
        return sql.list("SELECT r.message_id, r.emoji, r.user_id, u.username FROM collab_message_reactions r "
                        + "JOIN collab_messages m ON m.id = r.message_id LEFT JOIN users u ON u.id = r.user_id "
                        + "WHERE m.trip_id = ? AND r.message_id BETWEEN ? AND ? ORDER BY r.id",
                rs -> new Reaction(rs.getLong("message_id"), rs.getString("emoji"), rs.getLong("user_id"), rs.getString("username")),
                tripId, fromId, toId);
    }

    /** The latest {@value #MESSAGE_PAGE} messages (before a message id, when given), oldest first; {@code more}: older ones exist. */
    public record Messages(List<JsonObject> messages, boolean more) {
    }

    /** Two queries: the messages with their authors and replied-to messages, and their reactions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Messages messages(long userId, long tripId, Long before) {
        access.access(userId, tripId);
        List<MessageRow> rows = new ArrayList<>(sql.list("SELECT " + MESSAGE_COLUMNS + MESSAGE_FROM + " WHERE m.trip_id = ?"
                        + (before == null ? "" : " AND m.id < ?") + " ORDER BY m.id DESC LIMIT ?", CollabService::message,
                before == null ? new Object[] {tripId, MESSAGE_PAGE + 1} : new Object[] {tripId, before, MESSAGE_PAGE + 1}));
        boolean more = rows.size() > MESSAGE_PAGE;
        if (more) {
            rows = rows.subList(0, MESSAGE_PAGE);
        }
        Collections.reverse(rows);
        Map<Long, List<Reaction>> byMessage = new HashMap<>();
        if (!rows.isEmpty()) {
            reactions(tripId, rows.get(0).id(), rows.get(rows.size() - 1).id())
                    .forEach(r -> byMessage.computeIfAbsent(r.messageId(), k -> new ArrayList<>()).add(r));
        }
        return new Messages(rows.stream().map(r -> r.json().add("reactions", group(byMessage.getOrDefault(r.id(), List.of()))).build())
                .toList(), more);
    }

    private JsonObject messageById(long tripId, long messageId) {
        MessageRow row = sql.list("SELECT " + MESSAGE_COLUMNS + MESSAGE_FROM + " WHERE m.id = ?", CollabService::message, messageId).get(0);
        return row.json().add("reactions", group(reactions(tripId, messageId, messageId))).build();
    }

    public JsonObject send(long userId, long tripId, String text, Long replyTo) {
        forChange(userId, tripId);
        String t = required(text, "text", MESSAGE_MAX);
        if (replyTo != null) {
            CollabMessage to = em.find(CollabMessage.class, replyTo);
            if (to == null || to.tripId != tripId) {
                throw new DomainException("The message to reply to was not found.");
            }
            if (to.deleted) {
                throw new DomainException("The message to reply to was deleted.");
            }
        }
        CollabMessage m = new CollabMessage();
        m.tripId = tripId;
        m.userId = userId;
        m.text = t;
        m.replyTo = replyTo;
        m.createdAt = clock.now();
        em.persist(m);
        em.flush();
        announce(messagesUri(tripId));
        return messageById(tripId, m.id);
    }

    /**
     * Deletes one of the caller's own messages: the row stays (replies refer to it) with deleted = 1, its text is
     * replaced by an empty one in the database and its reactions go. Deleting it again changes nothing.
     */
    public void deleteMessage(long userId, long tripId, long messageId) {
        forChange(userId, tripId);
        CollabMessage m = ownMessage(tripId, messageId);
        if (m.userId == null || m.userId != userId) {
            throw new DomainException("You can only delete your own messages.");
        }
        if (!m.deleted) {
            sql.update("UPDATE collab_messages SET deleted = ?, message_text = '' WHERE id = ?", true, messageId);
            sql.update("DELETE FROM collab_message_reactions WHERE message_id = ?", messageId);
            announce(messagesUri(tripId));
        }
    }

    /** Adds the caller's reaction with this emoji, or takes it back; answers the message's reactions. */
    public JsonArray react(long userId, long tripId, long messageId, String emoji) {
        forChange(userId, tripId);
        CollabMessage m = ownMessage(tripId, messageId);
        if (m.deleted) {
            throw new DomainException("This message was deleted.");
        }
        String e = emoji(emoji);
        int removed = sql.update("DELETE FROM collab_message_reactions WHERE message_id = ? AND user_id = ? AND emoji = ?",
                messageId, userId, e);
        if (removed == 0) {
            sql.update("INSERT INTO collab_message_reactions (message_id, user_id, emoji, created_at) VALUES (?, ?, ?, ?)",
                    messageId, userId, e, clock.now().toEpochMilli());
        }
        announce(messagesUri(tripId));
        return group(reactions(tripId, messageId, messageId));
    }

    private CollabMessage ownMessage(long tripId, long messageId) {
        CollabMessage m = em.find(CollabMessage.class, messageId);
        if (m == null || m.tripId != tripId) {
            throw new DomainException("Message not found.");
        }
        return m;
    }

    // ---------------------------------------------------------------- the summary's figures

    /** How many polls and (not deleted) messages the trip has: one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    long[] counts(long tripId) {
        return sql.list("SELECT (SELECT COUNT(*) FROM collab_polls p WHERE p.trip_id = ?) AS polls, "
                + "(SELECT COUNT(*) FROM collab_messages m WHERE m.trip_id = ? AND m.deleted = FALSE) AS messages",
                rs -> new long[] {rs.getLong("polls"), rs.getLong("messages")}, tripId, tripId).get(0);
    }

    // ---------------------------------------------------------------- values

    /** A trimmed text of 1 to max characters. */
    static String required(String value, String name, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new DomainException(name + " must not be empty.");
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw new DomainException(name + " must be at most " + max + " characters.");
        }
        return v;
    }

    /** A text of at most max characters, or null. */
    static String optional(String value, String name, int max) {
        if (value == null) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw new DomainException(name + " must be at most " + max + " characters.");
        }
        return value;
    }

    static String color(String value) {
        if (value == null || !COLOR.matcher(value).matches()) {
            throw new DomainException("color must be a hex colour like #6366f1.");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    /** An emoji (or a short reaction symbol): 1 to 32 characters without white space or control characters. */
    static String emoji(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.codePointCount(0, v.length()) > EMOJI_MAX
                || v.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new DomainException("emoji must be one emoji (at most " + EMOJI_MAX + " characters, no spaces).");
        }
        return v;
    }
}
