import { parseDay } from '../../common/format.ts';
import { invalidInput } from '../../registry/errors.ts';

/** The promo window as stored dates, refusing an end before its start. */
export function promoWindow(start: string | null | undefined, end: string | null | undefined): { start: Date | null | undefined; end: Date | null | undefined } {
  if (start && end && end < start) throw invalidInput('promo_end', `${end} is before promo_start ${start}`);
  return { start: dayOrNull(start, 'promo_start'), end: dayOrNull(end, 'promo_end') };
}

export function dayOrNull(value: string | null | undefined, field: string): Date | null | undefined {
  return value === undefined ? undefined : value === null ? null : parseDay(value, field);
}
