import type { App as BoltAppType } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { Router } from 'express';
import type { Agent } from '../agent/create-agent.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Notifier } from '../jobs/notifier.ts';
import type { Logger } from '../tools/registry/context.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import { ApprovalMessages } from './approval-messages.ts';
import { App, ExpressReceiver } from './bolt.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerAgentMessages } from './listeners/agent-messages.ts';
import { registerAppHome } from './listeners/app-home.ts';
import { registerDigestActions } from './listeners/digest-actions.ts';
import { registerApprovalActions } from './listeners/approval-actions.ts';
import { dedupeDeliveries } from './listeners/dedupe-deliveries.ts';
import { registerSlashCommand } from './listeners/slash-command.ts';
import { registerTurnActions } from './listeners/turn-actions.ts';
import { registerConfirmationActions } from './listeners/confirmation-actions.ts';
import { rejectSkewedSlackRequests } from './request-freshness.ts';
import { SlackConnection, type SlackHealth } from './slack-connection.ts';
import { connectSocketMode } from './socket-mode-connection.ts';
import type { SlackContext } from './slack-context.ts';
import { createSlackNotifier } from './slack-notifier.ts';
import { webClientOptions, type SlackSettings } from './slack-settings.ts';
import { SlackIdentities } from './tenancy/slack-identity.ts';
import { ThreadTurns } from './turns/thread-turns.ts';

export interface SlackBotDeps {
  prisma: PrismaClient;
  runner: ToolRunner;
  agent: Agent;
  log: Logger;
  settings: SlackSettings;
  /** The web UI's public base URL (links in digests and the App Home), or null when none is known. */
  webUrl?: () => string | null;
  /**
   * Hold each HTTP response until its listeners finish. Off in production, so Slack gets its ack
   * at once and the agent works after it; tests turn it on to read the outcome after the request.
   */
  processBeforeResponse?: boolean;
}

export interface SlackBot {
  app: BoltAppType;
  /** POST handler for the Events API, interactivity and slash commands: mount at /slack/events. Null in Socket Mode. */
  router: Router | null;
  /** The bot's Web API client (SLACK_API_URL honoured). */
  client: WebClient;
  /** What jobs use to post digests, alerts and approval notices. */
  notifier: Notifier;
  /** Whether Slack accepts the bot token right now, and if not why and what to do: for GET /health. */
  health(): SlackHealth;
  /**
   * Checks the bot token in the background and connects Socket Mode. Never fails because of
   * Slack: a refused token or an unreachable Slack is logged, reported by health() and retried.
   */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Slack bot, built once: Bolt over HTTP (timestamps held to a small skew here, signatures
 * verified by Bolt's receiver, mounted on the main express app) or Socket Mode when an app token
 * is given. Every delivery passes the retry dedupe, then the listeners: mentions and DMs to the
 * agent, approval buttons, /crescendo. The bot token is checked by SlackConnection, not by Bolt,
 * so that a Slack failure degrades Slack only.
 */
export function buildSlackApp(deps: SlackBotDeps): SlackBot {
  const { settings } = deps;
  const logger = boltLogger(deps.log);
  const clientOptions = webClientOptions(settings);
  const connection = new SlackConnection({ botToken: settings.botToken, client: tokenCheckClient(settings, logger), log: deps.log, apiUrl: settings.apiUrl });
  const socketMode = Boolean(settings.appToken);
  let receiver: InstanceType<typeof ExpressReceiver> | null = null;
  let app: BoltAppType;
  if (socketMode) {
    app = new App({ authorize: connection.authorize, appToken: settings.appToken, socketMode: true, clientOptions, logger });
  } else {
    if (!settings.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required to receive Slack requests over HTTP (or set SLACK_APP_TOKEN for Socket Mode)');
    receiver = new ExpressReceiver({ signingSecret: settings.signingSecret, endpoints: '/', processBeforeResponse: deps.processBeforeResponse ?? false, logger });
    app = new App({ authorize: connection.authorize, receiver, clientOptions, logger });
  }

  const ctx: SlackContext = {
    prisma: deps.prisma,
    runner: deps.runner,
    agent: deps.agent,
    log: deps.log,
    identities: new SlackIdentities(deps.prisma),
    approvals: new ApprovalMessages(deps.prisma),
    turns: new ThreadTurns(),
    webUrl: deps.webUrl ?? (() => null),
  };
  app.use(dedupeDeliveries(deps.prisma, deps.log));
  registerAgentMessages(app, ctx);
  registerApprovalActions(app, ctx);
  registerSlashCommand(app, ctx);
  registerTurnActions(app, ctx);
  registerConfirmationActions(app, ctx);
  registerAppHome(app, ctx);
  registerDigestActions(app, ctx);
  app.error(async (error) => {
    // A refused authorisation was already reported by the connection (once, with what to do).
    if (error.code === 'slack_bolt_authorization_error') return;
    const cause = (error as { original?: unknown }).original ?? error;
    connection.reportFailure(cause);
    deps.log.error('slack listener failed', { error: error.stack ?? error.message });
  });

  const client = new WebClient(settings.botToken, { ...clientOptions, logger });
  let socket: ReturnType<typeof connectSocketMode> | null = null;
  const router = receiver ? Router().use(rejectSkewedSlackRequests(deps.log), receiver.router as Router) : null;
  return {
    app,
    router,
    client,
    notifier: createSlackNotifier({ prisma: deps.prisma, client, log: deps.log, webUrl: ctx.webUrl, onConnectionFailure: (error) => connection.reportFailure(error) }),
    health: () => connection.health(),
    async start() {
      connection.start();
      if (socketMode) socket = connectSocketMode(app, deps.log);
    },
    async stop() {
      connection.stop();
      await socket?.stop();
    },
  };
}

/** The client that checks the bot token: no retries of its own (SlackConnection backs off) and no per-failure warnings. */
function tokenCheckClient(settings: SlackSettings, logger: ReturnType<typeof boltLogger>): WebClient {
  return new WebClient(settings.botToken, { ...webClientOptions(settings), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 10_000, logger: { ...logger, warn() {}, info() {} } });
}
