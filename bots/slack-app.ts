import type { App as BoltAppType } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Router } from 'express';
import type { Agent } from '../agent/create-agent.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Notifier } from '../jobs/notifier.ts';
import type { Logger } from '../tools/registry/context.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import { ApprovalMessages } from './approval-messages.ts';
import { App, ExpressReceiver } from './bolt.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerAgentMessages } from './listeners/agent-messages.ts';
import { registerApprovalActions } from './listeners/approval-actions.ts';
import { dedupeDeliveries } from './listeners/dedupe-deliveries.ts';
import { registerSlashCommand } from './listeners/slash-command.ts';
import type { SlackContext } from './slack-context.ts';
import { createSlackNotifier } from './slack-notifier.ts';
import { webClientOptions, type SlackSettings } from './slack-settings.ts';
import { SlackIdentities } from './tenancy/slack-identity.ts';

export interface SlackBotDeps {
  prisma: PrismaClient;
  runner: ToolRunner;
  agent: Agent;
  log: Logger;
  settings: SlackSettings;
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
  /** Connects Socket Mode; nothing to do over HTTP (the web app serves the router). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Slack bot, built once: Bolt over HTTP (signatures verified by Bolt's receiver, mounted on
 * the main express app) or Socket Mode when an app token is given. Every delivery passes the
 * retry dedupe, then the listeners: mentions and DMs to the agent, approval buttons, /crescendo.
 */
export function buildSlackApp(deps: SlackBotDeps): SlackBot {
  const { settings } = deps;
  const logger = boltLogger(deps.log);
  const clientOptions = webClientOptions(settings);
  const socketMode = Boolean(settings.appToken);
  let receiver: InstanceType<typeof ExpressReceiver> | null = null;
  let app: BoltAppType;
  if (socketMode) {
    app = new App({ token: settings.botToken, appToken: settings.appToken, socketMode: true, clientOptions, logger });
  } else {
    if (!settings.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required to receive Slack requests over HTTP (or set SLACK_APP_TOKEN for Socket Mode)');
    receiver = new ExpressReceiver({ signingSecret: settings.signingSecret, endpoints: '/', processBeforeResponse: deps.processBeforeResponse ?? false, logger });
    app = new App({ token: settings.botToken, receiver, clientOptions, logger });
  }

  const ctx: SlackContext = {
    prisma: deps.prisma,
    runner: deps.runner,
    agent: deps.agent,
    log: deps.log,
    identities: new SlackIdentities(deps.prisma),
    approvals: new ApprovalMessages(deps.prisma),
  };
  app.use(dedupeDeliveries(deps.prisma, deps.log));
  registerAgentMessages(app, ctx);
  registerApprovalActions(app, ctx);
  registerSlashCommand(app, ctx);
  app.error(async (error) => {
    deps.log.error('slack listener failed', { error: error.stack ?? error.message });
  });

  const client = new WebClient(settings.botToken, clientOptions);
  return {
    app,
    router: receiver ? (receiver.router as Router) : null,
    client,
    notifier: createSlackNotifier({ prisma: deps.prisma, client, log: deps.log }),
    async start() {
      if (socketMode) await app.start();
    },
    async stop() {
      if (socketMode) await app.stop();
    },
  };
}
