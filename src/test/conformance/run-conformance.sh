#!/usr/bin/env bash
# Runs the official MCP conformance suites (@modelcontextprotocol/conformance 0.1.16 --suite active and
# 0.2.0-alpha.12 --requirements 2026-07-28) against a running TREK instance.
#
#   run-conformance.sh <base-url> <token>
#
#   <base-url>  loopback URL of the running app, e.g. http://127.0.0.1:8080
#   <token>     a bearer token the app accepts at /mcp: a static trek_ token, or the value of
#               TREK_MCP_CONFORMANCE_TOKEN (trekconf_...) when the app runs with TREK_MCP_CONFORMANCE_FIXTURES=true
#
# The app must run with TREK_MCP_CONFORMANCE_FIXTURES=true (the test_* fixtures) and the mcp addon on; its session and
# rate limits stay at their defaults (a suite run is what a well-behaved client does, issue #13). The suites cannot send an Authorization header, so a
# loopback proxy (auth-proxy.mjs) adds it. Suites are npm-installed into $CONFORMANCE_CACHE_DIR (see suites.sh for
# all knobs). Exit 0 when every scored scenario passes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
BASE="${1:?usage: run-conformance.sh <base-url> <token>}"
TOKEN="${2:?usage: run-conformance.sh <base-url> <token>}"
# Wait for the application itself (a deploying Payara answers 404 before /health turns 200).
for _ in $(seq 1 "${CONFORMANCE_WAIT_SECS:-120}"); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] && break
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] || { echo "run-conformance: $BASE/health is not 200" >&2; exit 2; }
portfile="$(mktemp)"
rm -f "$portfile"
MCP_PROXY_TOKEN="$TOKEN" node "$here/auth-proxy.mjs" "$BASE" "$portfile" &
proxy=$!
trap 'kill "$proxy" 2>/dev/null || true; rm -f "$portfile"' EXIT
for _ in $(seq 1 50); do [ -s "$portfile" ] && break; sleep 0.1; done
[ -s "$portfile" ] || { echo "run-conformance: proxy did not start" >&2; exit 2; }
"$here/suites.sh" "http://127.0.0.1:$(cat "$portfile")/mcp"
