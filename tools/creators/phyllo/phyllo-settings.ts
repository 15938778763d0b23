import { z } from 'zod';
import { ToolError } from '../../registry/errors.ts';
import type { PhylloDeps } from './phyllo-http.ts';

/** Phyllo's production API; sandbox and staging hosts are api.sandbox.getphyllo.com and api.staging.getphyllo.com. */
export const PHYLLO_DEFAULT_URL = 'https://api.getphyllo.com';

/**
 * The environment variables Phyllo needs, for bin/config.ts to spread into its schema (nothing but
 * the configuration module reads process.env): credentials (HTTP Basic, client id and secret), the
 * API root, and the secret Phyllo signs its webhooks with.
 */
export const PHYLLO_VARIABLES = {
  PHYLLO_CLIENT_ID: z.string().optional().describe('Phyllo client id: with PHYLLO_CLIENT_SECRET, turns on connect_creator_platform and sync_creator (creator figures, content and audiences).'),
  PHYLLO_CLIENT_SECRET: z.string().optional().describe('Phyllo client secret, with PHYLLO_CLIENT_ID.'),
  PHYLLO_API_URL: z.string().url().optional().describe(`Phyllo API root (default ${PHYLLO_DEFAULT_URL}; https://api.sandbox.getphyllo.com for the sandbox).`),
  PHYLLO_WEBHOOK_SECRET: z.string().optional().describe('The secret Phyllo signs webhooks with: POST /api/webhooks/phyllo refuses every event until it is set.'),
};

export interface PhylloSettings {
  clientId: string | undefined;
  clientSecret: string | undefined;
  apiUrl: string;
  webhookSecret: string | undefined;
  /** Tests inject fetch, sleep and retry limits. */
  deps?: PhylloDeps;
}

/** From the parsed environment values (bin/config.ts): `configurePhyllo(phylloSettingsFrom(values))`. */
export function phylloSettingsFrom(values: Partial<Record<keyof typeof PHYLLO_VARIABLES, string | undefined>>): PhylloSettings {
  const blank = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
  return {
    clientId: blank(values.PHYLLO_CLIENT_ID),
    clientSecret: blank(values.PHYLLO_CLIENT_SECRET),
    apiUrl: (blank(values.PHYLLO_API_URL) ?? PHYLLO_DEFAULT_URL).replace(/\/+$/, ''),
    webhookSecret: blank(values.PHYLLO_WEBHOOK_SECRET),
  };
}

let configured: PhylloSettings = phylloSettingsFrom({});

/** Set once by the composition root (and by tests); unconfigured, the tools answer `unavailable`. */
export function configurePhyllo(settings: PhylloSettings): void {
  configured = settings;
}

export function phylloSettings(): PhylloSettings {
  return configured;
}

export interface PhylloCredentials {
  clientId: string;
  clientSecret: string;
  apiUrl: string;
  deps: PhylloDeps;
}

/** The credentials, or an `unavailable` error that says which variables to set. */
export function requirePhylloCredentials(): PhylloCredentials {
  const settings = configured;
  const missing = [!settings.clientId && 'PHYLLO_CLIENT_ID', !settings.clientSecret && 'PHYLLO_CLIENT_SECRET'].filter(Boolean);
  if (missing.length > 0) {
    throw new ToolError(
      'unavailable',
      `Phyllo is not configured: set ${missing.join(' and ')} (from the Phyllo dashboard; PHYLLO_API_URL picks the sandbox) and restart. Until then, figures can be set by hand with set_creator_platform or imported with import_creators.`,
    );
  }
  return { clientId: settings.clientId!, clientSecret: settings.clientSecret!, apiUrl: settings.apiUrl, deps: settings.deps ?? {} };
}

/** The Phyllo Connect SDK's `environment` for the configured API host. */
export function connectEnvironment(apiUrl: string): 'sandbox' | 'staging' | 'production' {
  const host = new URL(apiUrl).hostname;
  if (host.includes('sandbox')) return 'sandbox';
  if (host.includes('staging')) return 'staging';
  return 'production';
}
