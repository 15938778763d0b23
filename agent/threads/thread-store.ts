import type { ModelMessage } from 'ai';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Surface } from '../../db/generated/prisma/enums.ts';
import { uuidV7 } from '../../db/uuid-v7.ts';
import { notFound } from '../../tools/registry/errors.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import { scopeToOrganization, type TenantClient } from '../../tools/registry/tenant-scope.ts';
import type { AnswerCheckOutcome } from '../guardrails/answer-check.ts';
import type { DataFlag } from '../guardrails/instruction-detector.ts';
import type { TurnUsage } from '../usage.ts';
import { messageText } from './message-text.ts';

/** Which conversation a message continues: a thread id, a surface's key (a Slack thread), or a new one. */
export interface ThreadRef {
  threadId?: string;
  externalKey?: string;
}

export interface StoredThread {
  id: string;
  channel: Surface;
  title: string | null;
  summary: string | null;
  summarizedThroughId: string | null;
}

export interface StoredMessage {
  id: string;
  message: ModelMessage;
}

export interface ThreadTotals {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number | null;
  messages: number;
}

/** One turn as stored. */
export interface RecordedTurn {
  messages: readonly ModelMessage[];
  usage?: TurnUsage;
  costUsd?: number | null;
  answerCheck?: AnswerCheckOutcome;
  dataFlags?: readonly DataFlag[];
}

const TITLE_CHARS = 80;

/**
 * Conversations, stored per organisation. Every query goes through the registry's tenant scope,
 * so a thread id from another organisation is simply not found. Threads without an external key
 * (web chats, terminal sessions) are private to the person who started them; threads with one
 * (a Slack thread) are shared by everyone who can post there.
 */
export class ThreadStore {
  private readonly scoped = new Map<string, TenantClient>();

  constructor(private readonly prisma: PrismaClient) {}

  /** The thread the reference names, or a new one; `not_found` when it names one the principal cannot see. */
  async open(principal: Principal, channel: Surface, ref: ThreadRef, firstMessage: string): Promise<StoredThread> {
    const db = this.db(principal.orgId);
    if (ref.threadId) {
      const thread = await db.agentThread.findFirst({ where: { id: ref.threadId } });
      if (!thread || !visibleTo(thread, principal)) throw notFound('conversation', ref.threadId);
      return toStoredThread(thread);
    }
    if (ref.externalKey) {
      const existing = await db.agentThread.findFirst({ where: { externalKey: ref.externalKey } });
      if (existing) return toStoredThread(existing);
    }
    const created = await db.agentThread.create({
      data: {
        id: uuidV7(),
        organizationId: principal.orgId,
        createdById: principal.userId,
        channel,
        externalKey: ref.externalKey ?? null,
        title: firstMessage.trim().replace(/\s+/g, ' ').slice(0, TITLE_CHARS) || null,
      },
    });
    return toStoredThread(created);
  }

  /** The messages the model still sees in full: those after the summarised part. */
  async recentMessages(orgId: string, thread: StoredThread): Promise<StoredMessage[]> {
    const rows = await this.db(orgId).agentMessage.findMany({
      where: { threadId: thread.id, ...(thread.summarizedThroughId ? { id: { gt: thread.summarizedThroughId } } : {}) },
      orderBy: { id: 'asc' },
      select: { id: true, content: true },
    });
    return rows.map((row) => ({ id: row.id, message: row.content as unknown as ModelMessage }));
  }

  /**
   * Appends a turn's messages and adds its usage to the thread's totals, in one transaction. The
   * turn's usage, answer check and data flags go on its last message, the one that ended it.
   */
  async recordTurn(orgId: string, threadId: string, turn: RecordedTurn): Promise<void> {
    const { messages, usage, costUsd } = turn;
    const dataFlags = turn.dataFlags?.length ? turn.dataFlags : undefined;
    await this.db(orgId).$transaction(async (tx) => {
      if (messages.length) {
        await tx.agentMessage.createMany({
          data: messages.map((message, index) => ({
            id: uuidV7(),
            organizationId: orgId,
            threadId,
            role: message.role === 'assistant' ? 'ASSISTANT' : message.role === 'tool' ? 'TOOL' : 'USER',
            content: message as object,
            text: messageText(message),
            ...(index === messages.length - 1
              ? {
                  ...(usage ? { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens } : {}),
                  ...(turn.answerCheck ? { answerCheck: turn.answerCheck as object } : {}),
                  ...(dataFlags ? { dataFlags: dataFlags as object[] } : {}),
                }
              : {}),
          })),
        });
      }
      await tx.agentThread.update({
        where: { id: threadId },
        data: {
          updatedAt: new Date(),
          ...(usage
            ? {
                inputTokens: { increment: usage.inputTokens },
                outputTokens: { increment: usage.outputTokens },
                cacheReadTokens: { increment: usage.cacheReadTokens },
                cacheWriteTokens: { increment: usage.cacheWriteTokens },
              }
            : {}),
        },
      });
      if (costUsd != null) await addCost(tx as unknown as TenantClient, threadId, costUsd);
    });
  }

  async saveSummary(orgId: string, threadId: string, summary: string, summarizedThroughId: string): Promise<void> {
    await this.db(orgId).agentThread.update({ where: { id: threadId }, data: { summary, summarizedThroughId } });
  }

  /** Running totals of a thread the principal can see. */
  async totals(principal: Principal, threadId: string): Promise<ThreadTotals> {
    const db = this.db(principal.orgId);
    const thread = await db.agentThread.findFirst({ where: { id: threadId } });
    if (!thread || !visibleTo(thread, principal)) throw notFound('conversation', threadId);
    const messages = await db.agentMessage.count({ where: { threadId } });
    return {
      inputTokens: thread.inputTokens,
      outputTokens: thread.outputTokens,
      cacheReadTokens: thread.cacheReadTokens,
      cacheWriteTokens: thread.cacheWriteTokens,
      costUsd: thread.costUsd === null ? null : Number(thread.costUsd),
      messages,
    };
  }

  private db(orgId: string): TenantClient {
    let client = this.scoped.get(orgId);
    if (!client) {
      client = scopeToOrganization(this.prisma, orgId, { write: true, approvals: false, access: false });
      this.scoped.set(orgId, client);
    }
    return client;
  }
}

/** The thread's first priced turn sets the cost (SQL adds nothing to a null); later ones add to it. */
async function addCost(db: TenantClient, threadId: string, costUsd: number): Promise<void> {
  const first = await db.agentThread.updateMany({ where: { id: threadId, costUsd: null }, data: { costUsd } });
  if (first.count === 0) await db.agentThread.update({ where: { id: threadId }, data: { costUsd: { increment: costUsd } } });
}

function visibleTo(thread: { externalKey: string | null; createdById: string | null }, principal: Principal): boolean {
  return thread.externalKey !== null || thread.createdById === null || thread.createdById === principal.userId;
}

function toStoredThread(row: { id: string; channel: Surface; title: string | null; summary: string | null; summarizedThroughId: string | null }): StoredThread {
  return { id: row.id, channel: row.channel, title: row.title, summary: row.summary, summarizedThroughId: row.summarizedThroughId };
}
