#!/usr/bin/env bash
# Starts the built WAR (target/trek.war, after `mvn package`) on a loopback port with the conformance fixtures on,
# runs run-conformance.sh against it, stops it, and exits with the suites' status. For CI:
#   mvn -B -DskipTests package && src/test/conformance/start-and-run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
port="${CONFORMANCE_APP_PORT:-$(( 20000 + RANDOM % 20000 ))}"
token="trekconf_$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)"
(
  export APP_URL="http://127.0.0.1:$port" PORT="$port" TREK_DATA_DIR="$work/data" \
         ADMIN_EMAIL="conformance@trek.test" ADMIN_PASSWORD="conformance-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" \
         TREK_ADDONS=mcp TREK_MCP_CONFORMANCE_FIXTURES=true TREK_MCP_CONFORMANCE_TOKEN="$token"
  exec java -Xmx768m -jar "$root/target/payara-micro.jar" --nohazelcast --disablephonehome \
       --prebootcommandfile "$root/server-config/pre-boot.asadmin" --deploy "$root/target/trek.war" \
       --contextroot / --port "$port" --rootdir "$work/payara" > "$work/server.log" 2>&1
) &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT
set +e
CONFORMANCE_WAIT_SECS="${CONFORMANCE_WAIT_SECS:-300}" "$here/run-conformance.sh" "http://127.0.0.1:$port" "$token"
rc=$?
set -e
echo "server log: $work/server.log"
exit "$rc"
