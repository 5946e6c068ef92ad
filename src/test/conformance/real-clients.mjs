// Issue #13: the real clients of a TREK user, run after the official suites against the same default-configured
// instance, as the same user (the first admin, who signs in and approves like a person would):
//   1. mcp-remote (what Claude Desktop, Cursor, VS Code, Windsurf and Zed run): registers itself, the user approves,
//      initialize + tools/list + tools/call over its stdio; then started again on the same config directory, as a
//      restarted desktop client is: it must reuse its tokens (no second sign-in) and work.
//   2. a strict OAuth client (oauth4webapi, which checks every response against the RFCs): RFC 9728 and 8414
//      discovery with issuer checks, RFC 7591 registration, PKCE S256 + RFC 8707 resource, RFC 9207 iss, tokens used
//      by the MCP TypeScript SDK's client at /mcp; refresh, use the successor, replay the old refresh token: the
//      replay is refused and the whole family is dead (RFC 9700 §4.14.2); a second authorization finds the consent on
//      record; RFC 7009 revocation and RFC 7662 introspection.
//
//   node real-clients.mjs <base-url>      env: TREK_LOGIN, TREK_PASSWORD
// Run from the directory whose node_modules holds mcp-remote, oauth4webapi and @modelcontextprotocol/sdk (target/e2e,
// installed by the e2e profile); start-and-run.sh copies it there. Every request goes to <base-url> (loopback only)
// or to mcp-remote's own loopback callback.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import assert from 'node:assert/strict';
import * as oauth from 'oauth4webapi';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const base = process.argv[2];
const login = process.env.TREK_LOGIN;
const password = process.env.TREK_PASSWORD;
if (!base || !login || !password) {
  console.error('usage: TREK_LOGIN=... TREK_PASSWORD=... node real-clients.mjs <base-url>');
  process.exit(2);
}
if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(base).hostname)) {
  console.error('real-clients: the base URL must be a loopback address');
  process.exit(2);
}
const mcpUrl = new URL(base + '/mcp');
const insecure = { [oauth.allowInsecureRequests]: true }; // plain http on loopback only (checked above)
const deadline = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref());

// ---- a person's browser: cookies, CSRF token of the last page, same-origin Origin on POSTs --------------------------
class Browser {
  cookies = new Map();
  csrf = null;

  async get(url) {
    const r = await fetch(url, { redirect: 'manual', headers: { cookie: this.cookieHeader() } });
    this.keep(r);
    const body = await r.text();
    const m = body.match(/name="_csrf" value="([^"]+)"/);
    if (m) this.csrf = m[1];
    return { status: r.status, location: r.headers.get('location'), body };
  }

  async post(path, fields) {
    const r = await fetch(base + path, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams(fields),
      headers: { cookie: this.cookieHeader(), origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.keep(r);
    return { status: r.status, location: r.headers.get('location'), body: await r.text() };
  }

  keep(r) {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async signIn() {
    await this.get(base + '/login');
    const r = await this.post('/login', { _csrf: this.csrf, login, password });
    assert.equal(r.status, 302, `sign-in refused (${r.status})`);
    assert.ok(!/\/login|\/settings\/password|two-factor/.test(new URL(r.location, base).pathname),
      `sign-in did not finish: sent to ${r.location}`);
  }

  /** Opens an authorization URL and approves what the consent page ticks; answers the redirect to the client. */
  async approve(authorizeUrl, expectConsentOnRecord = false) {
    assert.ok(authorizeUrl.startsWith(base + '/oauth/authorize?'), `authorization URL on TREK: ${authorizeUrl}`);
    const page = await this.get(authorizeUrl);
    if (expectConsentOnRecord) {
      assert.equal(page.status, 302, 'the consent is on record: straight back to the client');
      return page.location;
    }
    assert.equal(page.status, 200, `consent page (${page.status}): ${page.body.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const m of page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      fields.append(unescape(m[1]), unescape(m[2]));
    }
    for (const m of page.body.matchAll(/<input type="checkbox" name="scope" value="([^"]+)"[^>]*\bchecked\b/g)) {
      fields.append('scope', unescape(m[1]));
    }
    fields.append('decision', 'approve');
    const r = await this.post('/oauth/authorize', fields);
    assert.equal(r.status, 302, `consent submitted (${r.status}): ${r.body.slice(0, 300)}`);
    return r.location;
  }
}

function unescape(s) {
  return s.replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d))).replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#039;/g, "'").replace(/&amp;/g, '&');
}

// ---- 1. mcp-remote ----------------------------------------------------------------------------------------------------
async function mcpRemote(browser, configDir, expectSignIn) {
  const child = spawn(process.execPath, ['node_modules/mcp-remote/dist/proxy.js', mcpUrl.href, '--host', '127.0.0.1'], {
    env: { ...process.env, MCP_REMOTE_CONFIG_DIR: configDir, BROWSER: 'true', DISPLAY: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const log = [];
  const responses = new Map();
  let signedIn = false;
  const ready = new Promise((resolve, reject) => {
    let next = false;
    createInterface({ input: child.stderr }).on('line', (line) => {
      log.push(line);
      if (next && line.trim().startsWith('http')) {
        next = false;
        signedIn = true;
        browser.approve(line.trim())
          .then((callback) => fetch(callback)) // mcp-remote's loopback callback page, as the browser would follow it
          .then((r) => assert.equal(r.status, 200, 'mcp-remote took the code'))
          .catch(reject);
      }
      next = next || line.includes('Please authorize this client by visiting:');
      if (line.includes('Proxy established successfully')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`mcp-remote ended (${code}) before the proxy was up`)));
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    const message = JSON.parse(line);
    if (message.id !== undefined) responses.get(message.id)?.(message);
  });
  const send = (message) => child.stdin.write(JSON.stringify(message) + '\n');
  const request = (id, method, params) => {
    const answer = new Promise((resolve) => responses.set(id, resolve));
    send({ jsonrpc: '2.0', id, method, params });
    return Promise.race([answer, deadline(60_000, `mcp-remote ${method}`)]);
  };
  try {
    await Promise.race([ready, deadline(120_000, 'mcp-remote proxy')]);
    assert.equal(signedIn, expectSignIn, expectSignIn ? 'a new mcp-remote signs in' : 'a restarted mcp-remote reuses its tokens');
    const init = await request(1, 'initialize', {
      protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'trek-real-clients', version: '1.0' },
    });
    assert.ok(init.result, `initialize: ${JSON.stringify(init)}`);
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    const list = await request(2, 'tools/list', {});
    const names = list.result.tools.map((t) => t.name);
    assert.ok(names.includes('list_trips'), `tools/list names list_trips: ${names.length} tools`);
    const call = await request(3, 'tools/call', { name: 'list_trips', arguments: {} });
    assert.ok(call.result && !call.result.isError, `tools/call list_trips: ${JSON.stringify(call)}`);
    return names.length;
  } catch (e) {
    e.message += '\nmcp-remote stderr:\n' + log.slice(-40).join('\n');
    throw e;
  } finally {
    child.stdin.end();
    child.kill('SIGTERM');
  }
}

// ---- 2. a strict OAuth client ----------------------------------------------------------------------------------------
async function mcpCall(accessToken) {
  const client = new Client({ name: 'trek-strict-client', version: '1.0' });
  const transport = new StreamableHTTPClientTransport(mcpUrl, {
    requestInit: { headers: { Authorization: `Bearer ${accessToken}` } },
  });
  await client.connect(transport);
  try {
    const call = await client.callTool({ name: 'list_trips', arguments: {} });
    assert.ok(!call.isError, `list_trips with the strict client's token: ${JSON.stringify(call)}`);
  } finally {
    await transport.terminateSession().catch(() => {}); // a well-behaved client ends its session
    await client.close();
  }
}

async function mcpStatus(accessToken) {
  const r = await fetch(mcpUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
  });
  await r.body?.cancel();
  return r.status;
}

async function strictClient(browser) {
  const resource = await oauth.processResourceDiscoveryResponse(mcpUrl, await oauth.resourceDiscoveryRequest(mcpUrl, insecure));
  const issuer = new URL(resource.authorization_servers[0]);
  const as = await oauth.processDiscoveryResponse(issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  assert.equal(as.authorization_response_iss_parameter_supported, true, 'RFC 9207 advertised');
  assert.deepEqual(as.code_challenge_methods_supported, ['S256']);

  const redirectUri = 'http://127.0.0.1:47131/callback';
  const registered = await oauth.processDynamicClientRegistrationResponse(await oauth.dynamicClientRegistrationRequest(as, {
    client_name: 'Strict client (oauth4webapi)', redirect_uris: [redirectUri], grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic', scope: 'trips:read trips:write',
  }, insecure));
  const client = { client_id: registered.client_id };
  const auth = oauth.ClientSecretBasic(registered.client_secret);

  const authorize = async (consentOnRecord) => {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri, scope: 'trips:read trips:write',
      state, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', resource: mcpUrl.href,
    });
    const location = await browser.approve(url.href, consentOnRecord);
    const params = oauth.validateAuthResponse(as, client, new URL(location), state); // checks iss and state
    return oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(as, client, auth,
      params, redirectUri, verifier, { additionalParameters: { resource: mcpUrl.href }, ...insecure }));
  };

  const first = await authorize(false);
  assert.equal(first.token_type.toLowerCase(), 'bearer');
  assert.ok(first.refresh_token, 'a refresh token');
  await mcpCall(first.access_token);

  const second = await oauth.processRefreshTokenResponse(as, client,
    await oauth.refreshTokenGrantRequest(as, client, auth, first.refresh_token, insecure));
  assert.notEqual(second.refresh_token, first.refresh_token, 'the refresh token rotates');
  await mcpCall(second.access_token); // the successor is used...
  const replay = await oauth.refreshTokenGrantRequest(as, client, auth, first.refresh_token, insecure);
  await assert.rejects(oauth.processRefreshTokenResponse(as, client, replay),
    (e) => e instanceof oauth.ResponseBodyError && e.error === 'invalid_grant', '...so a replay of its predecessor is refused');
  assert.equal(await mcpStatus(second.access_token), 401, 'and the whole family is dead at /mcp');
  await assert.rejects(oauth.processRefreshTokenResponse(as, client,
    await oauth.refreshTokenGrantRequest(as, client, auth, second.refresh_token, insecure)),
  (e) => e instanceof oauth.ResponseBodyError && e.error === 'invalid_grant', 'including the successor refresh token');

  const third = await authorize(true); // the user approved this client before: no second consent screen
  await mcpCall(third.access_token);
  await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, third.refresh_token, insecure));
  const info = await oauth.processIntrospectionResponse(as, client,
    await oauth.introspectionRequest(as, client, auth, third.access_token, insecure));
  assert.equal(info.active, false, 'revoking the refresh token ends its access token');
  assert.equal(await mcpStatus(third.access_token), 401);
}

// ---- the sequence --------------------------------------------------------------------------------------------------
const browser = new Browser();
await browser.signIn();
const configDir = mkdtempSync(join(tmpdir(), 'trek-mcp-remote-'));
try {
  const tools = await mcpRemote(browser, configDir, true);
  console.log(`mcp-remote: signed in, approved, ${tools} tools, list_trips ok`);
  await mcpRemote(browser, configDir, false);
  console.log('mcp-remote restarted: reused its tokens, list_trips ok');
  await strictClient(browser);
  console.log('strict OAuth client (oauth4webapi): discovery, registration, PKCE, iss, refresh, replay -> family revoked, consent on record, revocation: ok');
} finally {
  rmSync(configDir, { recursive: true, force: true });
}
