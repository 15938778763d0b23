import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../paths.ts';
import { expectedCatalog } from './expected-catalog.ts';
import { parsePrismaSchema, PrismaSchemaSyntaxError } from './parse-prisma-schema.ts';

const datasource = 'datasource db {\n  provider = "postgresql"\n}\n';
const withModel = (fields: string) => `${datasource}model Thing {\n  id Int @id\n${fields}\n}\n`;
const catalogOf = (source: string) => expectedCatalog(parsePrismaSchema(source));

describe('parsePrismaSchema', () => {
  it('reads db/prisma/schema.prisma, doc comments, `//` inside strings and multi-line arguments', () => {
    const schema = parsePrismaSchema(readFileSync(SCHEMA_PATH, 'utf8'));
    expect(schema.models.length).toBeGreaterThan(20);
    expect(schema.enums.map((item) => item.name)).toContain('Role');
    const catalog = catalogOf(withModel('  /// a doc comment\n  url String @default("https://x.test//a") // trailing\n  n Int @unique(\n    map: "n_unique"\n  )'));
    expect(catalog.get('column Thing.url')).toBe("text NOT NULL DEFAULT 'https://x.test//a'");
    expect(catalog.get('index n_unique')).toBe('UNIQUE INDEX ON Thing (n)');
  });

  // Each of these would change the database in a way the check does not model: it must refuse.
  it.each([
    ['a view block', `${datasource}view V {\n  id Int @unique\n}`],
    ['a composite type block', `${datasource}type Address {\n  street String\n}`],
    ['another provider', 'datasource db {\n  provider = "mysql"\n}'],
    ['relationMode (no foreign keys)', 'datasource db {\n  provider = "postgresql"\n  relationMode = "prisma"\n}'],
    ['multiSchema', `${withModel('')}`.replace('provider = "postgresql"', 'provider = "postgresql"\n  schemas = ["a"]')],
    ['@@schema', withModel('  @@schema("a")')],
    ['@@fulltext', withModel('  s String\n  @@fulltext([s])')],
    ['@@ignore', withModel('  @@ignore')],
    ['@ignore', withModel('  s String @ignore')],
    ['an index type', withModel('  s String\n  @@index([s], type: Hash)')],
    ['a sort order in an index', withModel('  s String\n  @@index([s(sort: Desc)])')],
    ['a length on a unique', withModel('  s String @unique(length: 10)')],
    ['an unterminated string', withModel('  s String @default("abc)')],
    ['an unclosed generator block', `${datasource}generator client {\n  provider = "prisma-client"\n`],
    ['an unclosed model block', withModel('').replace(/}\n$/, '')],
    ['an unknown character', withModel('  s String # comment')],
  ])('refuses %s', (_, source) => {
    expect(() => parsePrismaSchema(source)).toThrow(PrismaSchemaSyntaxError);
  });
});

describe('expectedCatalog refuses what it cannot model', () => {
  it.each([
    ['an unknown native type', withModel('  s String @db.Tsvector')],
    ['an unknown default function', withModel('  n Int @default(sequence())')],
    ['an unknown scalar type', withModel('  s Decimal128')],
    ['an implicit many-to-many relation', `${datasource}model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  as A[]\n}`],
    ['an index on a field that does not exist', withModel('  @@index([nope])')],
  ])('refuses %s', (_, source) => {
    expect(() => catalogOf(source)).toThrow();
  });
});
