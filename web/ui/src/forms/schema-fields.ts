import { plural, recordSourceFor, type RecordSource } from './record-sources.ts';

/** A JSON Schema node as GET /api/tools publishes it (tools/registry/published-tool.ts). */
export type JsonSchema = { [key: string]: unknown };

export type FieldKind =
  | 'text' | 'email' | 'url' | 'date' | 'datetime' | 'number' | 'integer' | 'boolean' | 'choice'
  | 'enum' | 'record' | 'text-list' | 'group' | 'group-list' | 'json';

/** One input of a form, derived from one property of the tool's input schema. */
export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** The schema accepts null: on an edit, emptying the field clears the stored value. */
  nullable: boolean;
  description?: string;
  default?: unknown;
  options?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  /** Fields of a nested object, or of each item of a list of objects. */
  fields?: FieldSpec[];
  /** An id (a `record` field) or ids (a `text-list` of `*_ids`) chosen from a list tool instead of typed. */
  record?: RecordSource;
}

const WORDS: Record<string, string> = { url: 'URL', id: 'ID', ids: 'IDs', '1k': '1k', spotify: 'Spotify', iso: 'ISO' };

/** `cost_per_1k_streams` -> `Cost per 1k streams`; a picked record's `client_id` -> `Client`. */
export function labelOf(name: string, record?: RecordSource): string {
  if (record) return record.label;
  // `line1` -> "line 1": a number ending a word is a word of its own.
  const words = name.split('_').filter(Boolean).map((word) => WORDS[word] ?? word.replace(/^([a-z]+)(\d+)$/, '$1 $2'));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function typesOf(node: JsonSchema): string[] {
  const type = node.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}

/** `anyOf: [X, {type: null}]` and `type: [X, 'null']` are X that may be null. */
function unwrapNullable(node: JsonSchema): { node: JsonSchema; nullable: boolean } {
  const variants = node.anyOf ?? node.oneOf;
  if (Array.isArray(variants)) {
    const others = (variants as JsonSchema[]).filter((variant) => !typesOf(variant).includes('null') || typesOf(variant).length > 1);
    if (others.length === 1 && others.length < variants.length) {
      const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = node;
      return { node: { ...others[0], ...rest }, nullable: true };
    }
  }
  const types = typesOf(node);
  if (types.includes('null') && types.length === 2) return { node: { ...node, type: types.find((type) => type !== 'null') }, nullable: true };
  return { node, nullable: false };
}

function kindOf(node: JsonSchema, name: string, record: RecordSource | undefined): Pick<FieldSpec, 'kind' | 'options' | 'fields'> {
  if (Array.isArray(node.enum) && node.enum.every((value) => typeof value === 'string')) return { kind: 'enum', options: node.enum as string[] };
  const [type] = typesOf(node);
  if (type === 'string') {
    if (record) return { kind: 'record' };
    if (node.format === 'date') return { kind: 'date' };
    if (node.format === 'date-time') return { kind: 'datetime' };
    if (node.format === 'email') return { kind: 'email' };
    if (node.format === 'uri' || name === 'url' || name.endsWith('_url')) return { kind: 'url' };
    return { kind: 'text' };
  }
  if (type === 'number') return { kind: 'number' };
  if (type === 'integer') return { kind: 'integer' };
  if (type === 'boolean') return { kind: 'boolean' };
  if (type === 'array') {
    const items = unwrapNullable((node.items ?? {}) as JsonSchema).node;
    const [itemType] = typesOf(items);
    if (itemType === 'string' && !items.enum) return { kind: 'text-list' };
    if (itemType === 'object' && items.properties) return { kind: 'group-list', fields: fieldsOf(items) };
  }
  if (type === 'object' && node.properties) return { kind: 'group', fields: fieldsOf(node) };
  // Anything the engine has no input for (maps, unions) is typed as JSON, so every tool still gets a form.
  return { kind: 'json' };
}

function bounds(node: JsonSchema, kind: FieldKind): Pick<FieldSpec, 'min' | 'max'> {
  const step = kind === 'integer' ? 1 : 0;
  const min = typeof node.minimum === 'number' ? node.minimum : typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum + step : undefined;
  const max = typeof node.maximum === 'number' ? node.maximum : typeof node.exclusiveMaximum === 'number' ? node.exclusiveMaximum - step : undefined;
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** A list of ids of one kind of record (`contact_ids`): chosen by name from the same list as one (`contact_id`). */
function listedRecords(node: JsonSchema, name: string): RecordSource | undefined {
  if (typesOf(node)[0] !== 'array' || !name.endsWith('_ids')) return undefined;
  const items = unwrapNullable((node.items ?? {}) as JsonSchema).node;
  return typesOf(items)[0] === 'string' && !items.enum ? recordSourceFor(name.slice(0, -1)) : undefined;
}

/** The form fields of an object schema, in the schema's own order. */
export function fieldsOf(schema: JsonSchema): FieldSpec[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, raw]) => {
    const { node, nullable } = unwrapNullable(raw);
    const record = typesOf(node)[0] === 'string' ? recordSourceFor(name) : listedRecords(node, name);
    const shape = kindOf(node, name, typesOf(node)[0] === 'string' ? record : undefined);
    // A yes/no without a default needs a third answer, "not given".
    const kind: FieldKind = shape.kind === 'boolean' && raw.default === undefined && !required.has(name) ? 'choice' : shape.kind;
    const spec: FieldSpec = {
      name,
      label: record && shape.kind === 'text-list' ? plural(record.label) : labelOf(name, record),
      ...shape,
      kind,
      required: required.has(name),
      nullable,
      ...bounds(node, shape.kind),
    };
    const description = raw.description ?? node.description;
    if (typeof description === 'string') spec.description = description;
    if (raw.default !== undefined) spec.default = raw.default;
    if (typeof node.maxLength === 'number') spec.maxLength = node.maxLength;
    if (typeof node.minItems === 'number') spec.minItems = node.minItems;
    if (typeof node.maxItems === 'number') spec.maxItems = node.maxItems;
    if (record) spec.record = record;
    return spec;
  });
}
