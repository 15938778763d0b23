import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { ERROR_SURFACE_MAP } from '../tools/registry/errors.ts';
import type { Principal, ToolFailure, ToolRunner } from '../tools/registry/runner.ts';

/** What resources and prompts need: the runner, the MCP principal, and which tools the server exposes. */
export interface McpScope {
  runner: ToolRunner;
  principal: Principal;
  exposes(tool: string): boolean;
}

/** At most this many campaigns or vendors are listed as resources, and suggested per completion. */
export const LISTED = 50;
const SUGGESTED = 20;

export interface CampaignRow { id: string; name: string; artist_name: string; status: string }
export interface VendorRow { id: string; name: string; is_active: boolean }

/** Runs a tool through the runner; a failure becomes an McpError carrying the tool's message. */
export async function callOrThrow<T>(scope: McpScope, tool: string, input: Record<string, unknown>): Promise<T> {
  const result = await scope.runner.call(tool, input, scope.principal);
  if (!result.ok) throw toMcpError(result.error);
  return result.output as T;
}

/** Rows of a list tool, or none when the call fails (listing and completion never error). */
async function rowsOf<T>(scope: McpScope, tool: string, input: Record<string, unknown>): Promise<T[]> {
  if (!scope.exposes(tool)) return [];
  const result = await scope.runner.call(tool, input, scope.principal);
  return result.ok ? ((result.output as { rows: T[] }).rows ?? []) : [];
}

export function toMcpError(error: ToolFailure): McpError {
  const issues = error.issues?.map((issue) => `; ${issue.path}: ${issue.message}`).join('') ?? '';
  return new McpError(ERROR_SURFACE_MAP[error.code].jsonRpcCode, `${error.code}: ${error.message}${issues}`);
}

export const latestCampaigns = (scope: McpScope, limit = LISTED) => rowsOf<CampaignRow>(scope, 'list_campaigns', { limit });
export const latestVendors = (scope: McpScope, limit = LISTED) => rowsOf<VendorRow>(scope, 'list_vendors', { limit });

/** Campaign ids for a partly typed id or campaign/artist name (list_campaigns' search). */
export async function completeCampaignId(scope: McpScope, typed: string | undefined): Promise<string[]> {
  const value = (typed ?? '').trim();
  if (!value) return (await latestCampaigns(scope, SUGGESTED)).map((row) => row.id);
  const [byName, latest] = await Promise.all([rowsOf<CampaignRow>(scope, 'list_campaigns', { search: value, limit: SUGGESTED }), latestCampaigns(scope)]);
  return suggestions(value, byName, latest);
}

/** Vendor ids for a partly typed id or vendor name (list_vendors' search). */
export async function completeVendorId(scope: McpScope, typed: string | undefined): Promise<string[]> {
  const value = (typed ?? '').trim();
  if (!value) return (await latestVendors(scope, SUGGESTED)).map((row) => row.id);
  const [byName, latest] = await Promise.all([rowsOf<VendorRow>(scope, 'list_vendors', { search: value, limit: SUGGESTED }), latestVendors(scope)]);
  return suggestions(value, byName, latest);
}

function suggestions(value: string, byName: { id: string }[], latest: { id: string }[]): string[] {
  const lower = value.toLowerCase();
  const ids = [...latest.filter((row) => row.id.startsWith(lower)), ...byName].map((row) => row.id);
  return [...new Set(ids)].slice(0, SUGGESTED);
}
