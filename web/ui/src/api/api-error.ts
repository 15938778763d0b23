/** An error the API answered with (`{error: {code, message, issues?}}`) or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly issues: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

export async function errorFromResponse(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; issues?: Array<{ path: string; message: string }> } } | null;
  const code = body?.error?.code ?? `http_${response.status}`;
  const message = body?.error?.message ?? `The server answered ${response.status} ${response.statusText}.`;
  return new ApiError(code, message, response.status, body?.error?.issues ?? []);
}

export function networkError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') throw error;
  return new ApiError('network', 'Crescendo could not be reached. Check that the server is running, then try again.', 0);
}
