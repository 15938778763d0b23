import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { LanguageModel } from 'ai';
import { createAgent } from '../../agent/create-agent.ts';
import { estimatingTokenCounter } from '../../agent/model/token-counter.ts';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../db/testing/test-database.ts';
import { InProcessJobQueue } from '../../jobs/in-process-queue.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import { fixturePayVendor } from '../../tools/testing/fixture-tools.ts';
import { createTestOrganization, type TestOrganization } from '../../tools/testing/fixtures.ts';
import { buildWebApp } from '../../web/app.ts';
import { buildSlackApp, type SlackBot } from '../slack-app.ts';
import { connectWorkspace } from '../tenancy/workspaces.ts';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api.ts';
import { slackSender } from './signed-request.ts';

export const SIGNING_SECRET = 'test-signing-secret';
export const TEAM_A = 'TA000001';
export const TEAM_B = 'TB000002';
/** The web UI's public URL the bot links to. */
export const WEB_URL = 'http://crescendo.test';

export interface SlackTestWorld {
  database: Database;
  runner: ToolRunner;
  jobs: InProcessJobQueue;
  slack: FakeSlackApi;
  bot: SlackBot;
  /** Organisation A, connected to workspace TEAM_A; B to TEAM_B. */
  orgA: TestOrganization;
  orgB: TestOrganization;
  send: ReturnType<typeof slackSender>;
  /** What the scripted model answers, settable per test (its argument is the call index). */
  setModel(model: LanguageModel | null): void;
  close(): Promise<void>;
}

/**
 * The real express app with the real Bolt app mounted at /slack/events, over a fresh database
 * with two organisations (each bound to its own Slack workspace), the real catalogue plus the
 * pay-vendor approval fixture, the in-process job queue notifying through the Slack notifier,
 * and a loopback fake of the Slack Web API receiving every call.
 */
export async function openSlackTestWorld(options: { processBeforeResponse?: boolean } = {}): Promise<SlackTestWorld> {
  const database = await openTestDatabase();
  const slack = await startFakeSlackApi({ teamId: TEAM_A });
  const jobs = new InProcessJobQueue();
  const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue([...createCatalogue().list(), fixturePayVendor]), jobs, approvalUrl: (id) => `http://crescendo.test/approvals/${id}` });
  let model: LanguageModel | null = null;
  const agentFor = () => createAgent({ runner, prisma: database.prisma, model: model && { languageModel: model, modelId: 'claude-sonnet-4-6', tokenCounter: estimatingTokenCounter } });
  // The agent is rebuilt when a test swaps the model; listeners see the current one through this proxy.
  let agent = agentFor();
  const agentProxy = {
    get modelId() { return agent.modelId; },
    stream: (request: Parameters<typeof agent.stream>[0]) => agent.stream(request),
    ask: (request: Parameters<typeof agent.ask>[0]) => agent.ask(request),
    decide: (request: Parameters<typeof agent.decide>[0]) => agent.decide(request),
    decideAndWait: (request: Parameters<typeof agent.decide>[0]) => agent.decideAndWait(request),
  };
  const bot = buildSlackApp({
    prisma: database.prisma, runner, agent: agentProxy, log: silentLogger,
    settings: { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: undefined, apiUrl: slack.apiUrl },
    processBeforeResponse: options.processBeforeResponse ?? true,
    webUrl: () => WEB_URL,
  });
  jobs.bind({ prisma: database.prisma, runner, log: silentLogger, notifier: bot.notifier });
  const web = buildWebApp({ database, runner, log: silentLogger, version: 'test', slack: bot.router ?? undefined });
  const server: Server = await new Promise((resolve) => {
    const listening = web.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

  const orgA = await createTestOrganization(database, 'slack-a');
  const orgB = await createTestOrganization(database, 'slack-b');
  await connectWorkspace(database.prisma, { teamId: TEAM_A, organizationId: orgA.id });
  await connectWorkspace(database.prisma, { teamId: TEAM_B, organizationId: orgB.id });

  return {
    database, runner, jobs, slack, bot, orgA, orgB,
    send: slackSender(url, SIGNING_SECRET),
    setModel(next) {
      model = next;
      agent = agentFor();
    },
    async close() {
      await jobs.drain();
      await new Promise((resolve) => server.close(resolve));
      await slack.close();
      await database.close();
    },
  };
}

let sequence = 0;

/** An Events API callback as Slack sends it, with a fresh event id. */
export function eventCallback(teamId: string, event: Record<string, unknown>, eventId = `Ev${Date.now()}${++sequence}`) {
  return { token: 'legacy', team_id: teamId, api_app_id: 'A0001', type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), event };
}

/** A block_actions payload for one button click. */
export function buttonClick(teamId: string, slackUserId: string, actionId: string, value: string, message: { channel: string; ts: string; ephemeral?: boolean }, responseUrl: string) {
  const actionTs = `${Date.now() / 1000}${++sequence}`;
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'fake' },
    user: { id: slackUserId, username: slackUserId, team_id: teamId },
    api_app_id: 'A0001',
    trigger_id: `trigger-${actionTs}`,
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: message.ephemeral ?? false },
    channel: { id: message.channel, name: 'marketing' },
    message: { ts: message.ts, text: 'Approval needed' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: `approval:${value}`, value, action_ts: actionTs, text: { type: 'plain_text', text: 'Approve' } }],
  };
}

/** A /crescendo slash command as Slack posts it. */
export function slashCommand(teamId: string, slackUserId: string, channel: string, text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy', team_id: teamId, team_domain: 'fake', channel_id: channel, channel_name: 'marketing', user_id: slackUserId, user_name: slackUserId,
    command: '/crescendo', text, api_app_id: 'A0001', response_url: responseUrl, trigger_id: `trigger-cmd-${Date.now()}-${++sequence}`,
  };
}
