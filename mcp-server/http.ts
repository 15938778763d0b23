import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express, { Router, type Request, type Response } from 'express';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Logger } from '../tools/registry/context.ts';
import { silentLogger } from '../tools/registry/context.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import { requireToken, type AuthenticatedLocals } from '../web/auth.ts';
import { buildMcpServer } from './build-mcp-server.ts';
import { parseToolsets, ToolsetError } from './options.ts';

export interface McpHttpDeps {
  prisma: PrismaClient;
  runner: ToolRunner;
  version: string;
  log?: Logger;
  /**
   * Browser origins allowed besides the server's own host and http(s)://localhost, 127.0.0.1 and
   * [::1] on any port. Exact origins ("https://app.example.com") or any port ("http://host:*").
   */
  allowedOrigins?: readonly string[];
}

/**
 * Streamable HTTP at /mcp, stateless: each POST gets its own server and transport, built for the
 * bearer token's principal. Toolsets come from ?toolsets=a,b or X-Crescendo-Toolsets; read-only
 * from ?read_only=1. Without sessions there is no server-initiated stream, so GET and DELETE are 405.
 */
export function mcpHttpRouter(deps: McpHttpDeps): Router {
  const log = deps.log ?? silentLogger;
  const router = Router();
  const checkOrigin = originGuard(deps.allowedOrigins ?? []);
  router.post('/mcp', checkOrigin, express.json({ limit: '10mb' }), requireToken(deps.prisma), async (request: Request, response: Response) => {
    let toolsets;
    try {
      toolsets = parseToolsets(stringParam(request.query.toolsets) ?? request.get('x-crescendo-toolsets'));
    } catch (error) {
      if (!(error instanceof ToolsetError)) throw error;
      response.status(400).json(jsonRpcError(-32602, error.message));
      return;
    }
    const { principal } = response.locals as AuthenticatedLocals;
    const server = buildMcpServer({ runner: deps.runner, principal, toolsets, readOnly: isTrue(stringParam(request.query.read_only)), version: deps.version });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(request, response, request.body);
    } catch (error) {
      log.error('mcp request failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (!response.headersSent) response.status(500).json(jsonRpcError(-32603, 'Something failed on our side; it has been logged.'));
    }
  });
  const notAllowed = (_request: Request, response: Response) => {
    response.status(405).set('Allow', 'POST').json(jsonRpcError(-32000, 'This MCP endpoint is stateless: send JSON-RPC requests with POST.'));
  };
  router.get('/mcp', checkOrigin, requireToken(deps.prisma), notAllowed);
  router.delete('/mcp', checkOrigin, requireToken(deps.prisma), notAllowed);
  return router;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * DNS-rebinding guard the MCP spec asks of HTTP servers: a request carrying an Origin (a browser)
 * must come from this server's own host, a loopback host, or an allowed origin; 403 otherwise.
 * Requests without an Origin (CLI and desktop clients) pass.
 */
export function originGuard(allowed: readonly string[]) {
  const patterns = allowed.map((origin) => origin.trim().replace(/\/+$/, '').toLowerCase()).filter(Boolean);
  return (request: Request, response: Response, next: () => void) => {
    const origin = request.get('origin');
    if (origin === undefined || isAllowedOrigin(origin, request.get('host'), patterns)) {
      next();
      return;
    }
    response.status(403).json(jsonRpcError(-32000, `Origin ${origin} is not allowed to call this MCP endpoint.`));
  };
}

function isAllowedOrigin(origin: string, host: string | undefined, patterns: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and anything unparsable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (host !== undefined && url.host === host.toLowerCase()) return true;
  if (LOOPBACK.has(url.hostname)) return true;
  const normalised = url.origin.toLowerCase();
  const anyPort = `${url.protocol}//${url.hostname}:*`;
  return patterns.some((pattern) => pattern === normalised || pattern === anyPort);
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes'].includes(value.toLowerCase());
}

function jsonRpcError(code: number, message: string) {
  return { jsonrpc: '2.0', error: { code, message }, id: null };
}
