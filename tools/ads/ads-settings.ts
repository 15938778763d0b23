import { z } from 'zod';
import { ENCRYPTION_KEY_VARIABLE } from '../common/secrets/token-cipher.ts';
import type { UsedStateStore } from '../content/connectors/oauth-state.ts';
import { ToolError } from '../registry/errors.ts';
import { CONNECTED_PLATFORMS, type AdConnector, type ConnectedPlatform } from './connectors/ad-connector.ts';
import { createGoogleAdsConnector, GOOGLE_ADS_DEFAULT_API_URL, GOOGLE_ADS_VARIABLES, GOOGLE_OAUTH_DEFAULT_URL, GOOGLE_TOKEN_DEFAULT_URL } from './connectors/google/index.ts';
import type { AdsHttpDeps } from './connectors/http.ts';
import { createTikTokAdsConnector, TIKTOK_ADS_DEFAULT_API_URL, TIKTOK_ADS_VARIABLES } from './connectors/tiktok/index.ts';
import { createMetaAdsConnector, META_ADS_VARIABLES, META_DEFAULT_GRAPH_URL } from './connectors/meta/index.ts';

/** Roots without a connector module's own default; each is overridable (a sandbox, a proxy, a loopback fake in tests). */
export const ADS_DEFAULT_URLS = {
  meta: META_DEFAULT_GRAPH_URL,
  google: GOOGLE_ADS_DEFAULT_API_URL,
  tiktok: TIKTOK_ADS_DEFAULT_API_URL,
  googleAuth: GOOGLE_OAUTH_DEFAULT_URL,
  googleToken: GOOGLE_TOKEN_DEFAULT_URL,
  bigquery: 'https://bigquery.googleapis.com/bigquery/v2',
} as const;

/**
 * The environment variables of the ads area, for bin/config.ts to spread into its schema (nothing
 * but the configuration module reads process.env): each connector's own map, then TikTok's, BigQuery's
 * and the webhooks'. CRESCENDO_ENCRYPTION_KEY, CRESCENDO_PUBLIC_URL and FACEBOOK_APP_ID/SECRET are
 * declared there already and passed in to `adsSettingsFrom`.
 */
export const ADS_VARIABLES = {
  ...META_ADS_VARIABLES,
  ...GOOGLE_ADS_VARIABLES,
  ...TIKTOK_ADS_VARIABLES,
  GCP_PROJECT_ID: z.string().optional().describe('Google Cloud project that runs BigQuery jobs for sync_bigquery.'),
  GCP_SERVICE_ACCOUNT_KEY: z.string().optional().describe('Service-account key for BigQuery: the JSON itself or a path to the file.'),
  BIGQUERY_API_URL: z.string().url().optional().describe(`BigQuery REST root (default ${ADS_DEFAULT_URLS.bigquery}).`),
  META_WEBHOOK_VERIFY_TOKEN: z.string().optional().describe("The verify token Meta's webhook subscription sends: POST /api/webhooks/meta answers its challenge only with it."),
  GOOGLE_WEBHOOK_TOKEN: z.string().optional().describe('The shared token Google notifications must carry at POST /api/webhooks/google.'),
};

export type AdsVariable = keyof typeof ADS_VARIABLES;

export interface AdsSettings {
  /** Where platforms send the browser back: `${publicUrl}/oauth/<platform>/callback`. */
  publicUrl: string;
  encryptionKey: string | undefined;
  meta: { graphUrl: string; appId: string | undefined; appSecret: string | undefined };
  google: { apiUrl: string; clientId: string | undefined; clientSecret: string | undefined; developerToken: string | undefined; authUrl: string; tokenUrl: string };
  tiktok: { apiUrl: string; appId: string | undefined; secret: string | undefined };
  bigquery: { projectId: string | undefined; serviceAccountKey: string | undefined; apiUrl: string };
  webhooks: { metaVerifyToken: string | undefined; googleToken: string | undefined };
  /** Tests inject fetch, sleep and retry limits. */
  deps?: AdsHttpDeps;
  /** Where used OAuth states are remembered; default this process's memory. */
  usedStates?: UsedStateStore;
}

type AdsValues = Partial<Record<AdsVariable | 'FACEBOOK_APP_ID' | 'FACEBOOK_APP_SECRET' | 'CRESCENDO_ENCRYPTION_KEY', string | undefined>>;

/** From the parsed environment (bin/config.ts): `configureAds(adsSettingsFrom(values, { publicUrl }))`. */
export function adsSettingsFrom(values: AdsValues, options: { publicUrl?: string } = {}): AdsSettings {
  const blank = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
  const root = (value: string | undefined, fallback: string) => (blank(value) ?? fallback).replace(/\/+$/, '');
  const googleOAuth = blank(values.GOOGLE_OAUTH_URL);
  return {
    publicUrl: (options.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, ''),
    encryptionKey: blank(values.CRESCENDO_ENCRYPTION_KEY),
    meta: {
      graphUrl: root(values.META_GRAPH_URL, ADS_DEFAULT_URLS.meta),
      appId: blank(values.META_APP_ID) ?? blank(values.FACEBOOK_APP_ID),
      appSecret: blank(values.META_APP_SECRET) ?? blank(values.FACEBOOK_APP_SECRET),
    },
    google: {
      apiUrl: root(values.GOOGLE_ADS_API_URL, ADS_DEFAULT_URLS.google),
      clientId: blank(values.GOOGLE_ADS_CLIENT_ID),
      clientSecret: blank(values.GOOGLE_ADS_CLIENT_SECRET),
      developerToken: blank(values.GOOGLE_ADS_DEVELOPER_TOKEN),
      authUrl: root(googleOAuth, ADS_DEFAULT_URLS.googleAuth),
      tokenUrl: root(googleOAuth, ADS_DEFAULT_URLS.googleToken),
    },
    tiktok: { apiUrl: root(values.TIKTOK_ADS_API_URL, ADS_DEFAULT_URLS.tiktok), appId: blank(values.TIKTOK_ADS_APP_ID), secret: blank(values.TIKTOK_ADS_SECRET) },
    bigquery: { projectId: blank(values.GCP_PROJECT_ID), serviceAccountKey: blank(values.GCP_SERVICE_ACCOUNT_KEY), apiUrl: root(values.BIGQUERY_API_URL, ADS_DEFAULT_URLS.bigquery) },
    webhooks: { metaVerifyToken: blank(values.META_WEBHOOK_VERIFY_TOKEN), googleToken: blank(values.GOOGLE_WEBHOOK_TOKEN) },
  };
}

let configured: AdsSettings = adsSettingsFrom({});

/** Set once by the composition root (and by tests); unconfigured, connecting and syncing answer `unavailable`. */
export function configureAds(settings: AdsSettings): void {
  configured = settings;
  connectorCache.clear();
}

export function adsSettings(): AdsSettings {
  return configured;
}

export const PLATFORM_NAMES: Record<ConnectedPlatform, string> = { meta: 'Meta', google: 'Google Ads', tiktok: 'TikTok' };

/** The variables a platform's connector needs that are not set, by name (never by value). */
export function missingAppCredentials(platform: ConnectedPlatform, settings: AdsSettings = configured): string[] {
  const missing: Array<string | false> =
    platform === 'meta'
      ? [!settings.meta.appId && 'META_APP_ID (or FACEBOOK_APP_ID)', !settings.meta.appSecret && 'META_APP_SECRET (or FACEBOOK_APP_SECRET)']
      : platform === 'google'
        ? [!settings.google.clientId && 'GOOGLE_ADS_CLIENT_ID', !settings.google.clientSecret && 'GOOGLE_ADS_CLIENT_SECRET', !settings.google.developerToken && 'GOOGLE_ADS_DEVELOPER_TOKEN']
        : [!settings.tiktok.appId && 'TIKTOK_ADS_APP_ID', !settings.tiktok.secret && 'TIKTOK_ADS_SECRET'];
  return missing.filter((name): name is string => Boolean(name));
}

/**
 * What connecting or syncing a platform needs and lacks: its app credentials and the encryption key
 * that seals tokens. An `unavailable` error naming the variables, or nothing.
 */
export function requirePlatformConfigured(platform: ConnectedPlatform, settings: AdsSettings = configured): void {
  const missing = [...missingAppCredentials(platform, settings), ...(settings.encryptionKey ? [] : [ENCRYPTION_KEY_VARIABLE])];
  if (missing.length === 0) return;
  throw new ToolError(
    'unavailable',
    `${PLATFORM_NAMES[platform]} ad accounts cannot be connected yet: set ${missing.join(', ')} and restart${missing.includes(ENCRYPTION_KEY_VARIABLE) ? ` (${ENCRYPTION_KEY_VARIABLE} seals the tokens; without it none is stored)` : ''}. Spend can still be imported from CSV or read from BigQuery.`,
  );
}

/** Builds a platform's connector from the settings (each connector folder exports one). */
export type AdConnectorFactory = (settings: AdsSettings) => AdConnector;

const factories = new Map<ConnectedPlatform, AdConnectorFactory>([
  ['meta', (settings) => createMetaAdsConnector({ graphUrl: settings.meta.graphUrl, appId: settings.meta.appId!, appSecret: settings.meta.appSecret!, deps: settings.deps })],
  [
    'google',
    (settings) =>
      createGoogleAdsConnector({
        apiUrl: settings.google.apiUrl,
        oauthUrl: settings.google.authUrl,
        tokenUrl: settings.google.tokenUrl,
        clientId: settings.google.clientId!,
        clientSecret: settings.google.clientSecret!,
        developerToken: settings.google.developerToken!,
        deps: settings.deps,
      }),
  ],
  ['tiktok', (settings) => createTikTokAdsConnector({ apiUrl: settings.tiktok.apiUrl, appId: settings.tiktok.appId!, secret: settings.tiktok.secret!, deps: settings.deps })],
]);
const connectorCache = new Map<ConnectedPlatform, AdConnector>();

/** A platform whose connector is built elsewhere registers its factory here. */
export function registerAdConnector(platform: ConnectedPlatform, factory: AdConnectorFactory): void {
  factories.set(platform, factory);
  connectorCache.delete(platform);
}

/**
 * The connector of a platform, built from the configured settings (base URL, app credentials,
 * retries): `unavailable` naming what to set when credentials are missing or no connector exists.
 */
export function adConnectorFor(platform: string): AdConnector {
  if (!(CONNECTED_PLATFORMS as readonly string[]).includes(platform)) {
    throw new ToolError('unavailable', `Crescendo has no connector for ${platform} ad accounts (only ${CONNECTED_PLATFORMS.join(', ')}); their spend can come from CSV or BigQuery.`);
  }
  const code = platform as ConnectedPlatform;
  const missing = missingAppCredentials(code);
  if (missing.length) throw new ToolError('unavailable', `${PLATFORM_NAMES[code]} is not configured: set ${missing.join(', ')} and restart.`);
  const cached = connectorCache.get(code);
  if (cached) return cached;
  const factory = factories.get(code);
  if (!factory) throw new ToolError('unavailable', `The ${PLATFORM_NAMES[code]} connector is not part of this build.`);
  const connector = factory(configured);
  connectorCache.set(code, connector);
  return connector;
}

/** `${publicUrl}/oauth/<platform>/callback`: registered with each platform's app as the redirect URI. */
export function adCallbackUrl(platform: ConnectedPlatform, settings: AdsSettings = configured): string {
  return `${settings.publicUrl}/oauth/${platform}/callback`;
}
