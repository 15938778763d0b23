import { ToolError } from '../../registry/errors.ts';
import { bigQueryRequest, type BigQueryHttpDeps } from './bigquery-http.ts';

/** A named standard-SQL query parameter (`@from`). */
export interface QueryParameter {
  name: string;
  type: 'DATE' | 'STRING' | 'INT64';
  value: string;
}

export interface BigQueryField {
  name: string;
  type: string;
  mode?: string;
}

/** jobs.query and jobs.getQueryResults answers (the fields Crescendo reads). */
interface QueryResponse {
  jobComplete?: boolean;
  jobReference?: { projectId?: string; jobId?: string; location?: string };
  schema?: { fields?: BigQueryField[] };
  pageToken?: string;
  rows?: Array<{ f?: Array<{ v?: unknown }> }>;
  totalRows?: string;
  errors?: Array<{ message?: string }>;
}

export interface QueryOptions {
  /** The REST root ending in /bigquery/v2. */
  apiRoot: string;
  /** The project the query job runs (and is billed) in. */
  projectId: string;
  accessToken: string;
  query: string;
  parameters: QueryParameter[];
  deps: BigQueryHttpDeps;
  /** Rows per page; BigQuery also caps pages at about 10 MB. */
  pageSize?: number;
}

export interface QueryResult {
  fields: BigQueryField[];
  rows: Array<Record<string, unknown>>;
  /** Answers read: the first, each poll while the job ran, each further page. */
  requests: number;
}

/**
 * Runs a parameterised standard-SQL query through the REST API (jobs.query), waits for the job
 * when the first answer says jobComplete: false (jobs.getQueryResults), reads every page
 * (pageToken), and decodes the `{f: [{v}]}` rows by the schema into plain objects.
 */
export async function runQuery(options: QueryOptions): Promise<QueryResult> {
  const { apiRoot, projectId, accessToken, deps } = options;
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const secrets = [accessToken];
  const pageSize = options.pageSize ?? 10_000;
  let requests = 1;
  let answer = (
    await bigQueryRequest(deps, {
      method: 'POST',
      url: `${apiRoot}/projects/${encodeURIComponent(projectId)}/queries`,
      label: 'the query',
      headers,
      secrets,
      body: JSON.stringify({
        query: options.query,
        useLegacySql: false,
        parameterMode: 'NAMED',
        queryParameters: options.parameters.map((parameter) => ({ name: parameter.name, parameterType: { type: parameter.type }, parameterValue: { value: parameter.value } })),
        maxResults: pageSize,
        timeoutMs: 10_000,
      }),
      refusal: (status, body) => refused(status, body, secrets),
    })
  ).body as QueryResponse;
  const jobId = answer.jobReference?.jobId;
  const location = answer.jobReference?.location;
  const resultsUrl = (pageToken?: string) => {
    if (!jobId) throw new ToolError('unavailable', 'BigQuery answered the query without a job reference.');
    const url = new URL(`${apiRoot}/projects/${encodeURIComponent(answer.jobReference?.projectId ?? projectId)}/queries/${encodeURIComponent(jobId)}`);
    if (location) url.searchParams.set('location', location);
    url.searchParams.set('maxResults', String(pageSize));
    url.searchParams.set('timeoutMs', '10000');
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    return url.toString();
  };
  const get = async (pageToken?: string) => {
    requests += 1;
    return (await bigQueryRequest(deps, { method: 'GET', url: resultsUrl(pageToken), label: 'the query results', headers, secrets, refusal: (status, body) => refused(status, body, secrets) })).body as QueryResponse;
  };
  const maxPolls = deps.maxPolls ?? 360;
  for (let poll = 0; !answer.jobComplete; poll++) {
    if (poll >= maxPolls) throw new ToolError('unavailable', `The BigQuery job ${jobId ?? ''} was still running after ${maxPolls} checks; try again later.`);
    if (poll > 0) await (deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))))(deps.pollIntervalMs ?? 1_000);
    answer = await get();
  }
  if (answer.errors?.length) throw new ToolError('conflict', `BigQuery ran the query with errors: ${answer.errors.map((error) => error.message).join('; ').slice(0, 400)}`);
  const fields = answer.schema?.fields ?? [];
  const rows: Array<Record<string, unknown>> = [];
  const take = (page: QueryResponse) => {
    for (const row of page.rows ?? []) rows.push(decodeRow(fields, row));
  };
  take(answer);
  let pageToken = answer.pageToken;
  while (pageToken) {
    const page = await get(pageToken);
    take(page);
    pageToken = page.pageToken;
  }
  return { fields, rows, requests };
}

function refused(status: number, body: unknown, secrets: readonly string[]): ToolError {
  const error = (body as { error?: { message?: string; errors?: Array<{ reason?: string }> } } | undefined)?.error;
  let message = (error?.message ?? `HTTP ${status}`).replace(/\s+/g, ' ').slice(0, 400);
  for (const secret of secrets) message = message.split(secret).join('[redacted]');
  const reason = error?.errors?.[0]?.reason;
  if (status === 401) return new ToolError('unavailable', `BigQuery did not accept the service account's token: ${message}.`);
  if (status === 403 || reason === 'accessDenied') return new ToolError('forbidden', `BigQuery refused access: ${message}. Give the service account the BigQuery Data Viewer and Job User roles on the project.`);
  if (status === 404 || reason === 'notFound') return new ToolError('conflict', `BigQuery could not find it: ${message}. Check the project, dataset and table of the source (set_bigquery_source).`);
  return new ToolError('conflict', `BigQuery refused the query: ${message}. Check the source's column map (set_bigquery_source).`);
}

/** One `{f: [{v}]}` row as an object by field name; numbers arrive as strings, timestamps as epoch seconds. */
export function decodeRow(fields: BigQueryField[], row: { f?: Array<{ v?: unknown }> }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  fields.forEach((field, index) => {
    out[field.name] = decodeValue(field, row.f?.[index]?.v);
  });
  return out;
}

function decodeValue(field: BigQueryField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.mode === 'REPEATED' || field.type === 'RECORD' || field.type === 'STRUCT') return value;
  switch (field.type) {
    case 'INTEGER':
    case 'INT64':
    case 'FLOAT':
    case 'FLOAT64':
    case 'NUMERIC':
    case 'BIGNUMERIC':
      return Number(value);
    case 'BOOLEAN':
    case 'BOOL':
      return value === true || value === 'true';
    case 'TIMESTAMP':
      return new Date(Number(value) * 1000).toISOString();
    default:
      return String(value);
  }
}
