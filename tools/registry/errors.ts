/** The stable error codes every surface understands. */
export const TOOL_ERROR_CODES = [
  'invalid_input',
  'not_found',
  'forbidden',
  'conflict',
  'approval_required',
  'unavailable',
  'internal',
] as const;
export type ToolErrorCode = (typeof TOOL_ERROR_CODES)[number];

/** One problem with one input field; `path` is the field as a user would write it (`songs[0].goal`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * An expected failure a caller can act on (bad input, missing record, missing permission...).
 * Tools throw it; the registry turns it into a typed result. Anything else thrown is a fault
 * and becomes `internal` with a reference id.
 */
export class ToolError extends Error {
  constructor(
    readonly code: ToolErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ToolError';
  }
}

export function invalidInput(path: string, message: string): ToolError {
  return new ToolError('invalid_input', `${path}: ${message}`, [{ path, message }]);
}

/** The same answer whether the record never existed or belongs to another organisation. */
export function notFound(entity: string, id: string): ToolError {
  return new ToolError('not_found', `No ${entity} with id ${id} in this organisation.`);
}

export function forbidden(message: string): ToolError {
  return new ToolError('forbidden', message);
}

export function conflict(message: string): ToolError {
  return new ToolError('conflict', message);
}

/** The single place that maps error codes onto each surface. */
export const ERROR_SURFACE_MAP: Record<ToolErrorCode, { httpStatus: number; exitCode: number }> = {
  invalid_input: { httpStatus: 400, exitCode: 2 },
  not_found: { httpStatus: 404, exitCode: 1 },
  forbidden: { httpStatus: 403, exitCode: 1 },
  conflict: { httpStatus: 409, exitCode: 1 },
  approval_required: { httpStatus: 202, exitCode: 1 },
  unavailable: { httpStatus: 503, exitCode: 1 },
  internal: { httpStatus: 500, exitCode: 1 },
};
