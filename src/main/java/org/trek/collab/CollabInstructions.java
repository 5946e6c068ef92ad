package org.trek.collab;

import jakarta.enterprise.context.ApplicationScoped;
import org.trek.mcp.registry.InstructionsProvider;

/** The collab part of the MCP server instructions, after the trip part. */
@ApplicationScoped
public class CollabInstructions implements InstructionsProvider {

    private static final String TEXT = """

            ## Collaboration (add-on)
            - **Collab note**: a shared note on a trip. **Poll**: a question with options the members vote on until it is closed or its deadline passes. **Message**: the trip's chat, with replies and emoji reactions.
            - `get_trip_summary` has `collab_notes`, `pollCount` and `messageCount`. Read polls with `list_collab_polls` and the chat with `list_collab_messages` (the latest 100; pass the first message's id as `before` for older ones).
            - Voting again for the same option takes the vote back; reacting again with the same emoji takes the reaction back. Only your own messages can be deleted.
            - An administrator can switch the add-on off, or only its notes, polls or chat; their tools then disappear.
            """;

    @Override
    public String instructions() {
        return TEXT;
    }

    @Override
    public int order() {
        return 110;
    }
}
