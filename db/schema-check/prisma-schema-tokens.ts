/**
 * Tokens of a Prisma schema file, for the small parser in ./parse-prisma-schema.ts.
 * Comments (`//` and `///`) are dropped; newlines are kept because one field is one line,
 * except inside (...) and [...], where Prisma lets arguments span lines.
 */
export type TokenKind = 'identifier' | 'string' | 'number' | 'punctuation' | 'newline';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
}

export class PrismaSchemaSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(`schema.prisma line ${line}: ${message}`);
    this.name = 'PrismaSchemaSyntaxError';
  }
}

const PUNCTUATION = ['@@', '@', '{', '}', '(', ')', '[', ']', ',', ':', '=', '?', '.'];
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r' };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let depth = 0; // (...) and [...] nesting, where newlines do not end a field
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\n') {
      if (depth === 0) tokens.push({ kind: 'newline', text: '\n', line });
      line += 1;
      i += 1;
    } else if (char === ' ' || char === '\t' || char === '\r') {
      i += 1;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (char === '"') {
      const { value, end } = readString(source, i, line);
      tokens.push({ kind: 'string', text: value, line });
      i = end;
    } else if (/[A-Za-z_]/.test(char)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))![0];
      tokens.push({ kind: 'identifier', text, line });
      i += text.length;
    } else if (/[-0-9]/.test(char)) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(i));
      if (!match) throw new PrismaSchemaSyntaxError(`unexpected character ${JSON.stringify(char)}`, line);
      tokens.push({ kind: 'number', text: match[0], line });
      i += match[0].length;
    } else {
      const text = PUNCTUATION.find((candidate) => source.startsWith(candidate, i));
      if (!text) throw new PrismaSchemaSyntaxError(`unexpected character ${JSON.stringify(char)}`, line);
      if (text === '(' || text === '[') depth += 1;
      if (text === ')' || text === ']') depth = Math.max(0, depth - 1);
      tokens.push({ kind: 'punctuation', text, line });
      i += text.length;
    }
  }
  tokens.push({ kind: 'newline', text: '\n', line });
  return tokens;
}

function readString(source: string, start: number, line: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '"') return { value, end: i + 1 };
    if (char === '\n') break;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      const escaped = ESCAPES[next];
      if (escaped === undefined) throw new PrismaSchemaSyntaxError(`unsupported escape \\${next} in a string`, line);
      value += escaped;
      i += 2;
    } else {
      value += char;
      i += 1;
    }
  }
  throw new PrismaSchemaSyntaxError('unterminated string', line);
}
