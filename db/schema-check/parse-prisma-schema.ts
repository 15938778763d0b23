import type { PrismaArgument, PrismaAttribute, PrismaEnum, PrismaEnumValue, PrismaField, PrismaModel, PrismaSchema, PrismaValue } from './prisma-schema-ast.ts';
import { PrismaSchemaSyntaxError, tokenize, type Token } from './prisma-schema-tokens.ts';

export { PrismaSchemaSyntaxError };

/**
 * A parser for the part of the Prisma schema language that Crescendo uses. No Prisma engine runs
 * here at test time, so the schema-parity test reads schema.prisma itself. Anything outside the
 * subset below is an error, never skipped: a construct this parser ignored would be a change to the
 * database that the parity test could not see. The tree it returns is in ./prisma-schema-ast.ts.
 */

// Attributes understood, each with the argument names it may take ('' = positional).
const FIELD_ATTRIBUTES: Record<string, string[]> = {
  id: ['map'], unique: ['map'], default: [''], updatedAt: [], map: [''],
  relation: ['', 'name', 'fields', 'references', 'onDelete', 'onUpdate', 'map'],
};
const MODEL_ATTRIBUTES: Record<string, string[]> = { id: ['', 'name', 'map'], unique: ['', 'name', 'map'], index: ['', 'map'], map: [''] };
const ENUM_ATTRIBUTES: Record<string, string[]> = { map: [''] };
const DATASOURCE_KEYS = new Set(['provider', 'url', 'directUrl', 'shadowDatabaseUrl']);

export function parsePrismaSchema(source: string): PrismaSchema {
  const parser = new Parser(tokenize(source));
  const schema: PrismaSchema = { provider: '', models: [], enums: [] };
  while (!parser.done()) {
    if (parser.skipNewlines()) continue;
    const keyword = parser.expect('identifier');
    const name = parser.expect('identifier').text;
    parser.expectText('{');
    if (keyword.text === 'model') schema.models.push(parser.modelBody(name, keyword.line));
    else if (keyword.text === 'enum') schema.enums.push(parser.enumBody(name, keyword.line));
    else if (keyword.text === 'datasource') schema.provider = parser.datasourceBody();
    else if (keyword.text === 'generator') parser.skipBlock();
    else throw new PrismaSchemaSyntaxError(`"${keyword.text}" blocks are not supported by the schema check`, keyword.line);
  }
  if (schema.provider !== 'postgresql') throw new PrismaSchemaSyntaxError(`datasource provider must be "postgresql", not "${schema.provider}"`, 1);
  return schema;
}

/** Arguments that list fields: plain names only (no per-column `sort:`, `length:` or `ops:`). */
function namesColumns(prefix: '@' | '@@', attribute: string, argument: string): boolean {
  if (attribute === 'relation') return argument === 'fields' || argument === 'references';
  return prefix === '@@' && attribute !== 'map' && argument === '';
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean { return this.position >= this.tokens.length; }
  private peek(offset = 0): Token { return this.tokens[this.position + offset] ?? this.tokens[this.tokens.length - 1]!; }
  private next(): Token { const token = this.peek(); this.position += 1; return token; }
  private at(text: string): boolean { const token = this.peek(); return token.kind !== 'string' && token.text === text; }

  skipNewlines(): boolean {
    const start = this.position;
    while (!this.done() && this.peek().kind === 'newline') this.position += 1;
    return this.position > start;
  }

  expect(kind: Token['kind']): Token {
    const token = this.next();
    if (token.kind !== kind) throw new PrismaSchemaSyntaxError(`expected ${kind}, found ${JSON.stringify(token.text)}`, token.line);
    return token;
  }

  expectText(text: string): Token {
    const token = this.next();
    if (token.kind === 'string' || token.text !== text) throw new PrismaSchemaSyntaxError(`expected "${text}", found ${JSON.stringify(token.text)}`, token.line);
    return token;
  }

  private endOfLine(): void {
    if (this.at('}')) return;
    this.expect('newline');
  }

  skipBlock(): void {
    while (!this.done() && !this.at('}')) this.next();
    this.expectText('}');
  }

  datasourceBody(): string {
    let provider = '';
    while (this.skipNewlines() || !this.at('}')) {
      if (this.at('}')) break;
      const key = this.expect('identifier');
      if (!DATASOURCE_KEYS.has(key.text)) throw new PrismaSchemaSyntaxError(`datasource setting "${key.text}" is not supported by the schema check`, key.line);
      this.expectText('=');
      const value = this.value();
      if (key.text === 'provider') provider = value.kind === 'string' ? value.value : '';
      this.endOfLine();
    }
    this.expectText('}');
    return provider;
  }

  modelBody(name: string, line: number): PrismaModel {
    const model: PrismaModel = { name, fields: [], attributes: [], line };
    while (this.skipNewlines() || !this.at('}')) {
      if (this.at('}')) break;
      if (this.at('@@')) model.attributes.push(this.attribute('@@', MODEL_ATTRIBUTES));
      else model.fields.push(this.field());
      this.endOfLine();
    }
    this.expectText('}');
    return model;
  }

  enumBody(name: string, line: number): PrismaEnum {
    const result: PrismaEnum = { name, values: [], attributes: [], line };
    while (this.skipNewlines() || !this.at('}')) {
      if (this.at('}')) break;
      if (this.at('@@')) {
        result.attributes.push(this.attribute('@@', ENUM_ATTRIBUTES));
      } else {
        const value: PrismaEnumValue = { name: this.expect('identifier').text, attributes: [] };
        while (this.at('@')) value.attributes.push(this.attribute('@', ENUM_ATTRIBUTES));
        result.values.push(value);
      }
      this.endOfLine();
    }
    this.expectText('}');
    return result;
  }

  private field(): PrismaField {
    const name = this.expect('identifier');
    const type = this.expect('identifier');
    const field: PrismaField = { name: name.text, type: type.text, optional: false, list: false, attributes: [], line: name.line };
    if (type.text === 'Unsupported') {
      this.expectText('(');
      field.unsupportedType = this.expect('string').text;
      this.expectText(')');
    }
    if (this.at('?')) { this.next(); field.optional = true; }
    else if (this.at('[')) { this.next(); this.expectText(']'); field.list = true; }
    while (this.at('@')) field.attributes.push(this.attribute('@', FIELD_ATTRIBUTES));
    return field;
  }

  private attribute(prefix: '@' | '@@', allowed: Record<string, string[]>): PrismaAttribute {
    const line = this.expectText(prefix).line;
    let name = this.expect('identifier').text;
    if (this.at('.')) { this.next(); name = `${name}.${this.expect('identifier').text}`; }
    const nativeType = prefix === '@' && name.startsWith('db.');
    const args = this.at('(') ? this.argumentList(nativeType) : [];
    if (nativeType) {
      if (args.some((arg) => arg.name !== '' || arg.value.kind !== 'number')) throw new PrismaSchemaSyntaxError(`@${name} takes numbers only`, line);
      return { name, args, line };
    }
    const names = allowed[name];
    if (!names) throw new PrismaSchemaSyntaxError(`attribute ${prefix}${name} is not supported by the schema check`, line);
    for (const arg of args) {
      if (prefix === '@@' && arg.name === 'fields') arg.name = ''; // @@index(fields: [...]) is the long form of @@index([...])
      if (!names.includes(arg.name)) throw new PrismaSchemaSyntaxError(`${prefix}${name} argument "${arg.name || '(positional)'}" is not supported by the schema check`, line);
      if (namesColumns(prefix, name, arg.name) && !(arg.value.kind === 'list' && arg.value.items.every((item) => item.kind === 'identifier'))) {
        throw new PrismaSchemaSyntaxError(`${prefix}${name} needs a plain list of field names (per-column options are not supported by the schema check)`, line);
      }
    }
    return { name, args, line };
  }

  /** Native types take several positional arguments (`@db.Decimal(18, 4)`); everything else one at most. */
  private argumentList(manyPositional = false): PrismaArgument[] {
    this.expectText('(');
    const args: PrismaArgument[] = [];
    while (!this.at(')')) {
      let name = '';
      if (this.peek().kind === 'identifier' && this.peek(1).text === ':' && this.peek(1).kind === 'punctuation') {
        name = this.next().text;
        this.next();
      } else if (args.length > 0 && !manyPositional) {
        throw new PrismaSchemaSyntaxError('only the first argument may be positional', this.peek().line);
      }
      args.push({ name, value: this.value() });
      if (!this.at(')')) this.expectText(',');
    }
    this.expectText(')');
    return args;
  }

  private value(): PrismaValue {
    const token = this.next();
    if (token.kind === 'string') return { kind: 'string', value: token.text };
    if (token.kind === 'number') return { kind: 'number', value: token.text };
    if (token.kind === 'identifier') {
      return this.at('(') ? { kind: 'call', name: token.text, args: this.argumentList() } : { kind: 'identifier', value: token.text };
    }
    if (token.text === '[') {
      const items: PrismaValue[] = [];
      while (!this.at(']')) {
        items.push(this.value());
        if (!this.at(']')) this.expectText(',');
      }
      this.next();
      return { kind: 'list', items };
    }
    throw new PrismaSchemaSyntaxError(`unexpected ${JSON.stringify(token.text)}`, token.line);
  }
}
