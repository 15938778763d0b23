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

/**
 * The single place that maps error codes onto each surface: HTTP status, CLI exit code, and the
 * JSON-RPC code of an MCP protocol error (resource reads; tool calls answer with `isError`).
 */
export const ERROR_SURFACE_MAP: Record<ToolErrorCode, { httpStatus: number; exitCode: number; jsonRpcCode: number }> = {
  invalid_input: { httpStatus: 400, exitCode: 2, jsonRpcCode: -32602 },
  not_found: { httpStatus: 404, exitCode: 1, jsonRpcCode: -32002 },
  forbidden: { httpStatus: 403, exitCode: 1, jsonRpcCode: -32603 },
  conflict: { httpStatus: 409, exitCode: 1, jsonRpcCode: -32603 },
  approval_required: { httpStatus: 202, exitCode: 1, jsonRpcCode: -32603 },
  unavailable: { httpStatus: 503, exitCode: 1, jsonRpcCode: -32603 },
  internal: { httpStatus: 500, exitCode: 1, jsonRpcCode: -32603 },
};

/** How a failure reads in plain text (CLI stderr, MCP error results): `error [code]: message`. */
export function describeFailure(failure: { code: ToolErrorCode; message: string }): string {
  return `error [${failure.code}]: ${failure.message}`;
}
