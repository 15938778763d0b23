import type { z } from 'zod';
import { findUnstorableCharacter, unstorableMessage } from '../common/storable-text.ts';
import { ToolError, type FieldIssue } from './errors.ts';

/** `['songs', 0, 'goal']` -> `songs[0].goal`; the whole input is `input`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'input';
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

/** A zod failure as an `invalid_input` error whose message names every bad field. */
export function inputError(toolName: string, error: z.ZodError): ToolError {
  return issuesError(toolName, error.issues.map((issue) => ({ path: formatPath(issue.path), message: isMissing(issue) ? 'is required' : issue.message })));
}

/** zod reports a missing field as a type error ("expected string, received undefined"); people say "required". */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
}

/**
 * Every string (and object key) of a parsed input that the database could not store, as issues
 * naming the field: checked once here for every tool, so no tool can fail half-way (or lose its
 * audit row) on a NUL byte or a lone surrogate.
 */
export function unstorableTextIssues(value: unknown, path: PropertyKey[] = []): FieldIssue[] {
  if (typeof value === 'string') {
    const found = findUnstorableCharacter(value);
    return found ? [{ path: formatPath(path), message: unstorableMessage(value, found) }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableTextIssues(item, [...path, index]));
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const keyProblem = findUnstorableCharacter(key);
    if (keyProblem) return [{ path: formatPath(path), message: `has a field name that ${unstorableMessage(key, keyProblem)}` }];
    return unstorableTextIssues(item, [...path, key]);
  });
}

/** The issues as one `invalid_input` error, like a schema failure. */
export function issuesError(toolName: string, issues: FieldIssue[]): ToolError {
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new ToolError('invalid_input', `Invalid input for ${toolName}: ${summary}`, issues);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
