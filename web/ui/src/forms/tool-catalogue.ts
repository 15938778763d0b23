import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import type { ApiClient } from '../api/client.ts';
import { useApi } from '../auth/session.tsx';
import type { JsonSchema } from './schema-fields.ts';

/** One tool as GET /api/tools lists it for the signed-in role. */
export interface CatalogueTool {
  name: string;
  title: string;
  description: string;
  area: string;
  access: 'read' | 'write' | 'approval';
  read_only: boolean;
  input_schema: JsonSchema;
}

// One catalogue per session: the schemas change only with the server's code.
const loaded = new WeakMap<ApiClient, Promise<CatalogueTool[]>>();

export function catalogue(api: ApiClient): Promise<CatalogueTool[]> {
  let tools = loaded.get(api);
  if (!tools) {
    tools = api.get('/tools').then((answer) => (answer as { tools: CatalogueTool[] }).tools);
    tools.catch(() => loaded.delete(api));
    loaded.set(api, tools);
  }
  return tools;
}

export type ToolLookup = { state: 'loading' } | { state: 'missing' } | { state: 'error'; error: ApiError } | { state: 'ready'; tool: CatalogueTool };

/** The tool's published definition, or `missing` when this role may not call it (or it does not exist). */
export function useCatalogueTool(name: string): ToolLookup {
  const api = useApi();
  const [lookup, setLookup] = useState<{ name: string; result: ToolLookup } | null>(null);
  useEffect(() => {
    let current = true;
    catalogue(api).then(
      (tools) => {
        const tool = tools.find((candidate) => candidate.name === name);
        if (current) setLookup({ name, result: tool ? { state: 'ready', tool } : { state: 'missing' } });
      },
      (error: unknown) => {
        if (current) setLookup({ name, result: { state: 'error', error: error instanceof ApiError ? error : new ApiError('internal', String(error), 0) } });
      },
    );
    return () => {
      current = false;
    };
  }, [api, name]);
  return lookup?.name === name ? lookup.result : { state: 'loading' };
}
