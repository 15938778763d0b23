import { AREAS, type Area } from '../tools/registry/roles.ts';

/** Thrown for a toolset name that is not an area; surfaces turn it into a usage error or a 400. */
export class ToolsetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolsetError';
  }
}

/** Parses "campaigns,crm" into areas (MCP toolsets); undefined or empty means every area. */
export function parseToolsets(value: string | undefined): Area[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !(AREAS as readonly string[]).includes(name));
  if (unknown.length) throw new ToolsetError(`unknown toolset${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')} (toolsets are: ${AREAS.join(', ')})`);
  return [...new Set(names)] as Area[];
}
