import { ToolError } from '../../registry/errors.ts';
import { adsSettings } from '../ads-settings.ts';
import type { BigQueryHttpDeps } from './bigquery-http.ts';
import { parseServiceAccountKey, type ServiceAccountKey } from './service-account.ts';

/**
 * BigQuery's configuration, from the ads settings (GCP_PROJECT_ID, GCP_SERVICE_ACCOUNT_KEY,
 * BIGQUERY_API_URL): the REST root ending in /bigquery/v2 (a BIGQUERY_API_URL given as the host
 * alone, https://bigquery.googleapis.com, gets the path added), the parsed key, the billing project.
 */
export interface BigQueryConfig {
  apiRoot: string;
  key: ServiceAccountKey;
  /** Where query jobs run: GCP_PROJECT_ID, else the key's project. */
  billingProjectId: string | null;
  deps: BigQueryHttpDeps;
}

let parsed: { raw: string; key: ServiceAccountKey } | undefined;

export function bigQueryApiRoot(apiUrl: string): string {
  const root = apiUrl.replace(/\/+$/, '');
  return /\/bigquery\/v2$/.test(root) ? root : `${root}/bigquery/v2`;
}

/** The configuration, or `unavailable` saying which variable to set (the key is checked, never echoed). */
export function requireBigQuery(): BigQueryConfig {
  const settings = adsSettings();
  const raw = settings.bigquery.serviceAccountKey;
  if (!raw) throw new ToolError('unavailable', 'BigQuery is not configured: set GCP_SERVICE_ACCOUNT_KEY (a service-account JSON key, or its path) and GCP_PROJECT_ID, and restart.');
  if (parsed?.raw !== raw) parsed = { raw, key: parseServiceAccountKey(raw) };
  return {
    apiRoot: bigQueryApiRoot(settings.bigquery.apiUrl),
    key: parsed.key,
    billingProjectId: settings.bigquery.projectId ?? parsed.key.projectId,
    deps: (settings.deps ?? {}) as BigQueryHttpDeps,
  };
}

/** Whether a key is set at all (the daily job skips quietly when it is not). */
export function bigQueryConfigured(): boolean {
  return Boolean(adsSettings().bigquery.serviceAccountKey);
}
