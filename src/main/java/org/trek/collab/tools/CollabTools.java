package org.trek.collab.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.trek.collab.CollabService;
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
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.addons.SubSwitch;

/**
 * The collab addon's twelve tools (reference §5.1): notes, polls and chat, each group gated on its part of the addon
 * (a part switched off takes its tools away). Reads need collab:read, everything else collab:write and, on the trip,
 * the permission matrix's collab_edit. Answers are the original's ({note}, {poll}, {polls}, {messages}, {message},
 * {reactions}, {success: true}); the lists add their paging (next_cursor, has_more).
 */
@ApplicationScoped
public class CollabTools implements ToolProvider {
    public static final String READ_SCOPE = "collab:read";
    public static final String WRITE_SCOPE = "collab:write";

    @Inject
    ToolKit kit;

    @Inject
    CollabService collab;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<Long> TRIP_ID = Param.id("tripId", "Trip id (from list_trips)").required();
    static final Param<Long> NOTE_ID = Param.id("noteId", "Note id (from get_trip_summary's collab_notes)").required();
    static final Param<String> TITLE = Param.string("title", "Note title", 1, 200);
    static final Param<String> CONTENT = Param.string("content", "Note text", 0, 10_000);
    static final Param<String> NEW_CONTENT = Param.nullableString("content", "Note text (null clears it)", 10_000);
    static final Param<String> CATEGORY = Param.string("category", "Note category, e.g. Ideas, To-do (default General)", 1, 100);
    static final Param<String> NEW_CATEGORY = Param.string("category", "Note category", 1, 100);
    static final Param<String> COLOR = Param.string("color", "Hex colour of the note card, #RRGGBB (default #6366f1)", 7, 7);
    static final Param<String> NEW_COLOR = Param.string("color", "Hex colour of the note card, #RRGGBB", 7, 7);
    static final Param<Boolean> PINNED = Param.bool("pinned", "Pin the note to the top (default false)").orElse(false);
    static final Param<Boolean> NEW_PINNED = Param.bool("pinned", "Pin the note to the top");

    static final Param<Long> POLL_ID = Param.id("pollId", "Poll id (from list_collab_polls)").required();
    static final Param<String> QUESTION = Param.string("question", "The question", 1, 500).required();
    static final Param<List<String>> OPTIONS = Param.strings("options", "Answer options (2 to 50, different from each other)", 2, 50, 200)
            .required();
    static final Param<Boolean> MULTIPLE = Param.bool("multiple", "Allow several options per member (default false)").orElse(false);
    static final Param<String> DEADLINE = Param.string("deadline", "When voting ends: a date YYYY-MM-DD (the end of that day, UTC) "
            + "or a date and time YYYY-MM-DDTHH:MM[:SS] with a zone (Z, +02:00; none: UTC)", 10, 35);
    static final Param<Integer> OPTION_INDEX = Param.integer("optionIndex", "Zero-based index of the option to vote for", 0, 49).required();

    static final Param<Long> BEFORE = Param.id("before", "Only messages older than this message id (the oldest one you have), "
            + "for the previous page");
    static final Param<String> TEXT = Param.string("text", "Message text", 1, 4_000).required();
    static final Param<Long> REPLY_TO = Param.id("replyTo", "Id of the message this one answers");
    static final Param<Long> MESSAGE_ID = Param.id("messageId", "Message id (from list_collab_messages)").required();
    static final Param<String> EMOJI = Param.string("emoji", "One emoji; reacting again with the same one takes it back", 1, 32).required();

    /** A note as the original answers it (attachments: always empty here, this server keeps no files). */
    public static final Shape NOTE = Shape.of("id:integer trip_id:integer user_id:integer category:string title:string "
            + "content:string color:string pinned:integer created_at:string updated_at:string website:string username:string "
            + "avatar:string avatar_url:string attachments:array");
    static final Shape VOTER = Shape.of("id:integer user_id:integer username:string avatar:string avatar_url:string");
    static final Shape OPTION = Shape.of("label:string votes:integer").withList("voters", VOTER);
    /** A poll with its options and voters; is_closed is true when closed or past its deadline. */
    public static final Shape POLL = Shape.of("id:integer trip_id:integer user_id:integer question:string multiple:integer "
            + "closed:integer deadline:string created_at:string username:string avatar:string avatar_url:string "
            + "is_closed:boolean multiple_choice:boolean").withList("options", OPTION);
    static final Shape REACTION = Shape.of("emoji:string count:integer").withList("users", Shape.of("user_id:integer username:string"));
    /** A chat message; a deleted one has deleted 1 and an empty text. */
    public static final Shape MESSAGE = Shape.of("id:integer trip_id:integer user_id:integer text:string reply_to:integer "
            + "created_at:string deleted:integer username:string avatar:string reply_text:string reply_username:string "
            + "user_avatar:string avatar_url:string").withList("reactions", REACTION);

    @PostConstruct
    void declare() {
        JsonObject noteOut = Schema.nested().object("note", NOTE, true).buildOutput();
        JsonObject pollOut = Schema.nested().object("poll", POLL, true).buildOutput();
        tools = List.of(
                kit.toolOfPart("create_collab_note", "Create collab note",
                        "Creates a shared note on a trip, visible to all its members (category General and colour #6366f1 "
                                + "unless given).",
                        Fields.of(TRIP_ID, TITLE.required(), CONTENT, CATEGORY, COLOR, PINNED), noteOut, CREATE, WRITE_SCOPE,
                        SubSwitch.COLLAB_NOTES, c -> Results.of("note", collab.createNote(c.userId(), c.get(TRIP_ID),
                                new CollabService.NoteFields(c.get(TITLE), c.get(CONTENT), false, c.get(CATEGORY), c.get(COLOR),
                                        c.get(PINNED))))),
                kit.toolOfPart("update_collab_note", "Update collab note",
                        "Changes a shared note of a trip; omitted fields stay, null content clears the text.",
                        Fields.of(TRIP_ID, NOTE_ID, TITLE, NEW_CONTENT, NEW_CATEGORY, NEW_COLOR, NEW_PINNED), noteOut, UPDATE,
                        WRITE_SCOPE, SubSwitch.COLLAB_NOTES, c -> Results.of("note", collab.updateNote(c.userId(), c.get(TRIP_ID),
                                c.get(NOTE_ID), new CollabService.NoteFields(c.get(TITLE), c.get(NEW_CONTENT),
                                        c.has(NEW_CONTENT) && c.isNull(NEW_CONTENT), c.get(NEW_CATEGORY), c.get(NEW_COLOR),
                                        c.get(NEW_PINNED))))),
                kit.toolOfPart("delete_collab_note", "Delete collab note", "Deletes a shared note of a trip.",
                        Fields.of(TRIP_ID, NOTE_ID), Schema.success(), DELETE, WRITE_SCOPE, SubSwitch.COLLAB_NOTES, c -> {
                            collab.deleteNote(c.userId(), c.get(TRIP_ID), c.get(NOTE_ID));
                            return Results.success();
                        }),
                kit.toolOfPart("list_collab_polls", "List collab polls",
                        "Lists a trip's polls, newest first, with each option's voters. Paginated: pass next_cursor as cursor.",
                        Fields.of(TRIP_ID, Paging.LIMIT, Paging.CURSOR),
                        Schema.nested().objects("polls", POLL, true)
                                .nullableString("next_cursor", "Cursor of the next page, null on the last", 0, false).buildOutput(),
                        READ, READ_SCOPE, SubSwitch.COLLAB_POLLS, this::listPolls),
                kit.toolOfPart("create_collab_poll", "Create collab poll",
                        "Creates a poll on a trip with 2 to 50 options, single choice unless multiple is true, open until "
                                + "closed or until its deadline.",
                        Fields.of(TRIP_ID, QUESTION, OPTIONS, MULTIPLE, DEADLINE), pollOut, CREATE, WRITE_SCOPE,
                        SubSwitch.COLLAB_POLLS, c -> Results.of("poll", collab.createPoll(c.userId(), c.get(TRIP_ID), c.get(QUESTION),
                                c.get(OPTIONS), c.get(MULTIPLE), c.get(DEADLINE)))),
                kit.toolOfPart("vote_collab_poll", "Vote in collab poll",
                        "Votes for an option of an open poll; voting again for the same option takes the vote back. In a "
                                + "single-choice poll a vote for another option replaces yours.",
                        Fields.of(TRIP_ID, POLL_ID, OPTION_INDEX), pollOut, CREATE, WRITE_SCOPE, SubSwitch.COLLAB_POLLS,
                        c -> Results.of("poll", collab.vote(c.userId(), c.get(TRIP_ID), c.get(POLL_ID), c.get(OPTION_INDEX)))),
                kit.toolOfPart("close_collab_poll", "Close collab poll", "Closes a poll: no more votes; the votes cast stay.",
                        Fields.of(TRIP_ID, POLL_ID), pollOut, UPDATE, WRITE_SCOPE, SubSwitch.COLLAB_POLLS,
                        c -> Results.of("poll", collab.close(c.userId(), c.get(TRIP_ID), c.get(POLL_ID)))),
                kit.toolOfPart("delete_collab_poll", "Delete collab poll", "Deletes a poll with all its votes.",
                        Fields.of(TRIP_ID, POLL_ID), Schema.success(), DELETE, WRITE_SCOPE, SubSwitch.COLLAB_POLLS, c -> {
                            collab.deletePoll(c.userId(), c.get(TRIP_ID), c.get(POLL_ID));
                            return Results.success();
                        }),
                kit.toolOfPart("list_collab_messages", "List collab messages",
                        "Lists a trip's latest " + CollabService.MESSAGE_PAGE + " chat messages, oldest first, with replies and "
                                + "reactions; has_more says older ones exist (pass the first message's id as before).",
                        Fields.of(TRIP_ID, BEFORE),
                        Schema.nested().objects("messages", MESSAGE, true).bool("has_more", "Whether older messages exist", true)
                                .buildOutput(),
                        READ, READ_SCOPE, SubSwitch.COLLAB_CHAT, this::listMessages),
                kit.toolOfPart("send_collab_message", "Send collab message",
                        "Sends a chat message to a trip's members, optionally as a reply to one of its messages.",
                        Fields.of(TRIP_ID, TEXT, REPLY_TO), Schema.nested().object("message", MESSAGE, true).buildOutput(), CREATE,
                        WRITE_SCOPE, SubSwitch.COLLAB_CHAT,
                        c -> Results.of("message", collab.send(c.userId(), c.get(TRIP_ID), c.get(TEXT), c.get(REPLY_TO)))),
                kit.toolOfPart("delete_collab_message", "Delete collab message",
                        "Deletes one of your own chat messages: it stays in the conversation as deleted, its text and its "
                                + "reactions are gone.",
                        Fields.of(TRIP_ID, MESSAGE_ID), Schema.success(), DELETE, WRITE_SCOPE, SubSwitch.COLLAB_CHAT, c -> {
                            collab.deleteMessage(c.userId(), c.get(TRIP_ID), c.get(MESSAGE_ID));
                            return Results.success();
                        }),
                kit.toolOfPart("react_collab_message", "React to collab message",
                        "Adds your reaction (an emoji) to a chat message, or takes it back when you reacted with it already; "
                                + "answers the message's reactions.",
                        Fields.of(TRIP_ID, MESSAGE_ID, EMOJI), Schema.nested().objects("reactions", REACTION, true).buildOutput(),
                        CREATE, WRITE_SCOPE, SubSwitch.COLLAB_CHAT, c -> Results.of("reactions",
                                collab.react(c.userId(), c.get(TRIP_ID), c.get(MESSAGE_ID), c.get(EMOJI)))));
    }

    private JsonObject listPolls(Call c) {
        Paging p = c.paging();
        CollabService.Polls page = collab.polls(c.userId(), c.get(TRIP_ID), p.limit(), p.offset());
        JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("polls", Jsons.array(page.polls(), x -> x));
        return Jsons.put(out, "next_cursor", page.more() ? String.valueOf(p.offset() + p.limit()) : null).build();
    }

    private JsonObject listMessages(Call c) {
        CollabService.Messages page = collab.messages(c.userId(), c.get(TRIP_ID), c.get(BEFORE));
        return JsonFactory.createObjectBuilder().add("messages", Jsons.array(page.messages(), x -> x)).add("has_more", page.more()).build();
    }
}
