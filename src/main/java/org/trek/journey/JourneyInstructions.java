package org.trek.journey;

import jakarta.enterprise.context.ApplicationScoped;
import org.trek.mcp.registry.InstructionsProvider;

/** The journey part of the MCP server instructions (after the trips' part): the glossary line and the rules. */
@ApplicationScoped
public class JourneyInstructions implements InstructionsProvider {

    private static final String TEXT = """

            ## Journeys (add-on, may be absent)
            - **Journey**: a travel journal of dated entries, with contributors (owner, editors, viewers), optionally built on trips you can open: \
            linking a trip adds a *skeleton* entry for each place it plans on a day; writing a story on a skeleton makes it an entry.
            - Start with `list_journeys`, load one with `get_journey`. `list_journey_available_trips` lists the trips you may link.
            - Viewers read; editors also write entries and link trips; only the owner changes the journey, its contributors and its public link.
            - Contributors are user ids (`targetUserId`); ask the user before deleting a journey or an entry.
            """;

    @Override
    public String instructions() {
        return TEXT;
    }

    @Override
    public int order() {
        return 200;
    }
}
