import type { Agent } from '../agent/create-agent.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Logger } from '../tools/registry/context.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import type { ApprovalMessages } from './approval-messages.ts';
import type { SlackIdentities } from './tenancy/slack-identity.ts';
import type { ThreadTurns } from './turns/thread-turns.ts';

/** What every listener uses: the database, the registry and agent, and Slack-side state. */
export interface SlackContext {
  prisma: PrismaClient;
  runner: ToolRunner;
  agent: Agent;
  log: Logger;
  identities: SlackIdentities;
  approvals: ApprovalMessages;
  /** The turn running in each thread (one at a time), for the Cancel button. */
  turns: ThreadTurns;
  /** The web UI's public base URL for links, or null when none is known (links are then left out). */
  webUrl: () => string | null;
}

/** The conversation key of a Slack thread: one agent thread per workspace, channel and thread. */
export function threadKey(teamId: string, channel: string, threadTs: string): string {
  return `slack:${teamId}:${channel}:${threadTs}`;
}

/** The team of any Slack payload: events and commands carry team_id, interactions team.id. */
export function teamOf(body: Record<string, unknown>): string | undefined {
  if (typeof body.team_id === 'string') return body.team_id;
  const team = body.team as { id?: unknown } | undefined;
  return typeof team?.id === 'string' ? team.id : undefined;
}
