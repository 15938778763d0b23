import { addToCatalog, catalogKey, type Catalog } from './catalog.ts';
import type { PrismaArgument, PrismaAttribute, PrismaField, PrismaModel, PrismaSchema } from './prisma-schema-ast.ts';
import { columnDefault, columnType } from './prisma-column-types.ts';
import { prismaConstraintName } from './prisma-constraint-names.ts';

/**
 * The PostgreSQL catalogue that Prisma's migrate engine would create for a schema: what
 * `prisma migrate diff --from-empty` produces, described in the words of ./catalog.ts.
 */
export interface ExpectedCatalogOptions {
  /** Leave out `Unsupported("vector(...)")` columns: their DDL is guarded and skipped where pgvector is missing. */
  omitVectorColumns?: boolean;
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT',
};

export function expectedCatalog(schema: PrismaSchema, options: ExpectedCatalogOptions = {}): Catalog {
  const catalog: Catalog = new Map();
  const enums = new Map(schema.enums.map((item) => [item.name, item]));
  const models = new Map(schema.models.map((model) => [model.name, model]));
  for (const item of schema.enums) {
    const values = item.values.map((value) => mappedName(value.attributes, value.name)).sort();
    addToCatalog(catalog, catalogKey.enum(mappedName(item.attributes, item.name)), `values ${values.join(', ')}`);
  }
  for (const model of schema.models) {
    const table = tableName(model);
    addToCatalog(catalog, catalogKey.relation(table), 'table');
    const columnOf = (fieldName: string) => columnName(fieldOf(model, fieldName));
    for (const field of model.fields) {
      if (models.has(field.type)) {
        addForeignKey(catalog, model, field, models, columnOf);
        continue;
      }
      if (omitted(field, options)) continue;
      const relationAttribute = field.attributes.find((attribute) => attribute.name === 'relation');
      if (relationAttribute) throw new Error(`${model.name}.${field.name}: @relation on a field that is not a relation`);
      const enumType = enums.get(field.type);
      const context = {
        table,
        column: columnName(field),
        enumName: enumType && mappedName(enumType.attributes, enumType.name),
        enumValues: enumType && new Map(enumType.values.map((value) => [value.name, mappedName(value.attributes, value.name)])),
      };
      const type = columnType(field, context);
      const notNull = field.optional || field.list ? '' : ' NOT NULL';
      const defaultValue = columnDefault(field, context);
      addToCatalog(catalog, catalogKey.column(table, context.column), `${type}${notNull}${defaultValue === undefined ? '' : ` DEFAULT ${defaultValue}`}`);
      for (const attribute of field.attributes) {
        if (attribute.name === 'id') addPrimaryKey(catalog, table, [context.column], attribute);
        if (attribute.name === 'unique') addIndex(catalog, table, [context.column], attribute, true);
      }
    }
    for (const attribute of model.attributes) {
      const columns = () => fieldList(argument(attribute, '')).map(columnOf);
      if (attribute.name === 'id') addPrimaryKey(catalog, table, columns(), attribute);
      if (attribute.name === 'unique') addIndex(catalog, table, columns(), attribute, true);
      if (attribute.name === 'index') addIndex(catalog, table, columns(), attribute, false);
    }
  }
  return catalog;
}

function addPrimaryKey(catalog: Catalog, table: string, columns: string[], attribute: PrismaAttribute): void {
  const name = mapArgument(attribute) ?? prismaConstraintName(table, columns, '_pkey');
  addToCatalog(catalog, catalogKey.primaryKey(table), `${name} (${columns.join(', ')})`);
}

function addIndex(catalog: Catalog, table: string, columns: string[], attribute: PrismaAttribute, unique: boolean): void {
  const name = mapArgument(attribute) ?? prismaConstraintName(table, columns, unique ? '_key' : '_idx');
  addToCatalog(catalog, catalogKey.index(name), `${unique ? 'UNIQUE ' : ''}INDEX ON ${table} (${columns.join(', ')})`);
}

/** The relation field that carries `fields:` owns the foreign key; back-relation fields create nothing. */
function addForeignKey(catalog: Catalog, model: PrismaModel, field: PrismaField, models: Map<string, PrismaModel>, columnOf: (name: string) => string): void {
  const target = models.get(field.type)!;
  const relation = field.attributes.find((attribute) => attribute.name === 'relation');
  const other = field.attributes.find((attribute) => attribute.name !== 'relation');
  if (other) throw new Error(`${model.name}.${field.name}: @${other.name} on a relation field is not supported by the schema check`);
  const fieldsArgument = relation?.args.find((arg) => arg.name === 'fields');
  if (!relation || !fieldsArgument) {
    // The other side of the same relation (by relation name; a self-relation's other side is another field).
    const name = relationName(relation);
    const implicitManyToMany = field.list && target.fields.some((back) => back !== field && back.type === model.name && back.list && relationName(back.attributes.find((attribute) => attribute.name === 'relation')) === name);
    if (implicitManyToMany) throw new Error(`${model.name}.${field.name}: implicit many-to-many relations are not supported by the schema check`);
    return;
  }
  const referencing = fieldList(fieldsArgument).map((name) => fieldOf(model, name));
  const columns = referencing.map(columnName);
  const referenced = fieldList(argument(relation, 'references')).map((name) => columnName(fieldOf(target, name)));
  // Prisma's defaults: a relation with any required field restricts deletes, otherwise it sets null.
  const onDelete = action(relation, 'onDelete') ?? (referencing.some((scalar) => !scalar.optional) ? 'RESTRICT' : 'SET NULL');
  const onUpdate = action(relation, 'onUpdate') ?? 'CASCADE';
  const table = tableName(model);
  const name = mapArgument(relation) ?? prismaConstraintName(table, columns, '_fkey');
  addToCatalog(catalog, catalogKey.foreignKey(table, name),
    `(${columns.join(', ')}) REFERENCES ${tableName(target)} (${referenced.join(', ')}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`);
}

function action(relation: PrismaAttribute, name: 'onDelete' | 'onUpdate'): string | undefined {
  const arg = relation.args.find((candidate) => candidate.name === name);
  if (!arg) return undefined;
  const sql = arg.value.kind === 'identifier' ? REFERENTIAL_ACTIONS[arg.value.value] : undefined;
  if (!sql) throw new Error(`line ${relation.line}: unknown referential action for ${name}`);
  return sql;
}

function omitted(field: PrismaField, options: ExpectedCatalogOptions): boolean {
  return Boolean(options.omitVectorColumns && field.unsupportedType && /^(vector|halfvec|sparsevec)\b/.test(field.unsupportedType));
}

function fieldOf(model: PrismaModel, name: string): PrismaField {
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`model ${model.name} has no field ${name}`);
  return field;
}

function argument(attribute: PrismaAttribute, name: string): PrismaArgument {
  const arg = attribute.args.find((candidate) => candidate.name === name);
  if (!arg) throw new Error(`line ${attribute.line}: @${attribute.name} needs ${name ? `${name}:` : 'a list of fields'}`);
  return arg;
}

function fieldList(arg: PrismaArgument): string[] {
  if (arg.value.kind !== 'list') throw new Error('expected a list of fields');
  return arg.value.items.map((item) => (item.kind === 'identifier' ? item.value : ''));
}

function relationName(relation: PrismaAttribute | undefined): string | undefined {
  const arg = relation?.args.find((candidate) => candidate.name === '' || candidate.name === 'name');
  return arg?.value.kind === 'string' ? arg.value.value : undefined;
}

function mapArgument(attribute: PrismaAttribute): string | undefined {
  const arg = attribute.args.find((candidate) => candidate.name === 'map');
  if (arg && arg.value.kind !== 'string') throw new Error(`line ${attribute.line}: map: needs a string`);
  return arg?.value.kind === 'string' ? arg.value.value : undefined;
}

/** `@map("name")` / `@@map("name")` when present, else the schema name. */
function mappedName(attributes: PrismaAttribute[], name: string): string {
  const map = attributes.find((attribute) => attribute.name === 'map');
  if (!map) return name;
  const value = map.args[0]?.value;
  if (value?.kind !== 'string') throw new Error(`line ${map.line}: @map needs a string`);
  return value.value;
}

const tableName = (model: PrismaModel) => mappedName(model.attributes, model.name);
const columnName = (field: PrismaField) => mappedName(field.attributes, field.name);
