import type { FieldSpec } from './schema-fields.ts';

/**
 * What the inputs hold: text as typed (numbers too, so "1,5" can be answered, not lost), checkboxes
 * as booleans, groups as nested values, repeatable groups as lists of them.
 */
export type FormValue = string | boolean | FormValues | FormValues[];
export interface FormValues { [name: string]: FormValue }

/** Field errors keyed like `songs.0.goal` (the issue path `songs[0].goal`, dotted). */
export type FieldErrors = Record<string, string>;

export function keyOf(prefix: string, name: string | number): string {
  return prefix ? `${prefix}.${name}` : String(name);
}

/** The server writes `songs[0].goal`; the form keys it `songs.0.goal`. */
export function issueKey(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

function emptyValue(field: FieldSpec): FormValue {
  switch (field.kind) {
    case 'boolean': return false;
    case 'group': return initialValues(field.fields ?? []);
    case 'group-list': return Array.from({ length: Math.max(field.minItems ?? 0, field.required ? 1 : 0) }, () => initialValues(field.fields ?? []));
    default: return '';
  }
}

/** A record's stored value as the field shows it (numbers as text, lists comma-separated, days without time). */
export function toFormValue(field: FieldSpec, value: unknown): FormValue {
  if (value === undefined || value === null) return emptyValue(field);
  switch (field.kind) {
    case 'boolean': return Boolean(value);
    case 'choice': return value ? 'true' : 'false';
    case 'text-list': return Array.isArray(value) ? value.join(', ') : String(value);
    case 'date': return String(value).slice(0, 10);
    case 'datetime': return localDateTime(String(value));
    case 'group': return valuesFrom(field.fields ?? [], value as Record<string, unknown>);
    case 'group-list': return Array.isArray(value) ? value.map((item) => valuesFrom(field.fields ?? [], item as Record<string, unknown>)) : emptyValue(field);
    case 'json': return JSON.stringify(value, null, 2);
    default: return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** A new form: the schema's defaults, else empty. */
export function initialValues(fields: readonly FieldSpec[]): FormValues {
  return Object.fromEntries(fields.map((field) => [field.name, field.default === undefined ? emptyValue(field) : toFormValue(field, field.default)]));
}

/** The form filled from a record (an edit) or from the page's query; fields the record lacks start as new. */
export function valuesFrom(fields: readonly FieldSpec[], record: Readonly<Record<string, unknown>>): FormValues {
  const fresh = initialValues(fields);
  for (const field of fields) {
    if (record[field.name] !== undefined) fresh[field.name] = toFormValue(field, record[field.name]);
  }
  return fresh;
}

/**
 * The form filled from the page's query, where a key may name a field at any depth: `subject.type`
 * in a group, `subjects.0.id` in an item of a list (added up to that index). Keys naming no field
 * of the form are ignored.
 */
export function prefillFrom(fields: readonly FieldSpec[], query: Readonly<Record<string, string>>): FormValues {
  let values = valuesFrom(fields, query);
  for (const [key, text] of Object.entries(query)) {
    if (!key.includes('.')) continue;
    const filled = prefillPath(fields, values, key.split('.'), text);
    if (filled) values = filled;
  }
  return values;
}

function prefillPath(fields: readonly FieldSpec[], values: FormValues, parts: readonly string[], text: string): FormValues | null {
  const [name, ...rest] = parts;
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) return null;
  if (rest.length === 0) return field.kind === 'group' || field.kind === 'group-list' ? null : { ...values, [field.name]: toFormValue(field, text) };
  if (field.kind === 'group') {
    const inner = prefillPath(field.fields ?? [], (values[field.name] as FormValues | undefined) ?? initialValues(field.fields ?? []), rest, text);
    return inner ? { ...values, [field.name]: inner } : null;
  }
  if (field.kind === 'group-list') {
    const [index, ...deeper] = rest;
    const at = Number(index);
    if (!/^\d+$/.test(index ?? '') || at >= (field.maxItems ?? 100) || deeper.length === 0) return null;
    const list = [...((values[field.name] as FormValues[] | undefined) ?? [])];
    while (list.length <= at) list.push(initialValues(field.fields ?? []));
    const inner = prefillPath(field.fields ?? [], list[at]!, deeper, text);
    if (!inner) return null;
    list[at] = inner;
    return { ...values, [field.name]: list };
  }
  return null;
}

/** Whether a field's key (`subjects.0.id`) is one of `paths` or inside one (`subjects`). */
export function isUnder(key: string, paths: readonly string[]): boolean {
  return paths.some((path) => key === path || key.startsWith(`${path}.`));
}

/** An instant as a date-and-time picker shows it, in the browser's time zone (`2026-12-10T18:00`); text it cannot read is kept as typed. */
export function localDateTime(value: string): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const two = (part: number) => String(part).padStart(2, '0');
  return `${instant.getFullYear()}-${two(instant.getMonth() + 1)}-${two(instant.getDate())}T${two(instant.getHours())}:${two(instant.getMinutes())}`;
}

const NOT_GIVEN = Symbol('not given');
type Converted = unknown | typeof NOT_GIVEN;

/**
 * The tool's input from the form. Only typing the browser cannot turn into the schema's type is
 * reported here ("must be a number"); everything else is the tool's to judge, so the form and the
 * API can never disagree. Empty optional fields are left out.
 */
export function toToolInput(fields: readonly FieldSpec[], values: FormValues): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const input = convertObject(fields, values, '', errors);
  return { input, errors };
}

function convertObject(fields: readonly FieldSpec[], values: FormValues, prefix: string, errors: FieldErrors): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const converted = convert(field, values[field.name], keyOf(prefix, field.name), errors);
    if (converted !== NOT_GIVEN) result[field.name] = converted;
  }
  return result;
}

function convert(field: FieldSpec, value: FormValue | undefined, key: string, errors: FieldErrors): Converted {
  if (value === undefined) return NOT_GIVEN;
  switch (field.kind) {
    case 'boolean': return Boolean(value);
    case 'group': {
      // An optional group left empty (a task's `subject` not chosen) is not given, rather than `{}`.
      const group = convertObject(field.fields ?? [], value as FormValues, key, errors);
      return !field.required && Object.keys(group).length === 0 ? NOT_GIVEN : group;
    }
    case 'group-list': return (value as FormValues[]).map((item, index) => convertObject(field.fields ?? [], item, keyOf(key, index), errors));
    default: break;
  }
  const text = String(value).trim();
  if (text === '') return NOT_GIVEN;
  switch (field.kind) {
    case 'choice': return text === 'true';
    case 'number':
    case 'integer': {
      const number = Number(text.replace(/[\s,_]/g, ''));
      if (!Number.isFinite(number)) {
        errors[key] = 'must be a number';
        return NOT_GIVEN;
      }
      return number;
    }
    case 'text-list': return text.split(/[,\n]/).map((item) => item.trim()).filter(Boolean);
    case 'datetime': {
      // The picker's value is the person's wall-clock time; the tool takes an instant.
      const instant = new Date(text);
      if (Number.isNaN(instant.getTime())) {
        errors[key] = 'must be a date and time';
        return NOT_GIVEN;
      }
      return instant.toISOString();
    }
    case 'json':
      try {
        return JSON.parse(text);
      } catch {
        errors[key] = 'must be JSON, e.g. {"name": "value"}';
        return NOT_GIVEN;
      }
    default: return text;
  }
}

/**
 * An edit sends what changed: the required fields (the record's id), every field whose value differs
 * from the record's, null for a field that was emptied where the schema allows clearing it, and []
 * for an emptied list. A field the record left empty and the person too is not sent: it stays.
 */
export function changedInput(fields: readonly FieldSpec[], values: FormValues, baseline: FormValues): { input: Record<string, unknown>; errors: FieldErrors; changed: string[] } {
  const now = toToolInput(fields, values);
  const before = toToolInput(fields, baseline).input;
  const input: Record<string, unknown> = {};
  const changed: string[] = [];
  for (const field of fields) {
    const has = Object.hasOwn(now.input, field.name);
    const had = Object.hasOwn(before, field.name);
    if (field.required) {
      if (has) input[field.name] = now.input[field.name];
      continue;
    }
    if (has && JSON.stringify(now.input[field.name]) !== JSON.stringify(before[field.name])) {
      input[field.name] = now.input[field.name];
      changed.push(field.name);
    } else if (!has && had && field.nullable) {
      input[field.name] = null;
      changed.push(field.name);
    } else if (!has && had && field.kind === 'text-list') {
      // A list emptied (every tag removed) is the empty list: left out, the tool would keep the old one.
      input[field.name] = [];
      changed.push(field.name);
    }
  }
  return { input, errors: now.errors, changed };
}

/** Sets one value deep in the form (`songs.1.goal`), copying only along the path, so React sees the change. */
export function setValue(values: FormValues, key: string, value: FormValue): FormValues {
  const [head, ...rest] = key.split('.');
  if (rest.length === 0) return { ...values, [head!]: value };
  const child = values[head!];
  if (Array.isArray(child)) {
    const [index, ...deeper] = rest;
    const list = [...child];
    list[Number(index)] = deeper.length ? setValue(list[Number(index)]!, deeper.join('.'), value) : (value as FormValues);
    return { ...values, [head!]: list };
  }
  return { ...values, [head!]: setValue(child as FormValues, rest.join('.'), value) };
}

/**
 * Places each server issue on the field it names. An issue on a list item (`emails[1]`) goes to
 * the list's field; one naming no field of the form (or the whole `input`) is the form's.
 */
export function placeIssues(fields: readonly FieldSpec[], issues: ReadonlyArray<{ path: string; message: string }>): { fieldErrors: FieldErrors; formErrors: string[] } {
  const keys = new Set(allKeys(fields, ''));
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    let key = issueKey(issue.path);
    while (key && !keys.has(key.replace(/\.\d+(?=\.|$)/g, '.#'))) key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
    if (key) fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]}; ${issue.message}` : issue.message;
    else formErrors.push(issue.path === 'input' ? issue.message : `${issue.path}: ${issue.message}`);
  }
  return { fieldErrors, formErrors };
}

/** Every field's key with list indexes written `#` (`songs.#.goal`). */
function allKeys(fields: readonly FieldSpec[], prefix: string): string[] {
  return fields.flatMap((field) => {
    const key = keyOf(prefix, field.name);
    if (field.kind === 'group') return [key, ...allKeys(field.fields ?? [], key)];
    if (field.kind === 'group-list') return [key, ...allKeys(field.fields ?? [], `${key}.#`)];
    return [key];
  });
}
