import jsep from 'jsep';

/**
 * Calculated metrics' formulas: expressions over other metric keys, numbers, + - * /, parentheses,
 * comparisons (for `if`) and the functions below. Parsed with jsep into a tree that is checked
 * against this grammar and evaluated here; nothing is ever handed to `eval` or turned into SQL.
 */
export const FORMULA_FUNCTIONS = {
  if: 'if(condition, then, else): `then` when the condition is true (non-zero), else `else`',
  min: 'min(a, b, ...): the smallest value, ignoring empty ones',
  max: 'max(a, b, ...): the largest value, ignoring empty ones',
  abs: 'abs(a): the value without its sign',
  coalesce: 'coalesce(a, b, ...): the first value that is not empty',
} as const;
type FormulaFunction = keyof typeof FORMULA_FUNCTIONS;

const ARITHMETIC = new Set(['+', '-', '*', '/']);
const COMPARISONS = new Set(['>', '<', '>=', '<=', '==', '!=']);
const LOGICAL = new Set(['&&', '||']);

export type FormulaNode =
  | { type: 'number'; value: number }
  | { type: 'null' }
  | { type: 'metric'; key: string; position: number }
  | { type: 'negate'; operand: FormulaNode }
  | { type: 'binary'; operator: string; left: FormulaNode; right: FormulaNode }
  | { type: 'call'; name: FormulaFunction; args: FormulaNode[] };

export interface ParsedFormula {
  text: string;
  root: FormulaNode;
  /** The metric keys it reads, each once, in the order they first appear. */
  references: string[];
}

/** A formula that does not parse or breaks the grammar; `position` is the 0-based character it points at. */
export class FormulaError extends Error {
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(`${reason} (at character ${position + 1})`);
    this.name = 'FormulaError';
  }
}

// Identifiers remember where they start, so an unknown key can be pointed at. jsep has already
// skipped the spaces after a lone identifier (looking for a call or a dot), so step back over them.
jsep.hooks.add('after-token', function recordStart(env) {
  const node = env.node as (jsep.Expression & { start?: number }) | undefined;
  if (node?.type !== 'Identifier') return;
  let end = this.index;
  while (end > 0 && /\s/.test(this.expr.charAt(end - 1))) end -= 1;
  node.start = end - String(node.name).length;
});

export function parseFormula(text: string): ParsedFormula {
  if (!text.trim()) throw new FormulaError(0, 'the formula is empty');
  let tree: jsep.Expression;
  try {
    tree = jsep(text);
  } catch (error) {
    const failure = error as Error & { index?: number; description?: string };
    throw new FormulaError(failure.index ?? 0, failure.description ?? failure.message);
  }
  const references: string[] = [];
  const root = convert(tree, text, references);
  return { text, root, references };
}

function convert(node: jsep.Expression, text: string, references: string[]): FormulaNode {
  const at = (fallback: string) => Math.max(0, text.indexOf(fallback));
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (value === null) return { type: 'null' };
      if (typeof value === 'number' && Number.isFinite(value)) return { type: 'number', value };
      throw new FormulaError(at(String((node as jsep.Literal).raw)), `${String((node as jsep.Literal).raw)} is not a number or a metric key`);
    }
    case 'Identifier': {
      const { name, start } = node as jsep.Identifier & { start?: number };
      if (name in FORMULA_FUNCTIONS) throw new FormulaError(start ?? at(name), `${name} is a function: call it as ${name}(...)`);
      if (!references.includes(name)) references.push(name);
      return { type: 'metric', key: name, position: start ?? at(name) };
    }
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression;
      const operand = convert(unary.argument, text, references);
      if (unary.operator === '-') return { type: 'negate', operand };
      if (unary.operator === '+') return operand;
      throw new FormulaError(at(unary.operator), `"${unary.operator}" is not allowed (use + - * / and comparisons)`);
    }
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression;
      const left = convert(binary.left, text, references);
      const right = convert(binary.right, text, references);
      if (!ARITHMETIC.has(binary.operator) && !COMPARISONS.has(binary.operator) && !LOGICAL.has(binary.operator)) {
        throw new FormulaError(at(binary.operator), `"${binary.operator}" is not allowed (use + - * /, comparisons, && and ||)`);
      }
      return { type: 'binary', operator: binary.operator, left, right };
    }
    case 'CallExpression': {
      const call = node as jsep.CallExpression;
      const callee = call.callee as jsep.Identifier;
      const name = callee.type === 'Identifier' ? String(callee.name) : '';
      if (!(name in FORMULA_FUNCTIONS)) {
        throw new FormulaError(at(name || '('), `${name || 'this'} is not a function; the functions are ${Object.keys(FORMULA_FUNCTIONS).join(', ')}`);
      }
      const args = call.arguments.map((argument) => convert(argument, text, references));
      checkArity(name as FormulaFunction, args.length, at(name));
      return { type: 'call', name: name as FormulaFunction, args };
    }
    case 'ConditionalExpression':
      throw new FormulaError(at('?'), 'use if(condition, then, else) instead of ? :');
    case 'Compound':
      throw new FormulaError(at(','), 'a formula is one expression (commas only separate function arguments)');
    default:
      throw new FormulaError(at('.') >= 0 ? at('.') : 0, `${describeNode(node.type)} is not allowed in a formula`);
  }
}

function describeNode(type: string): string {
  if (type === 'MemberExpression') return 'a dotted name (use the metric key)';
  if (type === 'ArrayExpression') return 'a list';
  return `"${type}"`;
}

function checkArity(name: FormulaFunction, count: number, position: number): void {
  const wanted = name === 'if' ? [3, 3] : name === 'abs' ? [1, 1] : [1, Infinity];
  if (count < wanted[0]! || count > wanted[1]!) {
    const expected = wanted[0] === wanted[1] ? `${wanted[0]}` : `at least ${wanted[0]}`;
    throw new FormulaError(position, `${name} takes ${expected} argument${wanted[0] === 1 && wanted[1] === 1 ? '' : 's'}, not ${count}`);
  }
}

/** A metric's aggregated value in the current row, or null when it has none. */
export type MetricLookup = (key: string) => number | null;

/**
 * Evaluates on one result row's aggregated inputs (a ratio of sums, never an average of ratios).
 * Empty inputs make the result empty (except inside coalesce, min, max and an untaken if branch);
 * division by zero and any non-finite result are empty, never Infinity.
 */
export function evaluateFormula(formula: ParsedFormula | FormulaNode, lookup: MetricLookup): number | null {
  const value = evaluate('root' in formula ? formula.root : formula, lookup);
  return value === null || !Number.isFinite(value) ? null : value;
}

function evaluate(node: FormulaNode, lookup: MetricLookup): number | null {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'null':
      return null;
    case 'metric':
      return lookup(node.key);
    case 'negate': {
      const value = evaluate(node.operand, lookup);
      return value === null ? null : -value;
    }
    case 'binary':
      return binary(node.operator, evaluate(node.left, lookup), evaluate(node.right, lookup));
    case 'call':
      return call(node.name, node.args, lookup);
  }
}

function binary(operator: string, left: number | null, right: number | null): number | null {
  if (left === null || right === null) return null;
  switch (operator) {
    case '+': return left + right;
    case '-': return left - right;
    case '*': return left * right;
    case '/': return right === 0 ? null : left / right;
    case '>': return Number(left > right);
    case '<': return Number(left < right);
    case '>=': return Number(left >= right);
    case '<=': return Number(left <= right);
    case '==': return Number(left === right);
    case '!=': return Number(left !== right);
    case '&&': return Number(left !== 0 && right !== 0);
    case '||': return Number(left !== 0 || right !== 0);
    default: return null;
  }
}

function call(name: FormulaFunction, args: FormulaNode[], lookup: MetricLookup): number | null {
  if (name === 'if') {
    const condition = evaluate(args[0]!, lookup);
    if (condition === null) return null;
    return evaluate(condition !== 0 ? args[1]! : args[2]!, lookup);
  }
  if (name === 'coalesce') {
    for (const argument of args) {
      const value = evaluate(argument, lookup);
      if (value !== null) return value;
    }
    return null;
  }
  const values = args.map((argument) => evaluate(argument, lookup));
  if (name === 'abs') return values[0] === null ? null : Math.abs(values[0]!);
  const present = values.filter((value): value is number => value !== null);
  if (!present.length) return null;
  return name === 'min' ? Math.min(...present) : Math.max(...present);
}
