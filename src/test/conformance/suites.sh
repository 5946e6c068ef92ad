#!/usr/bin/env bash
# Run the official MCP server conformance suites against a running MCP server.
#
#   run-conformance.sh <mcp-url> [cache-dir]
#
#   <mcp-url>   full MCP endpoint URL, e.g. http://127.0.0.1:8080/mcp  (loopback only: the
#               dns-rebinding-protection scenario fails for non-localhost URLs, and this machine's
#               rules forbid traffic elsewhere anyway)
#   [cache-dir] where the suites are npm-installed (default: $CONFORMANCE_CACHE_DIR or
#               ${XDG_CACHE_HOME:-$HOME/.cache}/mcp-conformance). Reused when already populated.
#
# Suites run:
#   legacy : @modelcontextprotocol/conformance@0.1.16     `server --url URL --suite active`
#            (30 scenarios, stateful initialize/Mcp-Session-Id wire, protocol 2025-11-25)
#   2026   : @modelcontextprotocol/conformance@0.2.0-alpha.12 `server --url URL --requirements 2026-07-28`
#            (37 scored scenarios at the stateless 2026-07-28 wire; 13 more run but are never scored)
#
# Environment knobs:
#   CONFORMANCE_SUITES              legacy | 2026 | both (default both)
#   CONFORMANCE_OUT_DIR             results dir (default ./conformance-results); checks.json per scenario
#   CONFORMANCE_WAIT_SECS           wait up to N s for the URL to answer HTTP at all (default 60)
#   CONFORMANCE_SCENARIO_TIMEOUT_MS per-scenario timeout for 0.2.0 (default 30000)
#   CONFORMANCE_SUITE_TIMEOUT_SECS  hard cap per suite run (default 1200)
#   CONFORMANCE_EXPECTED_FAILURES_LEGACY / _2026   optional YAML baseline passed as --expected-failures
#   CONFORMANCE_NODE                node binary to use (default: node on PATH)
#   CONFORMANCE_USE_NODE22=1        npm-install node@22 into the cache and use it instead of the shim
#   CONFORMANCE_OFFLINE=1           never run npm; fail if the cache is incomplete
#
# Exit status: 0 all scored scenarios passed; 1 at least one scored scenario failed (or a suite
# crashed / timed out / produced missing results); 2 usage or setup error.
set -euo pipefail

LEGACY_VERSION="0.1.16"
NEXT_VERSION="0.2.0-alpha.12"
SDK_VERSION="1.32.2"   # pinned via npm overrides for reproducible client behaviour
REQUIREMENTS="2026-07-28"

die() { echo "run-conformance: $*" >&2; exit 2; }

URL="${1:-}"
[ -n "$URL" ] || die "usage: $0 <mcp-url> [cache-dir]"
CACHE="${2:-${CONFORMANCE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mcp-conformance}}"
SUITES="${CONFORMANCE_SUITES:-both}"
OUT="${CONFORMANCE_OUT_DIR:-$PWD/conformance-results}"
WAIT_SECS="${CONFORMANCE_WAIT_SECS:-60}"
SCEN_TIMEOUT_MS="${CONFORMANCE_SCENARIO_TIMEOUT_MS:-30000}"
SUITE_TIMEOUT="${CONFORMANCE_SUITE_TIMEOUT_SECS:-1200}"
NODE="${CONFORMANCE_NODE:-node}"

case "$SUITES" in legacy|2026|both) ;; *) die "CONFORMANCE_SUITES must be legacy, 2026 or both";; esac

# --- URL sanity: loopback only ---------------------------------------------------------------
host="$(printf '%s' "$URL" | sed -E 's#^[a-zA-Z]+://(\[[^]]*\]|[^/:]*).*#\1#')"
case "$URL" in http://*|https://*) ;; *) die "URL must start with http:// or https:// ($URL)";; esac
case "$host" in localhost|127.*|"[::1]") ;; *) die "refusing non-loopback URL host '$host' (use 127.0.0.1 / localhost / [::1])";; esac

command -v "$NODE" >/dev/null 2>&1 || die "node not found ($NODE)"
command -v npm >/dev/null 2>&1 || [ "${CONFORMANCE_OFFLINE:-0}" = 1 ] || die "npm not found"

mkdir -p "$CACHE" || die "cannot create cache dir $CACHE"
CACHE="$(cd "$CACHE" && pwd)"

# --- install both suite versions side by side (npm aliases) ----------------------------------
installed_version() { # $1 alias
  local pj="$CACHE/node_modules/$1/package.json"
  [ -f "$pj" ] && "$NODE" -e 'process.stdout.write(require(process.argv[1]).version)' "$pj" 2>/dev/null || true
}
if [ "$(installed_version conf016)" != "$LEGACY_VERSION" ] || [ "$(installed_version conf020)" != "$NEXT_VERSION" ] \
   || [ ! -f "$CACHE/node_modules/yaml/package.json" ]; then
  [ "${CONFORMANCE_OFFLINE:-0}" = 1 ] && die "suites missing in $CACHE and CONFORMANCE_OFFLINE=1"
  echo "run-conformance: installing conformance $LEGACY_VERSION + $NEXT_VERSION into $CACHE" >&2
  cat > "$CACHE/package.json" <<EOF
{
  "name": "mcp-conformance-cache",
  "private": true,
  "version": "0.0.0",
  "description": "npm-installed MCP conformance suites used by run-conformance.sh",
  "dependencies": {
    "conf016": "npm:@modelcontextprotocol/conformance@$LEGACY_VERSION",
    "conf020": "npm:@modelcontextprotocol/conformance@$NEXT_VERSION",
    "yaml": "^2.8.2"
  },
  "overrides": {
    "@modelcontextprotocol/sdk": "$SDK_VERSION"
  }
}
EOF
  # engines warnings (node >=22) are expected on Node 20; the shim below handles the one incompatibility
  (cd "$CACHE" && npm install --no-audit --no-fund --loglevel=error) >&2 || die "npm install failed"
fi

# --- Node 20 fix --------------------------------------------------------------------------------
# Both bundles do `import { globSync } from "fs"` (Node >= 22 only). globSync is only used by the
# tier-check/results-summary code paths, so an ESM resolve hook that serves a re-export of node:fs
# plus a small globSync is enough. On Node >= 22 the hook is not registered (no-op).
NODE_ARGS=()
if [ "${CONFORMANCE_USE_NODE22:-0}" = 1 ]; then
  if [ ! -x "$CACHE/node22/node_modules/node/bin/node" ]; then
    [ "${CONFORMANCE_OFFLINE:-0}" = 1 ] && die "node22 missing in cache and CONFORMANCE_OFFLINE=1"
    mkdir -p "$CACHE/node22"
    (cd "$CACHE/node22" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
      && npm install --no-audit --no-fund --loglevel=error node@22) >&2 || die "npm install node@22 failed"
  fi
  NODE="$CACHE/node22/node_modules/node/bin/node"
else
  node_major="$("$NODE" -p 'process.versions.node.split(".")[0]')"
  node_minor="$("$NODE" -p 'process.versions.node.split(".")[1]')"
  if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 6 ]; }; then
    die "Node >= 20.6 required for the loader shim (found $("$NODE" -v)); or set CONFORMANCE_USE_NODE22=1"
  fi
  if [ "$node_major" -lt 22 ]; then
    SHIM="$CACHE/node20-shim"
    mkdir -p "$SHIM"
    cat > "$SHIM/register.mjs" <<'EOF'
// Node 20 shim for @modelcontextprotocol/conformance: provides fs.globSync (Node >= 22 API).
import fs from 'node:fs';
import { register } from 'node:module';
if (typeof fs.globSync !== 'function') register('./hooks.mjs', import.meta.url);
EOF
    cat > "$SHIM/hooks.mjs" <<'EOF'
// ESM resolve hook: serve fs-shim.mjs for `fs` / `node:fs` imports (except from the shim itself).
// CommonJS require('fs') is not affected.
const SHIM = new URL('./fs-shim.mjs', import.meta.url).href;
export async function resolve(specifier, context, nextResolve) {
  if ((specifier === 'fs' || specifier === 'node:fs') && context.parentURL !== SHIM) {
    return { url: SHIM, shortCircuit: true, format: 'module' };
  }
  return nextResolve(specifier, context);
}
EOF
    cat > "$SHIM/fs-shim.mjs" <<'EOF'
// node:fs re-export + minimal globSync(pattern, { cwd }) supporting `**`, `*`, `?` path segments
// (the conformance CLI only calls globSync('**/checks.json', { cwd })).
import fs from 'node:fs';
import path from 'node:path';
export * from 'node:fs';
export default fs;
function segToRe(seg) {
  let re = '';
  for (const ch of seg) re += ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp('^' + re + '$');
}
function fallbackGlobSync(pattern, options = {}) {
  const cwd = options.cwd ? String(options.cwd) : process.cwd();
  const out = new Set();
  for (const p of Array.isArray(pattern) ? pattern : [pattern]) {
    const segs = p.split('/').filter(Boolean);
    const walk = (rel, i) => {
      if (i === segs.length) { if (rel) out.add(rel); return; }
      let entries;
      try { entries = fs.readdirSync(path.join(cwd, rel), { withFileTypes: true }); } catch { return; }
      if (segs[i] === '**') {
        walk(rel, i + 1);
        for (const e of entries) if (e.isDirectory()) walk(rel ? `${rel}/${e.name}` : e.name, i);
        return;
      }
      const re = segToRe(segs[i]);
      for (const e of entries) {
        if (!re.test(e.name)) continue;
        const next = rel ? `${rel}/${e.name}` : e.name;
        if (i === segs.length - 1) out.add(next);
        else if (e.isDirectory()) walk(next, i + 1);
      }
    };
    walk('', 0);
  }
  return [...out].map((r) => r.split('/').join(path.sep));
}
export const globSync = typeof fs.globSync === 'function' ? fs.globSync : fallbackGlobSync;
EOF
    NODE_ARGS=(--import "$SHIM/register.mjs")
  fi
fi
"$NODE" "${NODE_ARGS[@]}" "$CACHE/node_modules/conf016/dist/index.js" --version >/dev/null \
  || die "conformance $LEGACY_VERSION does not start with $("$NODE" -v)"
"$NODE" "${NODE_ARGS[@]}" "$CACHE/node_modules/conf020/dist/index.js" --version >/dev/null \
  || die "conformance $NEXT_VERSION does not start with $("$NODE" -v)"

# --- wait for the server to answer HTTP at all -------------------------------------------------
if [ "$WAIT_SECS" -gt 0 ]; then
  "$NODE" - "$URL" "$WAIT_SECS" <<'EOF' || die "server at $1 did not answer within ${WAIT_SECS}s"
const [url, secs] = process.argv.slice(2);
const deadline = Date.now() + Number(secs) * 1000;
(async () => {
  for (;;) {
    try { await fetch(url, { method: 'GET', signal: AbortSignal.timeout(2000) }); process.exit(0); }
    catch { if (Date.now() > deadline) process.exit(1); await new Promise((r) => setTimeout(r, 500)); }
  }
})();
EOF
fi

# --- run -------------------------------------------------------------------------------------------
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
LEG_DIR="$OUT/legacy-$LEGACY_VERSION"
NEW_DIR="$OUT/requirements-$REQUIREMENTS"
LEG_RC=skipped
NEW_RC=skipped

run_suite() { # $1 label, $2 logfile, rest: command
  local label="$1" log="$2"; shift 2
  echo "run-conformance: [$label] $*" >&2
  set +e
  timeout --kill-after=30 "$SUITE_TIMEOUT" "$@" >"$log" 2>&1
  local rc=$?
  set -e
  [ "$rc" -eq 124 ] && echo "run-conformance: [$label] TIMED OUT after ${SUITE_TIMEOUT}s" >&2
  echo "$rc"
}

if [ "$SUITES" = legacy ] || [ "$SUITES" = both ]; then
  rm -rf "$LEG_DIR" && mkdir -p "$LEG_DIR"
  args=(server --url "$URL" --suite active -o "$LEG_DIR")
  [ -n "${CONFORMANCE_EXPECTED_FAILURES_LEGACY:-}" ] && args+=(--expected-failures "$CONFORMANCE_EXPECTED_FAILURES_LEGACY")
  LEG_RC="$(run_suite "legacy $LEGACY_VERSION" "$LEG_DIR/run.log" \
    "$NODE" "${NODE_ARGS[@]}" "$CACHE/node_modules/conf016/dist/index.js" "${args[@]}")"
fi
if [ "$SUITES" = 2026 ] || [ "$SUITES" = both ]; then
  rm -rf "$NEW_DIR" && mkdir -p "$NEW_DIR"
  args=(server --url "$URL" --requirements "$REQUIREMENTS" --timeout "$SCEN_TIMEOUT_MS" -o "$NEW_DIR")
  [ -n "${CONFORMANCE_EXPECTED_FAILURES_2026:-}" ] && args+=(--expected-failures "$CONFORMANCE_EXPECTED_FAILURES_2026")
  NEW_RC="$(run_suite "$REQUIREMENTS $NEXT_VERSION" "$NEW_DIR/run.log" \
    "$NODE" "${NODE_ARGS[@]}" "$CACHE/node_modules/conf020/dist/index.js" "${args[@]}")"
fi

# --- summarise from checks.json ---------------------------------------------------------------
set +e
"$NODE" - "$CACHE" "$LEG_DIR" "$LEG_RC" "$NEW_DIR" "$NEW_RC" "$REQUIREMENTS" \
  "${CONFORMANCE_EXPECTED_FAILURES_LEGACY:-}" "${CONFORMANCE_EXPECTED_FAILURES_2026:-}" <<'EOF'
const fs = require('fs');
const path = require('path');
const [cache, legDir, legRc, newDir, newRc, revision, efLeg, efNew] = process.argv.slice(2);
const YAML = require(path.join(cache, 'node_modules', 'yaml'));
// 0.1.16 `--suite active` (all server scenarios minus pending json-schema-2020-12, server-sse-polling)
const LEGACY_ACTIVE = [
  'server-initialize', 'logging-set-level', 'ping', 'completion-complete', 'tools-list',
  'tools-call-simple-text', 'tools-call-image', 'tools-call-audio', 'tools-call-embedded-resource',
  'tools-call-mixed-content', 'tools-call-with-logging', 'tools-call-error', 'tools-call-with-progress',
  'tools-call-sampling', 'tools-call-elicitation', 'elicitation-sep1034-defaults',
  'server-sse-multiple-streams', 'elicitation-sep1330-enums', 'resources-list', 'resources-read-text',
  'resources-read-binary', 'resources-templates-read', 'resources-subscribe', 'resources-unsubscribe',
  'prompts-list', 'prompts-get-simple', 'prompts-get-with-args', 'prompts-get-embedded-resource',
  'prompts-get-with-image', 'dns-rebinding-protection',
];
function loadResults(dir) {
  const res = new Map();
  if (!fs.existsSync(dir)) return res;
  for (const d of fs.readdirSync(dir)) {
    const f = path.join(dir, d, 'checks.json');
    if (!fs.existsSync(f)) continue;
    const scenario = d.replace(/^server-/, '').replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '');
    try { res.set(scenario, JSON.parse(fs.readFileSync(f, 'utf8'))); }
    catch (e) { res.set(scenario, [{ id: 'unreadable-checks-json', status: 'FAILURE', errorMessage: String(e) }]); }
  }
  return res;
}
function loadBaseline(file) {
  if (!file) return new Set();
  const y = YAML.parse(fs.readFileSync(file, 'utf8')) || {};
  return new Set((y.server || []).map((e) => String(e).split(':')[0]));
}
let totalPass = 0, totalFail = 0, bad = false;
function report(label, rc, scored, results, baseline, notScored) {
  if (rc === 'skipped') return;
  console.log(`\n[${label}]  (suite exit code ${rc})`);
  let pass = 0, fail = 0, warnScen = 0;
  for (const s of scored) {
    const checks = results.get(s);
    if (!checks) { console.log(`  ✗ ${s}: NO RESULT (scenario did not run / suite crashed)`); fail++; continue; }
    const failed = checks.filter((c) => c.status === 'FAILURE');
    const warned = checks.filter((c) => c.status === 'WARNING');
    if (warned.length) warnScen++;
    if (failed.length === 0) { pass++; continue; }
    if (baseline.has(s)) { console.log(`  ~ ${s}: failing (expected, in baseline)`); pass++; continue; }
    fail++;
    console.log(`  ✗ ${s}`);
    for (const c of failed) console.log(`      - ${c.id}: ${(c.errorMessage || c.description || '').split('\n')[0].slice(0, 300)}`);
  }
  if (notScored) {
    const nf = notScored.filter((s) => (results.get(s) || []).some((c) => c.status === 'FAILURE'));
    console.log(`  not scored: ${notScored.length} run, ${nf.length} failing (ignored): ${nf.join(', ') || '-'}`);
  }
  console.log(`  scored: ${scored.length} scenarios: ${pass} passed, ${fail} failed` + (warnScen ? ` (${warnScen} with warnings, not fatal)` : ''));
  totalPass += pass; totalFail += fail;
  if (fail > 0) bad = true;
  if (rc !== '0' && fail === 0) {
    // the CLI itself failed (crash, timeout, stale baseline entry) although every scored scenario passed
    console.log(`  ✗ suite process exited ${rc}; see ${label.includes('legacy') ? legDir : newDir}/run.log`);
    bad = true; totalFail++;
  }
}
console.log('\n================ MCP conformance summary ================');
report(`legacy 0.1.16 --suite active`, legRc, LEGACY_ACTIVE, loadResults(legDir), loadBaseline(efLeg));
if (newRc !== 'skipped') {
  const req = YAML.parse(fs.readFileSync(path.join(cache, 'node_modules', 'conf020', 'requirements', `${revision}.yaml`), 'utf8'));
  const notScored = (req.not_scored || []).filter((e) => e.leg === 'server').map((e) => e.scenario);
  report(`0.2.0-alpha --requirements ${revision}`, newRc, req.server, loadResults(newDir), loadBaseline(efNew), notScored);
}
console.log(`\nresults: ${[legRc !== 'skipped' ? legDir : null, newRc !== 'skipped' ? newDir : null].filter(Boolean).join('  ')}`);
console.log(`conformance: ${totalPass} passed, ${totalFail} failed`);
process.exit(bad ? 1 : 0);
EOF
rc=$?
set -e
exit "$rc"
