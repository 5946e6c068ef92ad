// Loopback proxy for the MCP conformance suites: they cannot send an Authorization header, so this forwards every
// request unchanged (Host and Origin included, for the DNS-rebinding scenario) to the target and adds
// "Authorization: Bearer <token>". Streams (SSE) are piped through as they arrive.
//   node auth-proxy.mjs <target-base-url> <port-file>     token in env MCP_PROXY_TOKEN
import http from 'node:http';

const [target, portFile] = process.argv.slice(2);
const token = process.env.MCP_PROXY_TOKEN;
if (!target || !portFile || !token) {
  console.error('usage: MCP_PROXY_TOKEN=... node auth-proxy.mjs <target-base-url> <port-file>');
  process.exit(2);
}
const t = new URL(target);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(t.hostname)) {
  console.error('auth-proxy: target must be a loopback address');
  process.exit(2);
}
const server = http.createServer((req, res) => {
  const headers = { ...req.headers, authorization: `Bearer ${token}` };
  const upstream = http.request(
    { host: t.hostname.replace(/^\[|\]$/g, ''), port: t.port || 80, method: req.method, path: req.url, headers },
    (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
});
server.listen(0, '127.0.0.1', async () => {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(portFile, String(server.address().port));
});
