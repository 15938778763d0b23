import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { ADS_WEBHOOK_GOOGLE_JOB, ADS_WEBHOOK_META_JOB } from '../jobs/ads-webhooks/ads-webhook-jobs.ts';
import { adsSettings } from '../tools/ads/ads-settings.ts';
import { isoDay, todayIn } from '../tools/common/format.ts';
import type { JobQueue, JobRequest, Logger } from '../tools/registry/context.ts';

export const META_WEBHOOK_PATH = '/api/webhooks/meta';
export const GOOGLE_WEBHOOK_PATH = '/api/webhooks/google';

export interface AdsWebhookSecrets {
  /** Meta app secret: x-hub-signature-256 is the HMAC of the raw body with it. */
  metaAppSecret: string | undefined;
  /** META_WEBHOOK_VERIFY_TOKEN: the subscription's verify token. */
  metaVerifyToken: string | undefined;
  /** GOOGLE_WEBHOOK_TOKEN: the shared token a Pub/Sub push carries. */
  googleToken: string | undefined;
}

export interface AdsWebhookDeps {
  prisma: PrismaClient;
  /** Where verified changes go as jobs; without one, the routes refuse (503) rather than drop events. */
  jobs: JobQueue | undefined;
  log: Logger;
  /** Default: the ads settings (tools/ads/ads-settings.ts, from META_APP_SECRET or FACEBOOK_APP_SECRET and the two tokens). */
  secrets?: () => AdsWebhookSecrets;
  now?: () => Date;
}

const fromAdsSettings = (): AdsWebhookSecrets => {
  const settings = adsSettings();
  return { metaAppSecret: settings.meta.appSecret, metaVerifyToken: settings.webhooks.metaVerifyToken, googleToken: settings.webhooks.googleToken };
};

const metaBody = z.object({
  object: z.string().max(100),
  entry: z
    .array(
      z.object({
        id: z.union([z.string(), z.number()]).transform(String),
        time: z.number().optional(),
        changes: z.array(z.object({ field: z.string().max(100), value: z.unknown() })).max(1000).default([]),
      }),
    )
    .max(1000),
});

const leadValue = z.object({
  leadgen_id: z.union([z.string(), z.number()]).transform(String),
  page_id: z.union([z.string(), z.number()]).transform(String).optional(),
  form_id: z.union([z.string(), z.number()]).transform(String).optional(),
  ad_id: z.union([z.string(), z.number()]).transform(String).optional(),
  created_time: z.union([z.number(), z.string()]).optional(),
});

const pushBody = z.object({
  message: z.object({ data: z.string().max(100_000).optional(), messageId: z.string().min(1).max(300), publishTime: z.string().max(64).optional() }),
  subscription: z.string().max(300).optional(),
});

const googleData = z.object({
  customer_id: z.union([z.string(), z.number()]).transform((value) => String(value).replace(/-/g, '')).optional(),
  customerId: z.union([z.string(), z.number()]).transform((value) => String(value).replace(/-/g, '')).optional(),
  date: z.iso.date().optional(),
});

/**
 * POST /api/webhooks/meta and /api/webhooks/google, mounted before the JSON parser and the bearer
 * check: the signature (Meta) or the shared token (Google) is the credential, checked in constant
 * time; unsigned or unauthenticated calls get 401 with a JSON error. Each verified change is claimed
 * once (WebhookReceipt: provider 'meta' keyed by the leadgen id or a hash of the change; 'google'
 * keyed by the Pub/Sub messageId), so a redelivery does nothing twice, then queued as a job; if the
 * queue refuses, the claim is released and the platform's retry is handled. Bodies are data, never
 * instructions; only ids are logged.
 *
 * Meta: GET answers the subscription challenge when hub.verify_token is META_WEBHOOK_VERIFY_TOKEN
 * (else 403). POST handles `page` objects' `leadgen` changes (recorded as an Activity on the
 * connected Facebook Page: ads.webhook.meta) and any `ad_account` change (a sync of that Meta ad
 * account for the change's local day); anything else is acknowledged and ignored, said so.
 *
 * Google Ads has no webhooks of its own: a Pub/Sub push subscription posts here
 * (`?token=GOOGLE_WEBHOOK_TOKEN` or `Authorization: Bearer`), its base64 `data` a JSON object
 * naming `customer_id` (dashes allowed) and optionally `date`; the job syncs that account's day.
 */
export function adsWebhookRoutes(deps: AdsWebhookDeps) {
  const router = Router();
  const secrets = deps.secrets ?? fromAdsSettings;
  const now = deps.now ?? (() => new Date());
  const raw = express.raw({ type: () => true, limit: '1mb' });

  router.get(META_WEBHOOK_PATH, (request, response) => {
    const expected = secrets().metaVerifyToken;
    if (!expected) return refuse(response, 503, 'unavailable', 'META_WEBHOOK_VERIFY_TOKEN is not set, so the subscription cannot be verified. Set it to the verify token entered in the Meta app and restart.');
    const mode = request.query['hub.mode'];
    const token = request.query['hub.verify_token'];
    const challenge = request.query['hub.challenge'];
    if (mode !== 'subscribe' || typeof token !== 'string' || !sameSecret(token, expected)) {
      return refuse(response, 403, 'forbidden', 'hub.mode must be subscribe and hub.verify_token must be the configured META_WEBHOOK_VERIFY_TOKEN.');
    }
    if (typeof challenge !== 'string' || challenge === '' || challenge.length > 200) return refuse(response, 400, 'invalid_body', 'hub.challenge is missing.');
    response.status(200).type('text/plain').set('cache-control', 'no-store').send(challenge);
  });

  router.post(META_WEBHOOK_PATH, raw, async (request, response) => {
    const secret = secrets().metaAppSecret;
    if (!secret) return refuse(response, 503, 'unavailable', 'The Meta app secret (META_APP_SECRET or FACEBOOK_APP_SECRET) is not set, so no Meta event can be verified.');
    const body = rawBody(request);
    const signature = request.get('x-hub-signature-256');
    if (!signature || signature.trim() === '') return refuse(response, 401, 'unsigned', 'The event carries no x-hub-signature-256 header: only events Meta signed are accepted.');
    if (!hmacMatches(secret, body, signature)) return refuse(response, 401, 'bad_signature', 'x-hub-signature-256 does not match the body: it was not signed with this app secret, or it was changed on the way.');
    if (!deps.jobs) return refuse(response, 503, 'unavailable', 'No job queue is configured for webhooks; the event was not taken (Meta will retry).');
    const parsed = parseJson(body, metaBody);
    if (!parsed.ok) return refuse(response, 400, 'invalid_body', parsed.message);

    const summary = { received: true, changes: 0, queued: 0, duplicates: 0, ignored: [] as string[] };
    for (const entry of parsed.value.entry) {
      for (const change of entry.changes) {
        summary.changes += 1;
        const plan = await planMetaChange(deps.prisma, parsed.value.object, entry, change, now());
        if ('ignored' in plan) {
          summary.ignored.push(plan.ignored);
          continue;
        }
        const outcome = await claimAndQueue(deps, 'meta', plan.receipt, plan.jobs);
        if (outcome === 'duplicate') summary.duplicates += 1;
        else if (outcome === 'failed') return refuse(response, 503, 'unavailable', 'The event could not be queued; nothing was kept, so Meta\'s retry will be handled.');
        else summary.queued += plan.jobs.length;
      }
    }
    deps.log.info('meta webhook', { object: parsed.value.object, changes: summary.changes, queued: summary.queued, duplicates: summary.duplicates });
    response.json(summary);
  });

  router.post(GOOGLE_WEBHOOK_PATH, raw, async (request, response) => {
    const expected = secrets().googleToken;
    if (!expected) return refuse(response, 503, 'unavailable', 'GOOGLE_WEBHOOK_TOKEN is not set, so no Google notification can be authenticated.');
    const bearer = /^Bearer\s+(.+)$/i.exec(request.get('authorization') ?? '')?.[1]?.trim();
    const queryToken = typeof request.query.token === 'string' ? request.query.token : undefined;
    const given = bearer ?? queryToken;
    if (!given) return refuse(response, 401, 'unauthenticated', 'No token: push with ?token=<GOOGLE_WEBHOOK_TOKEN> or an Authorization: Bearer header.');
    if (!sameSecret(given, expected)) return refuse(response, 401, 'bad_token', 'The token is not GOOGLE_WEBHOOK_TOKEN.');
    if (!deps.jobs) return refuse(response, 503, 'unavailable', 'No job queue is configured for webhooks; the notification was not taken (Pub/Sub will retry).');
    const parsed = parseJson(rawBody(request), pushBody);
    if (!parsed.ok) return refuse(response, 400, 'invalid_body', parsed.message);
    const { message } = parsed.value;
    let data: z.output<typeof googleData>;
    try {
      data = googleData.parse(JSON.parse(Buffer.from(message.data ?? '', 'base64').toString('utf8')));
    } catch {
      return refuse(response, 400, 'invalid_body', 'message.data must be base64 of a JSON object naming customer_id (and optionally date, YYYY-MM-DD).');
    }
    const customerId = data.customer_id ?? data.customerId;
    if (!customerId) return refuse(response, 400, 'invalid_body', 'message.data names no customer_id.');
    const accounts = await deps.prisma.adAccount.findMany({ where: { platform: 'GOOGLE', externalId: customerId }, select: { id: true, organizationId: true, timeZone: true, isDemo: true, status: true } });
    const live = accounts.filter((account) => !account.isDemo && account.status !== 'PAUSED' && account.status !== 'DISCONNECTED');
    if (live.length === 0) return void response.json({ received: true, ignored: `No syncing Google Ads account ${customerId} is connected.` });
    const jobs = live.map((account) => ({
      name: ADS_WEBHOOK_GOOGLE_JOB,
      payload: { organizationId: account.organizationId, messageId: message.messageId, adAccountId: account.id, day: data.date ?? isoDay(todayIn(account.timeZone, publishedAt(message.publishTime) ?? now())) },
    }));
    const outcome = await claimAndQueue(deps, 'google', message.messageId, jobs);
    if (outcome === 'failed') return refuse(response, 503, 'unavailable', 'The notification could not be queued; nothing was kept, so the redelivery will be handled.');
    deps.log.info('google webhook', { messageId: message.messageId, duplicate: outcome === 'duplicate', accounts: jobs.length });
    response.json(outcome === 'duplicate' ? { received: true, duplicate: true } : { received: true, queued: jobs.length });
  });
  return router;
}

type Plan = { ignored: string } | { receipt: string; jobs: JobRequest[] };

async function planMetaChange(prisma: PrismaClient, object: string, entry: { id: string; time?: number }, change: { field: string; value: unknown }, now: Date): Promise<Plan> {
  if (object === 'page' && change.field === 'leadgen') {
    const lead = leadValue.safeParse(change.value);
    if (!lead.success) return { ignored: 'leadgen: no leadgen_id in the change' };
    const pageId = lead.data.page_id ?? entry.id;
    const pages = await prisma.socialAccount.findMany({ where: { platform: 'FACEBOOK', externalAccountId: pageId }, select: { id: true, organizationId: true } });
    if (pages.length === 0) return { ignored: `leadgen: no organisation has the Facebook Page ${pageId} connected` };
    const created = lead.data.created_time;
    const createdTime = typeof created === 'number' ? new Date(created * 1000).toISOString() : created && !Number.isNaN(new Date(created).getTime()) ? new Date(created).toISOString() : null;
    const receipt = `leadgen.${lead.data.leadgen_id}`;
    return {
      receipt,
      jobs: pages.map((page) => ({
        name: ADS_WEBHOOK_META_JOB,
        payload: {
          organizationId: page.organizationId, receipt: hashKey(receipt), field: change.field,
          lead: { leadgenId: lead.data.leadgen_id, formId: lead.data.form_id ?? null, adId: lead.data.ad_id ?? null, pageId, createdTime, socialAccountId: page.id },
        },
      })),
    };
  }
  if (object === 'ad_account') {
    const externalId = entry.id.replace(/^act_/, '');
    const accounts = await prisma.adAccount.findMany({ where: { platform: 'META', externalId }, select: { id: true, organizationId: true, timeZone: true, isDemo: true, status: true } });
    const live = accounts.filter((account) => !account.isDemo && account.status !== 'PAUSED' && account.status !== 'DISCONNECTED');
    if (live.length === 0) return { ignored: `${change.field}: no syncing Meta ad account ${externalId} is connected` };
    const at = entry.time ? new Date(entry.time * 1000) : now;
    const receipt = hashKey(JSON.stringify([object, entry.id, entry.time ?? null, change.field, change.value ?? null]));
    return {
      receipt,
      jobs: live.map((account) => ({
        name: ADS_WEBHOOK_META_JOB,
        payload: { organizationId: account.organizationId, receipt, field: change.field, sync: { adAccountId: account.id, day: isoDay(todayIn(account.timeZone, at)) } },
      })),
    };
  }
  return { ignored: `${object}.${change.field}: not handled by Crescendo` };
}

async function claimAndQueue(deps: AdsWebhookDeps, provider: string, eventId: string, jobs: readonly JobRequest[]): Promise<'queued' | 'duplicate' | 'failed'> {
  try {
    await deps.prisma.webhookReceipt.create({ data: { provider, eventId } });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return 'duplicate';
    throw error;
  }
  try {
    for (const job of jobs) await deps.jobs!.enqueue(job);
    return 'queued';
  } catch (error) {
    await deps.prisma.webhookReceipt.delete({ where: { provider_eventId: { provider, eventId } } }).catch(() => undefined);
    deps.log.warn('webhook not queued', { provider, eventId, error: String(error) });
    return 'failed';
  }
}

const hashKey = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);

function rawBody(request: Request): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

function parseJson<T extends z.ZodType>(body: Buffer, schema: T): { ok: true; value: z.output<T> } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, message: 'The body is not JSON.' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `The body is not in the expected shape (${issue?.path.join('.') || 'body'}: ${issue?.message}).` };
  }
  return { ok: true, value: parsed.data };
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, compared in constant time. */
export function hmacMatches(secret: string, body: Buffer, header: string): boolean {
  const expected = createHmac('sha256', secret).update(body).digest();
  const hex = header.trim().replace(/^sha256=/i, '');
  if (!/^[0-9a-f]+$/i.test(hex) || hex.length !== expected.length * 2) return false;
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}

/** Constant time whatever the lengths: both sides hashed first. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function publishedAt(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function refuse(response: Response, status: number, code: string, message: string): void {
  response.status(status).set('cache-control', 'no-store').json({ error: { code, message } });
}
