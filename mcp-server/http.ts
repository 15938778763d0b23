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
}

/**
 * Streamable HTTP at /mcp, stateless: each POST gets its own server and transport, built for the
 * bearer token's principal. Toolsets come from ?toolsets=a,b or X-Crescendo-Toolsets; read-only
 * from ?read_only=1. Without sessions there is no server-initiated stream, so GET and DELETE are 405.
 */
export function mcpHttpRouter(deps: McpHttpDeps): Router {
  const log = deps.log ?? silentLogger;
  const router = Router();
  router.post('/mcp', express.json({ limit: '10mb' }), requireToken(deps.prisma), async (request: Request, response: Response) => {
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
  router.get('/mcp', requireToken(deps.prisma), notAllowed);
  router.delete('/mcp', requireToken(deps.prisma), notAllowed);
  return router;
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
