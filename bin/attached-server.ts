import type { ToolFailure, ToolResult } from '../tools/registry/runner.ts';
import type { CliIdentityOptions } from './command-context.ts';
import { readLocalCredential } from './local-credential.ts';
import { LOCAL_TOKEN_PATH } from './local-token-route.ts';
import { readRunningServer } from './server-state.ts';
import { UsageError } from './usage.ts';

/** A `crescendo start` on this data folder, reached over loopback HTTP as a member the CLI names. */
export interface AttachedServer {
  url: string;
  /** An API token of the member and role the flags name (the CLI's rules: --role only lowers). */
  tokenFor(identity: CliIdentityOptions): Promise<string>;
  /** A tool call through POST /api/tools/:name, as the same result the runner returns. */
  callTool(identity: CliIdentityOptions, tool: string, input: unknown): Promise<ToolResult>;
  /** Any /api request with the member's token; the answer as the runner's result shape. */
  api(identity: CliIdentityOptions, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ToolResult>;
}

/**
 * The server holding this data folder's embedded database, when one runs and left its local
 * credential; null otherwise (the CLI then opens the database itself, as before).
 */
export function findAttachedServer(dataDir: string): AttachedServer | null {
  const running = readRunningServer(dataDir);
  const secret = running && readLocalCredential(dataDir);
  if (!running || !secret) return null;
  // The credential is accepted only over loopback: the local port, even when a public URL is recorded.
  const url = (running.localUrl ?? running.url).replace(/\/+$/, '');
  const tokens = new Map<string, Promise<string>>();

  const tokenFor = (identity: CliIdentityOptions) => {
    const key = JSON.stringify([identity.org, identity.as, identity.role]);
    if (!tokens.has(key)) tokens.set(key, exchange(url, secret, identity));
    return tokens.get(key)!;
  };
  const api = async (identity: CliIdentityOptions, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ToolResult> => {
    const response = await reach(url, path, {
      method,
      headers: { authorization: `Bearer ${await tokenFor(identity)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as { error?: ToolFailure };
    if (response.ok) return { ok: true, output: answer };
    if (answer.error) return { ok: false, error: answer.error };
    return { ok: false, error: { code: 'internal', message: `the server answered ${response.status}` } };
  };
  return {
    url,
    tokenFor,
    api,
    callTool: (identity, tool, input) => api(identity, 'POST', `/api/tools/${encodeURIComponent(tool)}`, input),
  };
}

async function exchange(url: string, secret: string, identity: CliIdentityOptions): Promise<string> {
  const response = await reach(url, LOCAL_TOKEN_PATH, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ org: identity.org, as: identity.as, role: identity.role }),
  });
  const answer = (await response.json()) as { token?: string; error?: { message: string } };
  if (response.ok && answer.token) return answer.token;
  if (response.status === 400) throw new UsageError(answer.error?.message ?? 'bad identity flags');
  throw new Error(`the running server at ${url} refused the local credential: ${answer.error?.message ?? response.status}`);
}

async function reach(url: string, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`${url}${path}`, init);
  } catch (error) {
    throw new Error(`the server recorded in the data folder (${url}) did not answer: ${(error as Error).cause ?? (error as Error).message}. Is \`crescendo start\` still starting?`);
  }
}
