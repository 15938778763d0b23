import type { z } from 'zod';
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
  const issues: FieldIssue[] = error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new ToolError('invalid_input', `Invalid input for ${toolName}: ${summary}`, issues);
}
