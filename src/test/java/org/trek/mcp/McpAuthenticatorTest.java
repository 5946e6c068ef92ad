package org.trek.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class McpAuthenticatorTest {

    @Test
    void bearerParsing() {
        assertEquals("abc", McpAuthenticator.bearer("Bearer abc"));
        assertEquals("abc", McpAuthenticator.bearer("bearer   abc "));
        assertNull(McpAuthenticator.bearer("Basic abc"));
        assertNull(McpAuthenticator.bearer("Bearer "));
        assertNull(McpAuthenticator.bearer(null));
    }
}
