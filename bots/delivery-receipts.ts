import type { PrismaClient } from '../db/generated/prisma/client.ts';

/** Slack retries a delivery for at most a few minutes; receipts are kept a day, then deleted. */
const RECEIPT_TTL_MS = 24 * 3_600_000;
/** Old receipts are swept on every this-many-th new delivery of a process. */
const SWEEP_EVERY = 200;
let deliveriesSinceSweep = 0;

/**
 * The key that identifies one Slack delivery across its retries: the event id of an Events API
 * callback, the trigger id of a slash command or an interaction (each click has its own).
 */
export function deliveryKey(body: Record<string, unknown>): string | null {
  if (typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (typeof body.command === 'string' && typeof body.trigger_id === 'string') return `command:${body.trigger_id}`;
  if (typeof body.trigger_id === 'string') return `interaction:${body.trigger_id}`;
  const action = Array.isArray(body.actions) ? (body.actions[0] as { action_ts?: unknown } | undefined) : undefined;
  if (typeof action?.action_ts === 'string') return `interaction:${action.action_ts}`;
  return null;
}

/**
 * Records a delivery; false when it was recorded before (a retry, or a second process receiving
 * it). The insert itself is the guard: ON CONFLICT DO NOTHING, so two racing copies cannot both win.
 */
export async function firstDelivery(prisma: PrismaClient, key: string, teamId: string | null, now: Date = new Date()): Promise<boolean> {
  const { count } = await prisma.slackEventReceipt.createMany({ data: [{ key, teamId, receivedAt: now }], skipDuplicates: true });
  if (count === 1 && ++deliveriesSinceSweep >= SWEEP_EVERY) {
    deliveriesSinceSweep = 0;
    await prisma.slackEventReceipt.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - RECEIPT_TTL_MS) } } });
  }
  return count === 1;
}
