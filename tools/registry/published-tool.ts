import { z } from 'zod';
import { advertisedOutput } from './approval-request.ts';
import { answersQuestions, type AnyTool } from './define-tool.ts';

/** A JSON Schema object as surfaces send it. */
export type JsonSchema = { [key: string]: unknown };

/** MCP's tool annotations, in the protocol's own field names (plain data: no SDK import here). */
export interface PublishedAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint: boolean;
}

/** One tool as every surface publishes it: MCP's tools/list, the agent's tool set and GET /api/tools. */
export interface PublishedTool {
  name: string;
  title: string;
  description: string;
  area: AnyTool['area'];
  access: AnyTool['access'];
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  annotations: PublishedAnnotations;
}

const published = new WeakMap<AnyTool, PublishedTool>();

/**
 * The tool's public definition, generated once per tool: the same zod validation the runner
 * applies, described compactly. Dates are `format: date` without zod's long pattern (the runner
 * still checks it), output schemas carry types and no prose (the model reads values, not them).
 */
export function publishTool(tool: AnyTool): PublishedTool {
  let definition = published.get(tool);
  if (!definition) {
    definition = {
      name: tool.name,
      title: tool.title,
      description: describeTool(tool),
      area: tool.area,
      access: tool.access,
      inputSchema: compactSchema(tool.input, 'input'),
      outputSchema: compactSchema(advertisedOutput(tool), 'output'),
      annotations: annotationsOf(tool),
    };
    published.set(tool, definition);
  }
  return definition;
}

/**
 * Read-only means the tool changes nothing anybody manages. A tool whose only write is a record of
 * its own answer (a stored attribution run, like the audit row every call writes) is read-only on
 * every surface: annotations, MCP's read-only mode, the VIEWER role and the agent agree.
 */
export function isReadOnly(tool: AnyTool): boolean {
  return answersQuestions(tool);
}

/** The description plus, for tools that change things, what calling them does. */
export function describeTool(tool: AnyTool): string {
  if (tool.access === 'approval') return `${tool.description} [approval: only files a request; nothing happens until another person approves it]`;
  if (!isReadOnly(tool)) return `${tool.description} [write: changes data; call only when asked to]`;
  return tool.description;
}

export function annotationsOf(tool: AnyTool): PublishedAnnotations {
  const hints = tool.hints ?? {};
  const readOnly = isReadOnly(tool);
  const annotations: PublishedAnnotations = { title: tool.title, readOnlyHint: readOnly, openWorldHint: hints.openWorld ?? false };
  if (!readOnly) annotations.destructiveHint = hints.destructive ?? false;
  if (hints.idempotent !== undefined || readOnly) annotations.idempotentHint = hints.idempotent ?? true;
  return annotations;
}

/** The first sentence of a description: what search results and toolset summaries show. */
export function oneLine(description: string): string {
  const match = /^(.+?[.!?])(\s|$)/s.exec(description);
  return (match?.[1] ?? description).trim();
}

// Formats whose meaning already says what zod's pattern checks.
const SELF_DESCRIBING_FORMATS = new Set(['date', 'date-time', 'time', 'email', 'uri', 'uuid', 'duration']);
// zod writes these bounds for every .int(); they say nothing a model or client needs.
const SAFE_INTEGER_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

/** A zod schema as compact JSON Schema for one direction (what callers send, or what they get). */
export function compactSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const full = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete full.$schema;
  return compactNode(full, io) as JsonSchema;
}

function compactNode(node: unknown, io: 'input' | 'output'): unknown {
  if (Array.isArray(node)) return node.map((item) => compactNode(item, io));
  if (!node || typeof node !== 'object') return node;
  const source = node as JsonSchema;
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'pattern' && typeof source.format === 'string' && SELF_DESCRIBING_FORMATS.has(source.format)) continue;
    if ((key === 'minimum' || key === 'maximum') && SAFE_INTEGER_BOUNDS.has(value as number)) continue;
    if (io === 'output' && (key === 'description' || key === 'title' || key === 'examples' || key === 'additionalProperties')) continue;
    // Property maps hold field names as keys: compact each field, keep every name.
    if (key === 'properties' || key === '$defs' || key === 'definitions') {
      result[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([name, field]) => [name, compactNode(field, io)]));
      continue;
    }
    result[key] = compactNode(value, io);
  }
  return result;
}
