package org.trek.mcp.protocol;

/**
 * What the transport read of one HTTP request to /mcp, before anything is decided: the method, the headers that
 * matter, the body as bytes (read up to the limit) and the client's address. Header values are as sent (null when
 * absent).
 *
 * @param bodyTooLarge the body went past {@code bodyLimit} bytes (what was read is dropped)
 * @param clientIp     the client's address (X-Forwarded-For only from a trusted proxy)
 */
public record InboundRequest(String httpMethod, String contentType, String accept, String protocolVersion,
                             String sessionId, String mcpMethod, String mcpName, String host, String origin,
                             String authorization, byte[] body, boolean bodyTooLarge, long bodyLimit,
                             String clientIp) {
}
