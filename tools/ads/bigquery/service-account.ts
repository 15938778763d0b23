import { createHash, createPrivateKey, createSign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ToolError } from '../../registry/errors.ts';
import { bigQueryRequest, type BigQueryHttpDeps } from './bigquery-http.ts';

/** Read-only access to BigQuery data and the right to run query jobs. */
export const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery.readonly';
const DEFAULT_TOKEN_URI = 'https://oauth2.googleapis.com/token';

/** A Google service-account key (the JSON file the Cloud console downloads), checked. */
export interface ServiceAccountKey {
  clientEmail: string;
  privateKeyId: string | null;
  privateKey: KeyObject;
  tokenUri: string;
  projectId: string | null;
  /** sha256 of the private key: tokens are cached per key, so a rotated key never uses the old one's token. */
  fingerprint: string;
}

const unusable = (why: string) =>
  new ToolError('unavailable', `GCP_SERVICE_ACCOUNT_KEY is not a usable service-account key: ${why}. Download a JSON key for a service account with BigQuery Data Viewer and Job User roles, set GCP_SERVICE_ACCOUNT_KEY to its contents or its path, and restart.`);

/** The key from GCP_SERVICE_ACCOUNT_KEY: the JSON itself (starts with '{') or a path to the file. Never echoes the key. */
export function parseServiceAccountKey(value: string): ServiceAccountKey {
  let text = value.trim();
  if (!text.startsWith('{')) {
    try {
      text = readFileSync(text, 'utf8');
    } catch {
      throw unusable('it is neither JSON nor a readable file path');
    }
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw unusable('the file is not valid JSON');
  }
  if (json.type !== undefined && json.type !== 'service_account') throw unusable(`its type is "${String(json.type).slice(0, 40)}", not "service_account"`);
  const missing = ['client_email', 'private_key'].filter((field) => typeof json[field] !== 'string' || (json[field] as string).trim() === '');
  if (missing.length) throw unusable(`${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(json.private_key as string);
  } catch {
    throw unusable('its private_key is not a PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'rsa') throw unusable('its private_key is not an RSA key');
  const tokenUri = typeof json.token_uri === 'string' && json.token_uri ? json.token_uri : DEFAULT_TOKEN_URI;
  try {
    new URL(tokenUri);
  } catch {
    throw unusable('its token_uri is not a URL');
  }
  return {
    clientEmail: json.client_email as string,
    privateKeyId: typeof json.private_key_id === 'string' ? json.private_key_id : null,
    privateKey,
    tokenUri,
    projectId: typeof json.project_id === 'string' && json.project_id ? json.project_id : null,
    fingerprint: createHash('sha256').update(json.private_key as string).digest('hex'),
  };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A self-signed JWT (RS256) asserting the service account, for the OAuth 2.0 JWT bearer grant. */
export function signServiceAccountJwt(key: ServiceAccountKey, now: Date, scope = BIGQUERY_SCOPE): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', ...(key.privateKeyId ? { kid: key.privateKeyId } : {}) };
  const claims = { iss: key.clientEmail, scope, aud: key.tokenUri, iat: issuedAt, exp: issuedAt + 3600 };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key.privateKey);
  return `${unsigned}.${base64url(signature)}`;
}

/** Access tokens by service account and token endpoint, kept until a minute before they expire. */
const cache = new Map<string, { accessToken: string; expiresAt: number }>();

/** Forgets cached tokens (a new key configured, tests). */
export function clearServiceAccountTokens(): void {
  cache.clear();
}

/** An access token for the key: the cached one while it lasts, else a signed JWT exchanged at the key's token_uri. */
export async function serviceAccountToken(key: ServiceAccountKey, deps: BigQueryHttpDeps, now: Date): Promise<string> {
  const cacheKey = `${key.clientEmail}|${key.tokenUri}|${key.fingerprint}`;
  const cached = cache.get(cacheKey);
  if (cached && cached.expiresAt - 60_000 > now.getTime()) return cached.accessToken;
  const assertion = signServiceAccountJwt(key, now);
  const response = await bigQueryRequest(deps, {
    method: 'POST',
    url: key.tokenUri,
    label: 'the service-account token exchange',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
    secrets: [assertion],
    refusal: (status, body) => {
      const error = body as { error?: string; error_description?: string } | undefined;
      const said = error?.error ? `${error.error}${error.error_description ? ` (${error.error_description})` : ''}` : `HTTP ${status}`;
      return new ToolError('unavailable', `Google's token endpoint refused the service account ${key.clientEmail}: ${said}. Check GCP_SERVICE_ACCOUNT_KEY (a deleted or rotated key is refused) and restart.`);
    },
  });
  const body = response.body as { access_token?: unknown; expires_in?: unknown };
  if (typeof body.access_token !== 'string' || body.access_token === '') throw new ToolError('unavailable', "Google's token endpoint answered without an access token.");
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
  cache.set(cacheKey, { accessToken: body.access_token, expiresAt: now.getTime() + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000 });
  return body.access_token;
}
