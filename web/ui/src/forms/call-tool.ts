import { errorFromResponse } from '../api/api-error.ts';
import type { ApiClient } from '../api/client.ts';

/**
 * Calls any tool by name with an input built at run time (the forms know tools from their published
 * schemas, not from the UI's typed list). Errors are the API's own ApiError, issues included.
 */
export async function callAnyTool(api: ApiClient, name: string, input: unknown, signal?: AbortSignal): Promise<unknown> {
  const response = await api.post(`/tools/${encodeURIComponent(name)}`, input, signal);
  if (!response.ok) throw await errorFromResponse(response);
  return response.json();
}
