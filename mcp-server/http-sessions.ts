import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Principal } from '../tools/registry/runner.ts';

export interface HttpSession {
  principal: Principal;
  transport: StreamableHTTPServerTransport;
  server: McpServer;
  lastUsed: number;
}

/**
 * Open MCP sessions of this process, each bound to the principal that opened it. Idle sessions
 * close after `idleMs`; past `max` the least recently used one closes. Sessions live in memory:
 * behind several processes, route a session's requests to the process that opened it.
 */
export class HttpSessions {
  private readonly sessions = new Map<string, HttpSession>();
  private readonly idleMs: number;
  private readonly max: number;

  constructor(options: { idleMs?: number; max?: number } = {}) {
    this.idleMs = options.idleMs ?? 30 * 60_000;
    this.max = options.max ?? 1_000;
  }

  open(id: string, principal: Principal, transport: StreamableHTTPServerTransport, server: McpServer): void {
    this.closeIdle();
    while (this.sessions.size >= this.max) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.close(oldest);
    }
    this.sessions.set(id, { principal, transport, server, lastUsed: Date.now() });
  }

  /** The session, if it exists and the caller is the principal who opened it (else as if unknown). */
  get(id: string, caller: Principal): HttpSession | undefined {
    this.closeIdle();
    const session = this.sessions.get(id);
    if (!session || !samePrincipal(session.principal, caller)) return undefined;
    session.lastUsed = Date.now();
    // Re-insert so iteration order stays least-recently-used first.
    this.sessions.delete(id);
    this.sessions.set(id, session);
    return session;
  }

  forget(id: string): void {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  private close(id: string): void {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    void session?.transport.close().catch(() => {});
    void session?.server.close().catch(() => {});
  }

  private closeIdle(): void {
    const cutoff = Date.now() - this.idleMs;
    for (const [id, session] of this.sessions) if (session.lastUsed < cutoff) this.close(id);
  }
}

function samePrincipal(a: Principal, b: Principal): boolean {
  return a.orgId === b.orgId && a.userId === b.userId && a.role === b.role;
}
