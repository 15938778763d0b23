import { request as httpRequest } from 'node:http';
import { ToolError } from '../tools/registry/errors.ts';
import type { Role } from '../tools/registry/roles.ts';
import type { ToolFailure, ToolResult } from '../tools/registry/runner.ts';
import type { AdminFlags, AdminOutcome } from './admin-command.ts';
import type { CliIdentityOptions } from './command-context.ts';
import { LOCAL_ADMIN_PATH, LOCAL_TOKEN_PATH, readLocalCredential } from './local-credential.ts';
import { readRunningServer } from './server-state.ts';
import { UsageError } from './usage.ts';

/** A `crescendo start` on this data folder, reached over loopback HTTP as a member the CLI names. */
export interface AttachedServer {
  url: string;
  /** An API token of the member and role the flags name (the CLI's rules: --role only lowers). */
  tokenFor(identity: CliIdentityOptions): Promise<string>;
  /** The same token with the role it carries. */
  member(identity: CliIdentityOptions): Promise<LocalMember>;
  /** A tool call through POST /api/tools/:name, as the same result the runner returns. */
  callTool(identity: CliIdentityOptions, tool: string, input: unknown): Promise<ToolResult>;
  /** Any /api request with the member's token; the answer as the runner's result shape. */
  api(identity: CliIdentityOptions, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ToolResult>;
  /**
   * An administrative command (`org create`, `token create`, ...) run by the server with the local
   * credential itself: install-wide work no organisation's token may do. Its errors come back as
   * the same UsageError or ToolError the command throws when it runs on the database.
   */
  admin(command: string, subcommand: string, flags: AdminFlags): Promise<AdminOutcome>;
}

export interface LocalMember {
  token: string;
  role: Role;
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
  const members = new Map<string, Promise<LocalMember>>();

  const member = (identity: CliIdentityOptions) => {
    const key = JSON.stringify([identity.org, identity.as, identity.role]);
    if (!members.has(key)) members.set(key, exchange(url, secret, identity));
    return members.get(key)!;
  };
  const tokenFor = async (identity: CliIdentityOptions) => (await member(identity)).token;
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
    member,
    api,
    admin: (command, subcommand, flags) => runAdmin(url, secret, `${LOCAL_ADMIN_PATH}/${command}/${subcommand}`, flags),
    callTool: (identity, tool, input) => api(identity, 'POST', `/api/tools/${encodeURIComponent(tool)}`, input),
  };
}

async function exchange(url: string, secret: string, identity: CliIdentityOptions): Promise<LocalMember> {
  const response = await reach(url, LOCAL_TOKEN_PATH, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ org: identity.org, as: identity.as, role: identity.role }),
  });
  const answer = (await response.json()) as { token?: string; role?: Role; error?: { message: string } };
  if (response.ok && answer.token && answer.role) return { token: answer.token, role: answer.role };
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

/**
 * Over node:http rather than fetch: `db seed` can take minutes before the server answers, longer
 * than fetch waits for response headers.
 */
async function runAdmin(url: string, secret: string, path: string, flags: AdminFlags): Promise<AdminOutcome> {
  const body = JSON.stringify(flags);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = httpRequest(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    request.on('error', (error) => reject(new Error(`the server recorded in the data folder (${url}) did not answer: ${error.message}. Is \`crescendo start\` still starting?`)));
    request.end(body);
  });
  const answer = JSON.parse(text) as AdminOutcome & { error?: ToolFailure };
  if (status === 200) return answer;
  const failure = answer.error ?? { code: 'internal' as const, message: `the server answered ${status}` };
  if (failure.code === 'invalid_input') throw new UsageError(failure.message);
  throw new ToolError(failure.code, failure.message);
}
