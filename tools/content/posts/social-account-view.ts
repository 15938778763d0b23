import { z } from 'zod';
import { fromPlatformColumn } from './post-fields.ts';

/** A connected account as tools show it: never a token, sealed or not. */
export const socialAccountOutput = z.object({
  social_account_id: z.string(),
  platform: z.string(),
  external_account_id: z.string(),
  display_name: z.string(),
  status: z.enum(['connected', 'expired', 'revoked']),
  token_expires_at: z.string().nullable(),
  has_refresh_token: z.boolean(),
  last_error: z.string().nullable(),
  connected_at: z.string(),
});

export const SOCIAL_ACCOUNT_COLUMNS = {
  id: true,
  platform: true,
  externalAccountId: true,
  displayName: true,
  status: true,
  tokenExpiresAt: true,
  refreshTokenEncrypted: true,
  lastError: true,
  updatedAt: true,
} as const;

interface AccountRow {
  id: string;
  platform: string;
  externalAccountId: string;
  displayName: string;
  status: string;
  tokenExpiresAt: Date | null;
  refreshTokenEncrypted: string | null;
  lastError: string | null;
  updatedAt: Date;
}

export function toSocialAccountOutput(account: AccountRow): z.infer<typeof socialAccountOutput> {
  return {
    social_account_id: account.id,
    platform: fromPlatformColumn(account.platform),
    external_account_id: account.externalAccountId,
    display_name: account.displayName,
    status: account.status.toLowerCase() as 'connected',
    token_expires_at: account.tokenExpiresAt?.toISOString() ?? null,
    has_refresh_token: account.refreshTokenEncrypted !== null,
    last_error: account.lastError,
    connected_at: account.updatedAt.toISOString(),
  };
}
