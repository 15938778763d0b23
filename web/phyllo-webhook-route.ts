import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Logger } from '../tools/registry/context.ts';
import type { Principal, ToolRunner } from '../tools/registry/runner.ts';
import { PHYLLO_EVENTS, type PhylloEvent } from '../tools/creators/phyllo/index.ts';
import { phylloSettings } from '../tools/creators/phyllo/phyllo-settings.ts';
import { phylloSignatureMatches, SIGNATURE_HEADERS } from '../tools/creators/phyllo/webhook-signature.ts';

export const PHYLLO_WEBHOOK_PATH = '/api/webhooks/phyllo';
/** Events older (or further in the future) than this are refused as stale or replayed. */
export const WEBHOOK_TOLERANCE_MS = 5 * 60_000;
const PROVIDER = 'phyllo';

export interface PhylloWebhookDeps {
  prisma: PrismaClient;
  runner: ToolRunner;
  log: Logger;
  now?: () => Date;
}

const eventBody = z.object({
  id: z.string().min(1).max(200),
  event: z.string().min(1).max(100),
  data: z
    .object({
      account_id: z.string().max(200).nullish(),
      user_id: z.string().max(200).nullish(),
      last_updated_time: z.string().max(64).nullish(),
    })
    .passthrough(),
});

/**
 * POST /api/webhooks/phyllo: Phyllo's events about creators' accounts. No bearer token comes with
 * a webhook, so the signature is the credential: the hex HMAC-SHA256 of the raw body with
 * PHYLLO_WEBHOOK_SECRET, compared in constant time; unsigned or badly signed deliveries get 401.
 * Phyllo's scheme has no signed timestamp, so the event's own `data.last_updated_time` decides
 * freshness: more than 5 minutes away from now is refused (401) as stale or replayed. Phyllo
 * retries undelivered events, and the daily sync catches up on anything refused.
 *
 * A verified event is claimed once by its id (WebhookReceipt, provider 'phyllo'), so a
 * redelivery does nothing twice, and handed to `sync_creator` as the creator's organisation (found
 * from the Phyllo user id, else the account id): a disconnection is recorded at once, anything
 * else queues the creator's sync. If that call fails, the claim is released so Phyllo's retry is
 * handled. The body is data, never instructions; nothing of it is logged but ids.
 */
export function phylloWebhookRoute(deps: PhylloWebhookDeps) {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  router.post(PHYLLO_WEBHOOK_PATH, express.raw({ type: () => true, limit: '512kb' }), async (request, response) => {
    const secret = phylloSettings().webhookSecret;
    if (!secret) return refuse(response, 503, 'unavailable', 'PHYLLO_WEBHOOK_SECRET is not set, so no Phyllo event can be verified. Set it to the secret of the webhook registered with Phyllo and restart.');
    const raw: Buffer = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = SIGNATURE_HEADERS.map((name) => request.get(name)).find((value) => value && value.trim() !== '');
    if (!signature) return refuse(response, 401, 'unsigned', 'The event carries no Webhook-Signature header: only events Phyllo signed are accepted.');
    if (!phylloSignatureMatches(secret, raw, signature)) return refuse(response, 401, 'bad_signature', 'The Webhook-Signature does not match the body: the event was not signed with this webhook secret, or it was changed on the way.');

    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(response, 400, 'invalid_body', 'The body is not JSON.');
    }
    const parsed = eventBody.safeParse(json);
    if (!parsed.success) return refuse(response, 400, 'invalid_body', `The body is not a Phyllo event (${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message}).`);
    const event = parsed.data;
    const sentAt = phylloTime(event.data.last_updated_time);
    if (!sentAt) return refuse(response, 400, 'invalid_body', 'The event has no readable data.last_updated_time, so its age cannot be checked.');
    if (Math.abs(now().getTime() - sentAt.getTime()) > WEBHOOK_TOLERANCE_MS) {
      return refuse(response, 401, 'stale', `The event is from ${sentAt.toISOString()}, more than 5 minutes from now: refused as stale or replayed (the daily sync catches up).`);
    }
    if (!(PHYLLO_EVENTS as readonly string[]).includes(event.event)) return void response.json({ received: true, ignored: `Crescendo does not act on ${event.event}.` });

    const creator = await findCreator(deps.prisma, event.data.user_id ?? null, event.data.account_id ?? null);
    if (!creator) {
      deps.log.warn('phyllo event for an unknown user', { eventId: event.id, event: event.event });
      return void response.json({ received: true, ignored: 'No creator in Crescendo has this Phyllo user or account.' });
    }
    try {
      await deps.prisma.webhookReceipt.create({ data: { provider: PROVIDER, eventId: event.id } });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') return void response.json({ received: true, duplicate: true });
      throw error;
    }
    const principal: Principal = { orgId: creator.organizationId, userId: null, role: 'CAMPAIGN_MANAGER', surface: 'HTTP' };
    const input = { creator_id: creator.id, event: event.event as PhylloEvent, ...(event.data.account_id ? { phyllo_account_id: event.data.account_id } : {}) };
    const result = await deps.runner.call('sync_creator', input, principal);
    if (!result.ok) {
      await deps.prisma.webhookReceipt.delete({ where: { provider_eventId: { provider: PROVIDER, eventId: event.id } } }).catch(() => undefined);
      deps.log.warn('phyllo event not handled', { eventId: event.id, event: event.event, code: result.error.code });
      const status = result.error.code === 'unavailable' ? 503 : result.error.code === 'internal' ? 500 : 422;
      return refuse(response, status, result.error.code, result.error.message);
    }
    response.json({ received: true, event: event.event, status: (result.output as { status: string }).status });
  });
  return router;
}

/** Phyllo writes times as ISO without a zone (UTC, with microseconds). */
function phylloTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

async function findCreator(prisma: PrismaClient, userId: string | null, accountId: string | null): Promise<{ id: string; organizationId: string } | null> {
  if (userId) {
    const creator = await prisma.creator.findFirst({ where: { phylloUserId: userId }, select: { id: true, organizationId: true } });
    if (creator) return creator;
  }
  if (accountId) {
    const platform = await prisma.creatorPlatform.findFirst({ where: { phylloAccountId: accountId }, select: { creatorId: true, organizationId: true } });
    if (platform) return { id: platform.creatorId, organizationId: platform.organizationId };
  }
  return null;
}

function refuse(response: Response, status: number, code: string, message: string): void {
  response.status(status).set('cache-control', 'no-store').json({ error: { code, message } });
}
