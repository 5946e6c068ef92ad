#!/usr/bin/env bash
# Starts the built WAR (target/trek.war, after `mvn package`) on a loopback port with the conformance fixtures on and
# every limit at its default, runs run-conformance.sh and the Inspector CLI against it CONFORMANCE_ROUNDS times (2) as
# one user, stops it, and exits non-zero if anything failed. For CI:
#   mvn -B -DskipTests package && src/test/conformance/start-and-run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
port="${CONFORMANCE_APP_PORT:-$(( 20000 + RANDOM % 20000 ))}"
# The first admin's password must pass the password policy (or the first sign-in asks for a new one): random, and
# not containing the e-mail's local part.
password="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
token="trekconf_$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)"
(
  export APP_URL="http://127.0.0.1:$port" PORT="$port" TREK_DATA_DIR="$work/data" \
         ADMIN_EMAIL="conformance@trek.test" ADMIN_PASSWORD="$password" \
         TREK_ADDONS=mcp TREK_MCP_CONFORMANCE_FIXTURES=true TREK_MCP_CONFORMANCE_TOKEN="$token"
  exec java -Xmx768m -jar "$root/target/payara-micro.jar" --nohazelcast --disablephonehome \
       --prebootcommandfile "$root/server-config/pre-boot.asadmin" --deploy "$root/target/trek.war" \
       --contextroot / --port "$port" --rootdir "$work/payara" > "$work/server.log" 2>&1
) &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT
# Issue #13: what a real user's clients do one after another, twice, against the default limits (none raised above):
# both official suites, the MCP Inspector CLI, mcp-remote (twice: new, then restarted) and a strict OAuth client, as one
# user (the conformance token acts for the first admin; mcp-remote and the OAuth client sign in as that admin). The
# clients come from the e2e profile's npm install (target/e2e).
e2e="$root/target/e2e"
inspector="$e2e/node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js"
out="${CONFORMANCE_OUT_DIR:-$PWD/conformance-results}"
rc=0
set +e
for round in $(seq 1 "${CONFORMANCE_ROUNDS:-2}"); do
  echo "=== round $round"
  CONFORMANCE_OUT_DIR="$out/round-$round" CONFORMANCE_WAIT_SECS="${CONFORMANCE_WAIT_SECS:-300}" \
    "$here/run-conformance.sh" "http://127.0.0.1:$port" "$token" || rc=1
  if [ -f "$inspector" ]; then
    for method in tools/list "tools/call --tool-name test_simple_text"; do
      # shellcheck disable=SC2086
      if node "$inspector" --cli "http://127.0.0.1:$port/mcp" --transport http \
           --header "Authorization: Bearer $token" --method $method > "$work/inspector.out" 2>&1; then
        echo "inspector CLI $method: ok"
      else
        echo "inspector CLI $method: FAILED"; cat "$work/inspector.out"; rc=1
      fi
    done
  else
    echo "inspector CLI: not installed (run the e2e profile first); skipped"
  fi
  if [ -d "$e2e/node_modules/oauth4webapi" ] && [ -d "$e2e/node_modules/mcp-remote" ]; then
    cp "$here/real-clients.mjs" "$e2e/real-clients.mjs" # its imports resolve from target/e2e/node_modules
    if (cd "$e2e" && TREK_LOGIN="conformance@trek.test" TREK_PASSWORD="$password" \
          timeout 600 node real-clients.mjs "http://127.0.0.1:$port"); then :; else
      echo "real clients: FAILED"; rc=1
    fi
  else
    echo "mcp-remote and the strict OAuth client: not installed (run the e2e profile first); skipped"
  fi
done
set -e
echo "server log: $work/server.log"
exit "$rc"
