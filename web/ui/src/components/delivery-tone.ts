// The tools' own thresholds (a pure module, so importing it adds a few bytes, no server code).
import { RELIABLE_DELIVERY_RATE, UNDER_DELIVERY_THRESHOLD } from '../../../../tools/campaigns/delivery/delivery-math.ts';

/** Red below the under-delivery line alerts use, green at the share reliability counts as delivered. */
export function deliveryTone(rate: number | null): 'good' | 'bad' | undefined {
  if (rate === null) return undefined;
  if (rate < UNDER_DELIVERY_THRESHOLD) return 'bad';
  return rate >= RELIABLE_DELIVERY_RATE ? 'good' : undefined;
}

export function toneClass(rate: number | null): string {
  const tone = deliveryTone(rate);
  return tone ? `tone-${tone}` : '';
}
