import { errorFromResponse, networkError } from './api-error.ts';
import type { ToolInput, ToolName, ToolOutput } from './tool-types.ts';

export interface ApiClient {
  callTool<Name extends ToolName>(name: Name, input: ToolInput<Name>, signal?: AbortSignal): Promise<ToolOutput<Name>>;
  /** POST to a JSON endpoint under /api (approvals, chat). */
  post(path: string, body: unknown, signal?: AbortSignal): Promise<Response>;
  /** GET a JSON endpoint under /api (the tool catalogue with its input schemas). */
  get(path: string, signal?: AbortSignal): Promise<unknown>;
  /** GET a file under /api (a report export) with the token: its bytes and the name the server gave it. */
  download(path: string, signal?: AbortSignal): Promise<{ blob: Blob; filename: string | null }>;
}

/**
 * Every read and action goes through the tool API, the same registry Slack, MCP and the agent use,
 * so the UI can never disagree with them. The token travels only in the Authorization header.
 */
export function createApiClient(token: string, onUnauthenticated: () => void): ApiClient {
  async function post(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`/api${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      throw networkError(error);
    }
    if (response.status === 401) onUnauthenticated();
    return response;
  }

  return {
    post,
    async get(path, signal) {
      let response: Response;
      try {
        response = await fetch(`/api${path}`, { headers: { authorization: `Bearer ${token}` }, signal });
      } catch (error) {
        throw networkError(error);
      }
      if (response.status === 401) onUnauthenticated();
      if (!response.ok) throw await errorFromResponse(response);
      return response.json();
    },
    async download(path, signal) {
      let response: Response;
      try {
        response = await fetch(`/api${path}`, { headers: { authorization: `Bearer ${token}` }, signal });
      } catch (error) {
        throw networkError(error);
      }
      if (response.status === 401) onUnauthenticated();
      if (!response.ok) throw await errorFromResponse(response);
      const disposition = response.headers.get('content-disposition') ?? '';
      const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
      return { blob: await response.blob(), filename: filename ? decodeURIComponent(filename) : null };
    },
    async callTool(name, input, signal) {
      const response = await post(`/tools/${name}`, input, signal);
      if (!response.ok) throw await errorFromResponse(response);
      return (await response.json()) as never;
    },
  };
}
