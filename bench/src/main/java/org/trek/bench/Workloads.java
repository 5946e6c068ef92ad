package org.trek.bench;

import java.util.List;
import java.util.Map;

/** The benchmark's workloads, each a {@link Scenario} whose sessions the load engine drives. */
final class Workloads {
    private final String host;

    Workloads(String host) {
        this.host = host;
    }

    private byte[] bytes(HttpRequest r) {
        return r.bytes(host);
    }

    private static Scenario scenario(String name, java.util.function.IntFunction<Session> open) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open(int connection) {
                return open.apply(connection);
            }
        };
    }

    private static String expectStatus(Response r, int... statuses) {
        for (int s : statuses) {
            if (r.status == s) {
                return null;
            }
        }
        return "unexpected status";
    }

    /** 200 and a JSON-RPC result that is no error (JSON or SSE). */
    static String mcpOk(Response r) {
        String status = expectStatus(r, 200);
        return status != null ? status : JsonScan.judgeMcp(r);
    }

    // ---- /health ---------------------------------------------------------------------------------------------

    Scenario health() {
        byte[] request = bytes(HttpRequest.get("/health"));
        return scenario("GET /health", c -> new Session() {
            @Override
            public Call next() {
                return Call.single("GET /health", request);
            }

            @Override
            public String check(Call call, Response r) {
                return expectStatus(r, 200);
            }
        });
    }

    // ---- one MCP method in a closed loop, on a legacy session or stateless ------------------------------------

    /**
     * {@code method} with {@code paramMembers} in a loop. Legacy: each connection first opens its own session
     * (initialize + notifications/initialized, not measured) and ends it with DELETE afterwards.
     */
    Scenario mcp(String name, String token, boolean legacy, String method, String toolName, String paramMembers) {
        return scenario(name, c -> legacy ? new LegacySession(token) {
            @Override
            Call loopCall(long id) {
                return Call.single(method, bytes(Mcp.legacy(token, sessionId, id, method, paramMembers)));
            }
        } : new Session() {
            private long id;

            @Override
            public Call next() {
                return Call.single(method, bytes(Mcp.stateless(token, ++id, method, toolName, paramMembers)));
            }

            @Override
            public String check(Call call, Response r) {
                return mcpOk(r);
            }
        });
    }

    Scenario toolCall(String name, String token, boolean legacy, String tool, String argumentsJson) {
        return mcp(name, token, legacy, "tools/call", tool, Mcp.toolParams(tool, argumentsJson));
    }

    /** A legacy session per connection: setup opens it, teardown ends it; subclasses say what the loop sends. */
    private abstract class LegacySession implements Session {
        final String token;
        String sessionId;
        long id;
        private int setupStep;
        private boolean ended;

        LegacySession(String token) {
            this.token = token;
        }

        abstract Call loopCall(long id);

        @Override
        public Call setup() {
            return switch (setupStep) {
                case 0 -> new Call("initialize", bytes(Mcp.initialize(token, ++id)), true, false);
                case 1 -> new Call("notifications/initialized", bytes(Mcp.initialized(token, sessionId)), false, true);
                default -> null;
            };
        }

        @Override
        public Call next() {
            return loopCall(++id);
        }

        /** Extra clean-up calls before the session ends (none by default). */
        Call cleanup() {
            return null;
        }

        @Override
        public Call teardown() {
            Call extra = cleanup();
            if (extra != null) {
                return extra;
            }
            if (ended || sessionId == null) {
                return null;
            }
            ended = true;
            return Call.single("DELETE session", bytes(Mcp.endSession(token, sessionId)));
        }

        @Override
        public String check(Call call, Response r) {
            switch (call.step) {
                case "initialize" -> {
                    String problem = mcpOk(r);
                    sessionId = r.header("mcp-session-id");
                    if (problem == null && sessionId == null) {
                        problem = "no Mcp-Session-Id header";
                    }
                    setupStep = problem == null ? 1 : 0; // on failure, initialize again (bounded by the setup timeout)
                    return problem;
                }
                case "notifications/initialized" -> {
                    setupStep = 2;
                    return expectStatus(r, 202);
                }
                case "DELETE session" -> {
                    return expectStatus(r, 200, 202, 204);
                }
                default -> {
                    return checkLoop(call, r);
                }
            }
        }

        String checkLoop(Call call, Response r) {
            return mcpOk(r);
        }
    }

    // ---- initialize + notifications/initialized + DELETE cycles --------------------------------------------

    Scenario initializeCycles(String name, String token) {
        return scenario(name, c -> new Session() {
            private long id;
            private int step;
            private String sessionId;

            @Override
            public Call next() {
                return switch (step) {
                    case 0 -> new Call("initialize", bytes(Mcp.initialize(token, ++id)), true, false);
                    case 1 -> new Call("notifications/initialized", bytes(Mcp.initialized(token, sessionId)), false, false);
                    default -> new Call("DELETE", bytes(Mcp.endSession(token, sessionId)), false, true);
                };
            }

            @Override
            public Call teardown() {
                if (sessionId == null) {
                    return null;
                }
                String open = sessionId;
                sessionId = null;
                step = 0;
                return Call.single("DELETE", bytes(Mcp.endSession(token, open)));
            }

            @Override
            public String check(Call call, Response r) {
                switch (call.step) {
                    case "initialize" -> {
                        String problem = mcpOk(r);
                        sessionId = r.header("mcp-session-id");
                        if (problem == null && sessionId == null) {
                            problem = "no Mcp-Session-Id header";
                        }
                        step = sessionId == null ? 0 : 1;
                        return problem;
                    }
                    case "notifications/initialized" -> {
                        step = 2; // end the session even if this failed
                        return expectStatus(r, 202);
                    }
                    default -> {
                        sessionId = null;
                        step = 0;
                        return expectStatus(r, 200, 202, 204);
                    }
                }
            }
        });
    }

    // ---- OAuth refresh grants, one rotating chain per connection -------------------------------------------

    Scenario refreshGrants(String name, String clientId, List<String> chains) {
        return scenario(name, c -> new Session() {
            private String refreshToken = chains.get(c);

            @Override
            public Call next() {
                String form = Browser.form(Browser.fields("grant_type", "refresh_token", "refresh_token", refreshToken,
                        "client_id", clientId));
                return Call.single("refresh_token grant", bytes(HttpRequest.post("/oauth/token",
                        "application/x-www-form-urlencoded", form).header("Accept", "application/json")));
            }

            @Override
            public String check(Call call, Response r) {
                if (r.status != 200) {
                    return "unexpected status";
                }
                Map<String, Object> token = Json.object(r.text());
                if (!(token.get("refresh_token") instanceof String next) || !(token.get("access_token") instanceof String)) {
                    return "no access_token/refresh_token in the answer";
                }
                refreshToken = next;
                return null;
            }
        });
    }

    // ---- a write tool: create_place + delete_place pairs ------------------------------------------------------

    Scenario placeWrites(String name, String token, long tripId) {
        return scenario(name, c -> new LegacySession(token) {
            private Long created;
            private int n;

            @Override
            Call loopCall(long id) {
                if (created == null) {
                    String args = "{\"tripId\":" + tripId + ",\"name\":\"Bench write " + c + "-" + (++n)
                            + "\",\"lat\":48.8566,\"lng\":2.3522,\"address\":\"Paris\"}";
                    return Call.single("create_place", bytes(Mcp.legacy(token, sessionId, id, "tools/call",
                            Mcp.toolParams("create_place", args))));
                }
                return Call.single("delete_place", bytes(Mcp.legacy(token, sessionId, id, "tools/call",
                        Mcp.toolParams("delete_place", "{\"tripId\":" + tripId + ",\"placeId\":" + created + "}"))));
            }

            @Override
            Call cleanup() {
                return created == null ? null : loopCall(++id); // a place created at the end of the window
            }

            @Override
            String checkLoop(Call call, Response r) {
                String problem = mcpOk(r);
                if (call.step.equals("create_place")) {
                    if (problem == null) {
                        Object place = Json.at(Json.parse(Mcp.answer(r)), "result", "structuredContent", "place", "id");
                        if (!(place instanceof Number number)) {
                            return "no place id in the answer";
                        }
                        created = number.longValue();
                    }
                } else {
                    created = null; // deleted, or not deletable: either way, create the next one
                }
                return problem;
            }
        });
    }
}
