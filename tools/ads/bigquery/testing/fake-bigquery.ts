import { generateKeyPairSync, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback BigQuery REST API and Google token endpoint, answering in the documented shapes:
 * POST /token (JWT bearer grant; the assertion's RS256 signature checked against the registered
 * service account's public key), POST /bigquery/v2/projects/{p}/queries (jobs.query) and
 * GET /bigquery/v2/projects/{p}/queries/{jobId} (jobs.getQueryResults) with pageToken paging,
 * `{f: [{v}]}` rows and string-typed numbers. It evaluates the only query shape Crescendo sends
 * (`col` AS `key` ..., WHERE `date_col` BETWEEN @from AND @to) over an in-memory table.
 */

export interface FakeColumn {
  name: string;
  type: 'STRING' | 'DATE' | 'INTEGER' | 'FLOAT' | 'NUMERIC' | 'TIMESTAMP';
}

export interface FakeBigQueryOptions {
  columns: FakeColumn[];
  rows: Array<Record<string, string | number | null>>;
  /** Rows per page when the request asks for more. */
  pageSize?: number;
}

export interface FakeBigQuery {
  url: string;
  tokenUrl: string;
  /** A service-account key JSON whose public half the fake trusts. */
  keyJson(overrides?: Record<string, unknown>): string;
  /** A well-formed key the fake does not trust (another key pair). */
  untrustedKeyJson(): string;
  table: FakeBigQueryOptions;
  /** Answer the next n jobs.query calls with 429 (retry-after: 1). */
  rateLimitNext(n: number): void;
  /** The next query answers jobComplete: false first; the results call completes it. */
  slowNextJob(): void;
  calls: { token: number; query: number; results: number; rateLimited: number };
  queries: Array<{ query: string; parameters: Record<string, string>; project: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

interface Job {
  rows: Array<Array<string | null>>;
  fields: Array<{ name: string; type: string; mode: string }>;
  project: string;
}

export async function startFakeBigQuery(options: FakeBigQueryOptions): Promise<FakeBigQuery> {
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const untrusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientEmail = 'crescendo-sync@acme-marketing.iam.gserviceaccount.com';
  const publicKeys = new Map([[clientEmail, trusted.publicKey]]);
  const tokens = new Set<string>();
  const jobs = new Map<string, Job>();
  const slowJobs = new Set<string>();
  let rateLimited = 0;
  let slowNext = false;
  let jobCount = 0;
  const calls = { token: 0, query: 0, results: 0, rateLimited: 0 };
  const queries: FakeBigQuery['queries'] = [];
  const table = options;

  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  const bigQueryError = (response: ServerResponse, status: number, reason: string, message: string, headers: Record<string, string> = {}) =>
    send(response, status, { error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: status === 429 ? 'RESOURCE_EXHAUSTED' : 'INVALID_ARGUMENT' } }, headers);

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/token') {
      calls.token += 1;
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return send(response, 400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type.' });
      const [header, claims, signature] = (form.get('assertion') ?? '').split('.');
      if (!header || !claims || !signature) return send(response, 400, { error: 'invalid_grant', error_description: 'Invalid JWT.' });
      const payload = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { iss?: string; aud?: string; exp?: number; iat?: number; scope?: string };
      const publicKey = publicKeys.get(payload.iss ?? '');
      if (!publicKey) return send(response, 400, { error: 'invalid_grant', error_description: 'Invalid JWT: unknown service account.' });
      if (!verify('RSA-SHA256', Buffer.from(`${header}.${claims}`), publicKey, Buffer.from(signature, 'base64url'))) return send(response, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
      if (payload.aud !== fake.tokenUrl || !payload.scope?.includes('bigquery') || !payload.exp || !payload.iat || payload.exp - payload.iat > 3600) return send(response, 400, { error: 'invalid_grant', error_description: 'Invalid JWT claims.' });
      const token = `ya29.fake-${calls.token}-${Math.random().toString(36).slice(2)}`;
      tokens.add(token);
      return send(response, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
    }
    const authorization = request.headers.authorization;
    const authorised = authorization?.startsWith('Bearer ') && tokens.has(authorization.slice(7));
    const queryPath = url.pathname.match(/^\/bigquery\/v2\/projects\/([^/]+)\/queries(?:\/([^/]+))?$/);
    if (!queryPath) return send(response, 404, { error: { code: 404, message: 'Not found' } });
    if (!authorised) return bigQueryError(response, 401, 'authError', 'Request is missing required authentication credential.');
    const project = decodeURIComponent(queryPath[1]!);
    if (request.method === 'POST' && !queryPath[2]) {
      calls.query += 1;
      if (rateLimited > 0) {
        rateLimited -= 1;
        calls.rateLimited += 1;
        return bigQueryError(response, 429, 'rateLimitExceeded', 'Exceeded rate limits: too many concurrent queries for this project.', { 'retry-after': '1' });
      }
      const requestBody = JSON.parse(body) as { query: string; useLegacySql?: boolean; parameterMode?: string; queryParameters?: Array<{ name: string; parameterType: { type: string }; parameterValue: { value: string } }>; maxResults?: number };
      const parameters = Object.fromEntries((requestBody.queryParameters ?? []).map((parameter) => [parameter.name, parameter.parameterValue.value]));
      queries.push({ query: requestBody.query, parameters, project, authorization });
      if (requestBody.useLegacySql !== false || requestBody.parameterMode !== 'NAMED') return bigQueryError(response, 400, 'invalidQuery', 'Query parameters require standard SQL (useLegacySql: false, parameterMode NAMED).');
      const job = evaluate(requestBody.query, parameters, project);
      if ('error' in job) return bigQueryError(response, 400, 'invalidQuery', job.error);
      const jobId = `job_${++jobCount}`;
      jobs.set(jobId, job);
      const reference = { projectId: project, jobId, location: 'EU' };
      if (slowNext) {
        slowNext = false;
        slowJobs.add(jobId);
        return send(response, 200, { kind: 'bigquery#queryResponse', jobReference: reference, jobComplete: false });
      }
      return send(response, 200, { kind: 'bigquery#queryResponse', jobReference: reference, ...page(job, 0, requestBody.maxResults), jobComplete: true, cacheHit: false });
    }
    if (request.method === 'GET' && queryPath[2]) {
      calls.results += 1;
      const jobId = decodeURIComponent(queryPath[2]);
      const job = jobs.get(jobId);
      if (!job || job.project !== project) return bigQueryError(response, 404, 'notFound', `Not found: Job ${project}:EU.${jobId}`);
      if (url.searchParams.get('location') !== 'EU') return bigQueryError(response, 404, 'notFound', `Not found: Job ${project}:US.${jobId} (wrong location)`);
      slowJobs.delete(jobId);
      const offset = Number(url.searchParams.get('pageToken') ?? '0');
      return send(response, 200, { kind: 'bigquery#getQueryResultsResponse', jobReference: { projectId: project, jobId, location: 'EU' }, ...page(job, offset, Number(url.searchParams.get('maxResults') ?? '0') || undefined), jobComplete: true });
    }
    return send(response, 405, { error: { code: 405, message: 'Method not allowed' } });
  });

  function page(job: Job, offset: number, maxResults: number | undefined) {
    const size = Math.min(maxResults ?? Infinity, table.pageSize ?? Infinity);
    const rows = job.rows.slice(offset, offset + size);
    const next = offset + rows.length;
    return {
      schema: { fields: job.fields },
      totalRows: String(job.rows.length),
      rows: rows.map((row) => ({ f: row.map((v) => ({ v })) })),
      ...(next < job.rows.length ? { pageToken: String(next) } : {}),
    };
  }

  /** SELECT `c` AS `k`, ... FROM `p.d.t` WHERE `date` BETWEEN @from AND @to, over the in-memory table. */
  function evaluate(query: string, parameters: Record<string, string>, project: string): Job | { error: string } {
    const shape = query.match(/^SELECT (.+) FROM `([^`]+)` WHERE `([A-Za-z_][A-Za-z0-9_]*)` BETWEEN @from AND @to$/);
    if (!shape) return { error: `Syntax error: the fake understands only Crescendo's query shape: ${query.slice(0, 120)}` };
    const selected = [...shape[1]!.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)` AS `([a-z0-9_]+)`/g)].map((match) => ({ column: match[1]!, alias: match[2]! }));
    const known = new Map(table.columns.map((column) => [column.name, column]));
    for (const { column } of selected) if (!known.has(column)) return { error: `Unrecognized name: ${column} at [1:8]` };
    if (!known.has(shape[3]!)) return { error: `Unrecognized name: ${shape[3]} at [1:${query.indexOf('WHERE') + 7}]` };
    if (!parameters.from || !parameters.to) return { error: 'Query parameter @from or @to not found' };
    const rows = table.rows
      .filter((row) => String(row[shape[3]!]) >= parameters.from! && String(row[shape[3]!]) <= parameters.to!)
      .map((row) => selected.map(({ column }) => (row[column] === null || row[column] === undefined ? null : String(row[column]))));
    return { rows, fields: selected.map(({ column, alias }) => ({ name: alias, type: known.get(column)!.type, mode: 'NULLABLE' })), project };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keyJson = (privateKey: typeof trusted.privateKey, overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      type: 'service_account', project_id: 'acme-marketing', private_key_id: 'key-1',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: clientEmail, client_id: '1234567890', token_uri: `${url}/token`, ...overrides,
    });
  const fake: FakeBigQuery = {
    url,
    tokenUrl: `${url}/token`,
    keyJson: (overrides) => keyJson(trusted.privateKey, overrides),
    untrustedKeyJson: () => keyJson(untrusted.privateKey),
    table,
    rateLimitNext(n) {
      rateLimited = n;
    },
    slowNextJob() {
      slowNext = true;
    },
    calls,
    queries,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return fake;
}
