// Connects the official TypeScript SDKs to TREK's /mcp with a bearer token and exercises them:
//   legacy  — @modelcontextprotocol/sdk 1.x (Streamable HTTP, initialize handshake, a session)
//   modern  — @modelcontextprotocol/client 2.x pinned to the stateless 2026-07-28 revision
// Usage: node clients.mjs <mcp-url> <token>. Prints one line per client; exits non-zero on any failure.
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as LegacyTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from '@modelcontextprotocol/client';

const [url, token] = process.argv.slice(2);
if (!url || !token || !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) {
  console.error('usage: node clients.mjs http://127.0.0.1:PORT/mcp <token>');
  process.exit(2);
}
const requestInit = { headers: { Authorization: `Bearer ${token}` } };

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function exercise(name, client, transport, describe) {
  await client.connect(transport);
  const tools = await client.listTools();
  check(tools.tools.some((t) => t.name === 'list_trips'), `${name}: list_trips missing from tools/list`);
  const created = await client.callTool({ name: 'create_trip', arguments: { title: `${name} trip`, start_date: '2027-05-01', end_date: '2027-05-03' } });
  check(!created.isError, `${name}: create_trip failed: ${JSON.stringify(created.content)}`);
  const listed = await client.callTool({ name: 'list_trips', arguments: {} });
  check(!listed.isError, `${name}: list_trips failed`);
  check(JSON.stringify(listed.structuredContent ?? listed.content).includes(`${name} trip`), `${name}: created trip not listed`);
  const resources = await client.listResources();
  const prompts = await client.listPrompts();
  console.log(`${name}: ${describe(client)} tools=${tools.tools.length} resources=${resources.resources.length} prompts=${prompts.prompts.length} ok`);
  await client.close();
}

let failed = 0;
try {
  await exercise('legacy-sdk1', new LegacyClient({ name: 'trek-legacy-sdk', version: '1.0.0' }),
    new LegacyTransport(new URL(url), { requestInit }),
    (c) => `server=${c.getServerVersion()?.name}`);
} catch (e) {
  failed++;
  console.log(`legacy-sdk1: FAILED ${e?.stack ?? e}`);
}
try {
  await exercise('modern-sdk2', new ModernClient({ name: 'trek-modern-sdk', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } }),
    new ModernTransport(new URL(url), { requestInit }),
    (c) => `era=${c.getProtocolEra()} version=${c.getNegotiatedProtocolVersion()}`);
} catch (e) {
  failed++;
  console.log(`modern-sdk2: FAILED ${e?.stack ?? e}`);
}
console.log(`clients: ${2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
