import { z } from 'zod';

/** Payload field names, at any depth: what `payload.<path>` in a metric can name. */
export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_DEPTH = 5;

export const DEFAULT_MONEY_FIELDS = ['spend', 'revenue', 'cost', 'amount', 'value', 'price', 'budget', 'refund', 'tax', 'shipping', 'discount', 'payout'] as const;
const MONEY_SUFFIXES = ['_spend', '_revenue', '_cost', '_amount'];

export const moneyFieldsInput = z
  .array(z.string().trim().regex(FIELD_NAME, 'use a field name (letters, digits and _)'))
  .max(100)
  .describe(`Payload fields holding money, converted to the base currency when a record has another currency (at any depth, by name). Default: ${DEFAULT_MONEY_FIELDS.join(', ')} and any name ending ${MONEY_SUFFIXES.join('/')}.`);

/** Whether a payload field (its own name, at any depth) holds money. */
export function moneyFieldTest(given: readonly string[] | undefined): (name: string) => boolean {
  if (given) {
    const names = new Set(given);
    return (name) => names.has(name);
  }
  const names = new Set<string>(DEFAULT_MONEY_FIELDS);
  return (name) => names.has(name) || MONEY_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

export type PayloadValue = string | number | boolean | { [name: string]: PayloadValue };
export type Payload = Record<string, PayloadValue>;

/** A bad payload value: `field` is its path inside the record (`totals.revenue`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The payload as stored: nulls left out (a missing field and a null one mean the same to a
 * metric), names checked at every depth, and values limited to strings, finite numbers, booleans
 * and nested objects (a list has no path a metric could name).
 */
export function cleanPayload(fields: Record<string, unknown>, prefix = '', depth = 1): { payload: Payload } | { problem: FieldProblem } {
  const payload: Payload = {};
  for (const [name, value] of Object.entries(fields)) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (!FIELD_NAME.test(name)) return { problem: { field: path, message: 'is not a usable field name (letters, digits and _, not starting with a digit)' } };
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'boolean') payload[name] = value;
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { problem: { field: path, message: 'is not a finite number' } };
      payload[name] = value;
    } else if (Array.isArray(value)) return { problem: { field: path, message: 'is a list; use an object or separate fields, so metrics can name each value' } };
    else if (typeof value === 'object') {
      if (depth >= MAX_DEPTH) return { problem: { field: path, message: `nests deeper than ${MAX_DEPTH} levels` } };
      const nested = cleanPayload(value as Record<string, unknown>, path, depth + 1);
      if ('problem' in nested) return nested;
      payload[name] = nested.payload;
    } else return { problem: { field: path, message: `has an unsupported value (${typeof value})` } };
  }
  return { payload };
}

/** Every money field's path in a payload, at any depth. */
export function moneyPaths(payload: Payload, isMoney: (name: string) => boolean, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [name, value] of Object.entries(payload)) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'object') paths.push(...moneyPaths(value, isMoney, path));
    else if (isMoney(name)) paths.push(path);
  }
  return paths;
}

export function valueAt(payload: Payload, path: string): PayloadValue | undefined {
  let value: PayloadValue | undefined = payload;
  for (const name of path.split('.')) value = typeof value === 'object' ? value[name] : undefined;
  return value;
}

export function setValueAt(payload: Payload, path: string, value: PayloadValue): void {
  const names = path.split('.');
  let target: Payload = payload;
  for (const name of names.slice(0, -1)) target = target[name] as Payload;
  target[names.at(-1)!] = value;
}
