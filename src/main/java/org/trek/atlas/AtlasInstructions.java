package org.trek.atlas;

import jakarta.enterprise.context.ApplicationScoped;
import org.trek.mcp.registry.InstructionsProvider;

/** The atlas part of the MCP server instructions (glossary line and rules of the atlas tools). */
@ApplicationScoped
public class AtlasInstructions implements InstructionsProvider {
    static final String TEXT = """
            ## Atlas (add-on)
            - **Atlas**: the countries and regions the user marked as visited and their bucket list; it belongs to the \
            user, not to a trip. Countries are ISO 3166-1 alpha-2 codes (FR, JP), regions ISO 3166-2 codes (US-CA, \
            FR-IDF); an unknown code is refused and changes nothing.
            - get_atlas_stats and get_country_atlas_places read the places of the user's own trips (owned or shared \
            with them); trek://bucket-list lists the bucket list, whose item ids update_bucket_list_item and \
            delete_bucket_list_item take.
            - An administrator can switch the Atlas add-on off; its tools and resources then disappear.""";

    @Override
    public String instructions() {
        return TEXT;
    }

    @Override
    public int order() {
        return 200;
    }
}
