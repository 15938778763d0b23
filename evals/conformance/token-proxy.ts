/**
 * A loopback proxy for the official MCP conformance suite, which sends no token: it adds
 * `Authorization: Bearer $CRESCENDO_TOKEN` to every request and forwards it, streaming (SSE
 * included), to the running server. Everything else (Origin, Host, Mcp-Session-Id) passes as sent.
 *
 * Run the suite against /mcp:
 *   CRESCENDO_DATA_DIR=$(mktemp -d) node bin/crescendo.js start --port 3917   # prints an admin token
 *   CRESCENDO_TOKEN=cre_... node bin/run-ts.js evals/conformance/token-proxy.ts  # listens on 127.0.0.1:3918
 *   npm install --prefix /tmp/conformance @modelcontextprotocol/conformance@0.1.13   # outside the repo
 *   /tmp/conformance/node_modules/.bin/conformance server --url http://127.0.0.1:3918/mcp [--scenario NAME]
 * Options (environment): CRESCENDO_URL (default http://127.0.0.1:3917), PROXY_PORT (default 3918).
 * Which scenarios apply to Crescendo, and their results: evals/conformance/README.md.
 */
import { createServer, request } from 'node:http';

const token = process.env.CRESCENDO_TOKEN;
if (!token) {
  console.error('Set CRESCENDO_TOKEN to a Crescendo API token (`crescendo start` prints one).');
  process.exit(2);
}
const target = new URL(process.env.CRESCENDO_URL ?? 'http://127.0.0.1:3917');
const port = Number(process.env.PROXY_PORT ?? 3918);

const proxy = createServer((incoming, outgoing) => {
  const forwarded = request(
    { hostname: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, authorization: `Bearer ${token}` } },
    (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    },
  );
  forwarded.on('error', (error) => {
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
    outgoing.end(`proxy: ${error.message}`);
  });
  // A client that hangs up (an SSE stream it is done with) ends the upstream request too.
  outgoing.on('close', () => forwarded.destroy());
  incoming.pipe(forwarded);
});

proxy.listen(port, '127.0.0.1', () => console.log(`token proxy: http://127.0.0.1:${port} -> ${target.origin} (with a bearer token)`));
