import { readFileSync } from 'node:fs';
import { SCHEMA_PATH } from '../../db/paths.ts';
import { parsePrismaSchema } from '../../db/schema-check/parse-prisma-schema.ts';

/** Relation fields per model (field -> related model), read once from schema.prisma. */
export type RelationMap = ReadonlyMap<string, ReadonlyMap<string, string>>;

let relations: RelationMap | undefined;

export function modelRelations(): RelationMap {
  if (relations) return relations;
  const schema = parsePrismaSchema(readFileSync(SCHEMA_PATH, 'utf8'));
  const models = new Set(schema.models.map((model) => model.name));
  relations = new Map(
    schema.models.map((model) => [
      model.name,
      new Map(model.fields.filter((field) => models.has(field.type)).map((field) => [field.name, field.type])),
    ]),
  );
  return relations;
}
