import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  LoggingMessageNotificationSchema,
  PromptListChangedNotificationSchema,
  ReadResourceRequestSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  SubscribeRequestSchema,
  ToolListChangedNotificationSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';

export interface StdioForwarderOptions {
  /** The running server's MCP endpoint, with its toolsets and read-only query, e.g. http://localhost:3000/mcp?toolsets=all. */
  url: URL;
  /** Sent with every request to it (the Authorization of the member the flags name). */
  headers: Record<string, string>;
  version: string;
  /** The MCP client's side; stdin/stdout by default. */
  downstream?: Transport;
}

/** A tool call may run for minutes (a big report); progress notifications keep it alive. */
const CALL_TIMEOUT_MS = 10 * 60_000;

/**
 * `crescendo mcp` while `crescendo start` holds the embedded database: a stdio MCP server that is
 * the running server's /mcp session, relayed both ways. Requests (tools, resources, prompts,
 * completions) go up as they came; progress, list_changed, resource updates and log messages come
 * back down. The session's tools are the server's own, so discovery and toolsets behave the same.
 * Resolves when either side closes.
 */
export async function forwardStdioToHttp(options: StdioForwarderOptions): Promise<void> {
  const upstream = new Client({ name: 'crescendo-mcp-forwarder', version: options.version });
  await upstream.connect(new StreamableHTTPClientTransport(options.url, { requestInit: { headers: options.headers } }));
  const capabilities = upstream.getServerCapabilities() ?? {};
  const info = upstream.getServerVersion() ?? { name: 'crescendo', version: options.version };
  const server = new Server({ name: info.name, version: info.version }, { capabilities, instructions: upstream.getInstructions() });
  relayRequests(server, upstream, capabilities);
  relayNotifications(server, upstream);

  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    upstream.onclose = () => resolve();
  });
  await server.connect(options.downstream ?? new StdioServerTransport());
  await closed;
  await Promise.allSettled([server.close(), upstream.close()]);
}

function relayRequests(server: Server, upstream: Client, capabilities: NonNullable<ReturnType<Client['getServerCapabilities']>>): void {
  if (capabilities.tools) {
    server.setRequestHandler(ListToolsRequestSchema, (request) => upstream.listTools(request.params));
    server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
      const progressToken = request.params._meta?.progressToken;
      let relayed: Promise<unknown> = Promise.resolve();
      const result = await upstream.callTool(request.params, undefined, {
        signal: extra.signal,
        timeout: CALL_TIMEOUT_MS,
        resetTimeoutOnProgress: true,
        // The client's own token goes back with each progress step: it matches them to its call.
        onprogress: progressToken === undefined ? undefined : (progress) => {
          const step = extra.sendNotification({ method: 'notifications/progress', params: { ...progress, progressToken } }).catch(() => {});
          relayed = relayed.then(() => step);
        },
      });
      // The client stops listening for a call's progress once its answer arrives: the last step goes first.
      await relayed;
      return result;
    });
  }
  if (capabilities.resources) {
    server.setRequestHandler(ListResourcesRequestSchema, (request) => upstream.listResources(request.params));
    server.setRequestHandler(ListResourceTemplatesRequestSchema, (request) => upstream.listResourceTemplates(request.params));
    server.setRequestHandler(ReadResourceRequestSchema, (request) => upstream.readResource(request.params));
    if (capabilities.resources.subscribe) {
      server.setRequestHandler(SubscribeRequestSchema, (request) => upstream.subscribeResource(request.params));
      server.setRequestHandler(UnsubscribeRequestSchema, (request) => upstream.unsubscribeResource(request.params));
    }
  }
  if (capabilities.prompts) {
    server.setRequestHandler(ListPromptsRequestSchema, (request) => upstream.listPrompts(request.params));
    server.setRequestHandler(GetPromptRequestSchema, (request) => upstream.getPrompt(request.params));
  }
  if (capabilities.completions) server.setRequestHandler(CompleteRequestSchema, (request) => upstream.complete(request.params));
}

function relayNotifications(server: Server, upstream: Client): void {
  upstream.setNotificationHandler(ToolListChangedNotificationSchema, () => server.sendToolListChanged());
  upstream.setNotificationHandler(ResourceListChangedNotificationSchema, () => server.sendResourceListChanged());
  upstream.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => server.sendResourceUpdated(notification.params));
  upstream.setNotificationHandler(PromptListChangedNotificationSchema, () => server.sendPromptListChanged());
  upstream.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => server.sendLoggingMessage(notification.params));
}
