import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, SubscribeRequestSchema, UnsubscribeRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../tools/registry/context.ts';
import { PENDING_APPROVALS_URI } from './resources.ts';

/** Changes whenever the organisation's approval requests change (tools/approvals/approvals-stamp.ts). */
export type ApprovalsStamp = (organizationId: string) => Promise<string>;

/** How often a subscribed session looks for changes; approvals are decided by people, so seconds are fine. */
export const SUBSCRIPTION_POLL_MS = 2_000;

/**
 * resources/subscribe for the pending-approvals resource: while a client is subscribed, the
 * session polls a cheap stamp of the organisation's approval requests and sends
 * notifications/resources/updated when it changes (filed here, decided in the web UI or Slack, or
 * by another process). Polling stops when the client unsubscribes or disconnects.
 */
export function watchSubscriptions(server: McpServer, organizationId: string, stamp: ApprovalsStamp, log: Logger, pollMs = SUBSCRIPTION_POLL_MS): void {
  const subscribed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let last: string | undefined;

  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const poll = async () => {
    if (!server.isConnected()) return stop();
    try {
      const current = await stamp(organizationId);
      if (last !== undefined && current !== last) {
        for (const uri of subscribed) await server.server.sendResourceUpdated({ uri });
      }
      last = current;
    } catch (error) {
      log.warn('approvals subscription poll failed', { error: String(error) });
    }
  };

  server.server.registerCapabilities({ resources: { subscribe: true } });
  server.server.setRequestHandler(SubscribeRequestSchema, async (request) => {
    if (request.params.uri !== PENDING_APPROVALS_URI) {
      throw new McpError(ErrorCode.InvalidParams, `Only ${PENDING_APPROVALS_URI} can be subscribed to; other resources are read on demand.`);
    }
    subscribed.add(request.params.uri);
    if (!timer) {
      last = await stamp(organizationId);
      timer = setInterval(() => void poll(), pollMs);
      timer.unref();
    }
    return {};
  });
  server.server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
    subscribed.delete(request.params.uri);
    if (subscribed.size === 0) stop();
    return {};
  });
}
