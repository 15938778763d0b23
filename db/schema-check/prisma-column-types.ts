import { normalizeDefault } from './catalog.ts';
import type { PrismaAttribute, PrismaField, PrismaValue } from './prisma-schema-ast.ts';
import { serialSequenceName } from './prisma-constraint-names.ts';

/**
 * A field's PostgreSQL column type and default as Prisma creates them, written the way
 * `format_type()` and `pg_get_expr()` show them, so the live database can be compared directly.
 */
const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

type NativeType = (args: number[]) => string;
const plain = (name: string): NativeType => () => name;
const precision = (name: string, zone: string): NativeType => ([p]) => (p === undefined ? `${name} ${zone}` : `${name}(${p}) ${zone}`);
const length = (name: string, fallback?: number): NativeType => ([n = fallback]) => (n === undefined ? name : `${name}(${n})`);

const NATIVE_TYPES: Record<string, NativeType> = {
  Text: plain('text'),
  Char: length('character', 1),
  VarChar: length('character varying'),
  Uuid: plain('uuid'),
  SmallInt: plain('smallint'),
  Integer: plain('integer'),
  BigInt: plain('bigint'),
  Real: plain('real'),
  DoublePrecision: plain('double precision'),
  Decimal: ([p, s = 0]) => (p === undefined ? 'numeric' : `numeric(${p},${s})`),
  Money: plain('money'),
  Boolean: plain('boolean'),
  Date: plain('date'),
  Timestamp: precision('timestamp', 'without time zone'),
  Timestamptz: precision('timestamp', 'with time zone'),
  Time: precision('time', 'without time zone'),
  Timetz: precision('time', 'with time zone'),
  Json: plain('json'),
  JsonB: plain('jsonb'),
  ByteA: plain('bytea'),
  Xml: plain('xml'),
  Inet: plain('inet'),
  Citext: plain('citext'),
  Oid: plain('oid'),
  Bit: length('bit', 1),
  VarBit: length('bit varying'),
};

/** Defaults Prisma Client fills in itself: the column has no database default. */
const CLIENT_SIDE_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);

export interface ColumnContext {
  table: string;
  column: string;
  /** Database name of the field's enum, when its type is an enum. */
  enumName?: string;
  /** Database name of each enum value, by its schema name. */
  enumValues?: Map<string, string>;
}

export function columnType(field: PrismaField, context: ColumnContext): string {
  const nativeTypes = field.attributes.filter((attribute) => attribute.name.startsWith('db.'));
  if (nativeTypes.length > 1) throw new Error(`${context.table}.${field.name}: more than one @db attribute`);
  const native = nativeTypes[0];
  let type: string;
  if (field.unsupportedType !== undefined) type = field.unsupportedType;
  else if (context.enumName !== undefined) type = `"${context.enumName}"`;
  else if (native) type = nativeType(native, context);
  else {
    const scalar = SCALAR_TYPES[field.type];
    if (!scalar) throw new Error(`${context.table}.${field.name}: type ${field.type} is not supported by the schema check`);
    type = scalar;
  }
  return field.list ? `${type}[]` : type;
}

function nativeType(attribute: PrismaAttribute, context: ColumnContext): string {
  const build = NATIVE_TYPES[attribute.name.slice('db.'.length)];
  if (!build) throw new Error(`${context.table}.${context.column}: @${attribute.name} is not supported by the schema check`);
  return build(attribute.args.map((arg) => Number((arg.value as { value: string }).value)));
}

/** The default as the database shows it (casts removed), or undefined when the column has none. */
export function columnDefault(field: PrismaField, context: ColumnContext): string | undefined {
  const attribute = field.attributes.find((candidate) => candidate.name === 'default');
  if (!attribute) return undefined;
  const value = attribute.args[0]?.value;
  if (!value) throw new Error(`${context.table}.${field.name}: @default needs a value`);
  if (value.kind === 'call' && CLIENT_SIDE_DEFAULTS.has(value.name)) return undefined;
  if (value.kind === 'list') return normalizeDefault(`ARRAY[${value.items.map((item) => literal(item, context)).join(', ')}]`);
  return normalizeDefault(literal(value, context));
}

function literal(value: PrismaValue, context: ColumnContext): string {
  const where = `${context.table}.${context.column}`;
  switch (value.kind) {
    case 'string':
      return `'${value.value.replaceAll("'", "''")}'`;
    case 'number':
      return value.value;
    case 'identifier': {
      if (value.value === 'true' || value.value === 'false') return value.value;
      const enumValue = context.enumValues?.get(value.value);
      if (enumValue === undefined) throw new Error(`${where}: default ${value.value} is not a value of the field's enum`);
      return `'${enumValue}'`;
    }
    case 'call':
      if (value.name === 'now' && value.args.length === 0) return 'CURRENT_TIMESTAMP';
      if (value.name === 'autoincrement' && value.args.length === 0) return `nextval('${quoteIdentifier(serialSequenceName(context.table, context.column))}')`;
      if (value.name === 'dbgenerated' && value.args[0]?.value.kind === 'string') return value.args[0].value.value;
      throw new Error(`${where}: default ${value.name}(...) is not supported by the schema check`);
    case 'list':
      throw new Error(`${where}: nested lists are not supported`);
  }
}

/** PostgreSQL quotes an identifier in its output unless it is lower case (keywords aside). */
function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
