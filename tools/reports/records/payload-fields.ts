export const FIELD_TYPES = ['number', 'string', 'boolean', 'object'] as const;
type FieldType = (typeof FIELD_TYPES)[number];

export interface PayloadField {
  path: string;
  type: FieldType;
  example: string | number | boolean | null;
  seen_in: number;
}

/**
 * The fields of sampled payloads (most recent first), at every depth: each path's most common type,
 * the example from the most recent record that has it, and how many records have it.
 */
export function describeFields(payloads: readonly unknown[]): PayloadField[] {
  const seen = new Map<string, { types: Map<FieldType, number>; example: PayloadField['example'] | undefined; count: number }>();
  const visit = (value: unknown, prefix: string) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [name, item] of Object.entries(value)) {
      const type = typeOf(item);
      if (!type) continue;
      const path = prefix ? `${prefix}.${name}` : name;
      const field = seen.get(path) ?? { types: new Map(), example: undefined, count: 0 };
      field.types.set(type, (field.types.get(type) ?? 0) + 1);
      field.count++;
      if (field.example === undefined) field.example = type === 'object' ? null : (item as string | number | boolean);
      seen.set(path, field);
      if (type === 'object') visit(item, path);
    }
  };
  for (const payload of payloads) visit(payload, '');
  return [...seen]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, field]) => {
      const type = [...field.types].sort((a, b) => b[1] - a[1])[0]![0];
      return { path, type, example: field.example ?? null, seen_in: field.count };
    });
}

function typeOf(value: unknown): FieldType | null {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return typeof value as FieldType;
  if (value && typeof value === 'object' && !Array.isArray(value)) return 'object';
  return null;
}
