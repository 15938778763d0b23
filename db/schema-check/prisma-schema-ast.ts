/**
 * The syntax tree ./parse-prisma-schema.ts produces: blocks, fields and attributes as written,
 * with no Prisma semantics applied yet (that is ./expected-catalog.ts's job).
 */
export type PrismaValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'identifier'; value: string }
  | { kind: 'call'; name: string; args: PrismaArgument[] }
  | { kind: 'list'; items: PrismaValue[] };

/** `name` is '' for the positional (first) argument. */
export interface PrismaArgument { name: string; value: PrismaValue }
export interface PrismaAttribute { name: string; args: PrismaArgument[]; line: number }

export interface PrismaField {
  name: string;
  /** A scalar, enum or model name; `Unsupported` with `unsupportedType` set. */
  type: string;
  unsupportedType?: string;
  optional: boolean;
  list: boolean;
  attributes: PrismaAttribute[];
  line: number;
}

export interface PrismaModel { name: string; fields: PrismaField[]; attributes: PrismaAttribute[]; line: number }
export interface PrismaEnumValue { name: string; attributes: PrismaAttribute[] }
export interface PrismaEnum { name: string; values: PrismaEnumValue[]; attributes: PrismaAttribute[]; line: number }
export interface PrismaSchema { provider: string; models: PrismaModel[]; enums: PrismaEnum[] }
