/** One destination's outcome on a ReportDelivery row. */
export type SlackOutcome = { ok: true; channel: string; ts: string | null; file_id: string | null; at: string } | { ok: false; error: string; at: string };
export type EmailOutcome = { ok: true; message_id: string; accepted: string[]; at: string } | { ok: false; error: string; at: string };

/** ReportDelivery.destinations: each destination's latest outcome, and when the last try began. */
export interface DeliveryDestinations {
  slack?: SlackOutcome;
  email?: EmailOutcome;
  attempted_at?: string;
}

/** Tries per period before a delivery is given up (kept as failed, with its error). */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** The wait before another try after a failed one: 1, 2, 4, 8 minutes. */
export const RETRY_BASE_MS = 60_000;
/** A try that began this long ago and never finished is a worker that died: the sweep starts another. */
export const DELIVERY_LEASE_MS = 15 * 60_000;

export const readDestinations = (value: unknown): DeliveryDestinations => (value && typeof value === 'object' && !Array.isArray(value) ? (value as DeliveryDestinations) : {});

/** When a delivery may be tried again (null: not yet, or never). */
export function retryDueAt(row: { status: string; attempts: number; createdAt: Date; destinations: unknown }): Date | null {
  if (row.status === 'delivered' || row.attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  const attemptedAt = readDestinations(row.destinations).attempted_at;
  if (row.attempts === 0 || !attemptedAt) return row.createdAt;
  const started = new Date(attemptedAt).getTime();
  if (row.status === 'pending') return new Date(started + DELIVERY_LEASE_MS);
  return new Date(started + RETRY_BASE_MS * 2 ** (row.attempts - 1));
}
