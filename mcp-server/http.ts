import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { approvalsStamp } from '../tools/approvals/approvals-stamp.ts';
import type { Logger } from '../tools/registry/context.ts';
import { silentLogger } from '../tools/registry/context.ts';
import type { Principal, ToolRunner } from '../tools/registry/runner.ts';
import { requireToken, type AuthenticatedLocals } from '../web/auth.ts';
import { buildMcpServer } from './build-mcp-server.ts';
import { HttpSessions } from './http-sessions.ts';
import { parseToolsets, ToolsetError } from './options.ts';
import { originGuard } from './origin-guard.ts';

export interface McpHttpDeps {
  prisma: PrismaClient;
  runner: ToolRunner;
  version: string;
  log?: Logger;
  /** The server's public URL (CRESCENDO_PUBLIC_URL): browsers from its origin may call /mcp. */
  publicUrl?: string;
  /** Further browser origins allowed: exact ("https://app.example.com") or any port ("http://host:*"). */
  allowedOrigins?: readonly string[];
  sessions?: { idleMs?: number; max?: number };
}

const SESSION_HEADER = 'mcp-session-id';

/**
 * Streamable HTTP at /mcp. An initialize request opens a session (Mcp-Session-Id): its tool list
 * grows with discovery, GET opens its notification stream (tools/list_changed, resource updates,
 * progress), DELETE ends it. A session answers only the token's own organisation, user and role.
 * Requests without a session id are served statelessly, each with a fresh default server.
 * Session answers are SSE streams (progress travels on them); stateless answers are JSON.
 * Toolsets come from ?toolsets=a,b|all or X-Crescendo-Toolsets; read-only from ?read_only=1.
 */
export function mcpHttpRouter(deps: McpHttpDeps): Router {
  const log = deps.log ?? silentLogger;
  const sessions = new HttpSessions(deps.sessions);
  const router = Router();
  const checkOrigin = originGuard([...(deps.publicUrl ? [deps.publicUrl] : []), ...(deps.allowedOrigins ?? [])]);
  const auth = requireToken(deps.prisma);
  const stamp = (organizationId: string) => approvalsStamp(deps.prisma, organizationId);

  const build = (request: Request, principal: Principal) =>
    buildMcpServer({ runner: deps.runner, principal, toolsets: parseToolsets(stringParam(request.query.toolsets) ?? request.get('x-crescendo-toolsets')), readOnly: isTrue(stringParam(request.query.read_only)), version: deps.version, approvalsStamp: stamp, log });

  router.post('/mcp', checkOrigin, express.json({ limit: '10mb' }), auth, handleToolsetErrors(async (request: Request, response: Response) => {
    const { principal } = response.locals as AuthenticatedLocals;
    const sessionId = request.get(SESSION_HEADER);
    if (sessionId) {
      const session = sessions.get(sessionId, principal);
      if (!session) return sessionNotFound(response);
      await session.transport.handleRequest(request, response, request.body);
      return;
    }
    if (isInitializeRequest(request.body)) {
      const server = build(request, principal);
      // A session's answers stream (SSE), so a call's progress notifications reach the client
      // before its result; in JSON mode the transport drops them.
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        onsessioninitialized: (id) => sessions.open(id, principal, transport, server),
      });
      transport.onclose = () => {
        if (transport.sessionId) sessions.forget(transport.sessionId);
      };
      await server.connect(transport);
      await transport.handleRequest(request, response, request.body);
      return;
    }
    // No session: one request, one server, nothing kept. Plain JSON, unless the call asks for progress.
    const server = build(request, principal);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: !asksForProgress(request.body) });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response, request.body);
  }, log));

  // GET opens a session's notification stream; DELETE ends the session.
  const withSession = async (request: Request, response: Response) => {
    const sessionId = request.get(SESSION_HEADER);
    if (!sessionId) {
      response.status(405).set('Allow', 'POST').json(jsonRpcError(-32000, 'Send Mcp-Session-Id (from the initialize response) to open a notification stream or end a session; without a session, send JSON-RPC requests with POST.'));
      return;
    }
    const session = sessions.get(sessionId, (response.locals as AuthenticatedLocals).principal);
    if (!session) return sessionNotFound(response);
    await session.transport.handleRequest(request, response);
  };
  router.get('/mcp', checkOrigin, auth, withSession);
  router.delete('/mcp', checkOrigin, auth, withSession);
  return router;
}

function handleToolsetErrors(handler: (request: Request, response: Response) => Promise<void>, log: Logger) {
  return async (request: Request, response: Response, _next: NextFunction) => {
    try {
      await handler(request, response);
    } catch (error) {
      if (error instanceof ToolsetError) {
        response.status(400).json(jsonRpcError(-32602, error.message));
        return;
      }
      log.error('mcp request failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (!response.headersSent) response.status(500).json(jsonRpcError(-32603, 'Something failed on our side; it has been logged.'));
    }
  };
}

// The spec's answer to an unknown or expired session: 404, after which the client initializes again.
function sessionNotFound(response: Response): void {
  response.status(404).json(jsonRpcError(-32001, 'Session not found or expired: send initialize again without Mcp-Session-Id.'));
}

function asksForProgress(body: unknown): boolean {
  const messages: unknown[] = Array.isArray(body) ? body : [body];
  return messages.some((message) => (message as { params?: { _meta?: { progressToken?: unknown } } } | null)?.params?._meta?.progressToken !== undefined);
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes'].includes(value.toLowerCase());
}

export function jsonRpcError(code: number, message: string) {
  return { jsonrpc: '2.0', error: { code, message }, id: null };
}
