import { AREAS, type Area } from '../tools/registry/roles.ts';
import type { ToolsetSelection } from './session-tools.ts';

/** Thrown for a toolset name that is not an area; surfaces turn it into a usage error or a 400. */
export class ToolsetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolsetError';
  }
}

/**
 * Parses "campaigns,crm" into areas listed from the start (MCP toolsets), or "all" into every tool
 * the role may use; undefined or empty means the default catalogue (core plus discovery).
 */
export function parseToolsets(value: string | undefined): ToolsetSelection | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (names.includes('all')) return 'all';
  const unknown = names.filter((name) => !(AREAS as readonly string[]).includes(name));
  if (unknown.length) throw new ToolsetError(`unknown toolset${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')} (toolsets are: ${AREAS.join(', ')}, or all)`);
  return [...new Set(names)] as Area[];
}
