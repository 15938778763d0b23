/**
 * What the sync engine, the OAuth callback and the approval tools need from an ad platform. Each
 * platform (Meta, Google Ads, TikTok) implements it over its documented REST API with a configurable
 * base URL; money arrives in the account's currency as plain numbers (Google's micros divided out),
 * days as the account's local dates.
 */

export const AD_PLATFORMS = ['meta', 'google', 'tiktok', 'snapchat', 'linkedin', 'twitter', 'pinterest', 'amazon', 'dv360'] as const;
export type AdPlatformCode = (typeof AD_PLATFORMS)[number];

/** The platforms Crescendo has a connector for; the others can be recorded (and fed by BigQuery) but not synced. */
export const CONNECTED_PLATFORMS = ['meta', 'google', 'tiktok'] as const satisfies readonly AdPlatformCode[];
export type ConnectedPlatform = (typeof CONNECTED_PLATFORMS)[number];

export interface AdTokens {
  accessToken: string;
  refreshToken: string | null;
  /** Null when the platform issues tokens that do not expire (Meta system users). */
  expiresAt: Date | null;
  scopes: string[];
}

/** Who granted access, from the code exchange. */
export interface AdGrant extends AdTokens {
  externalUserId: string;
  displayName: string;
}

export interface DiscoveredAdAccount {
  externalId: string;
  name: string;
  currency: string;
  timeZone: string;
  /** The manager account above it (Google MCC, Meta business), when the platform says. */
  parentExternalId: string | null;
  /** A manager account holds other accounts and has no campaigns of its own. */
  isManager: boolean;
}

export interface AccountRef {
  externalId: string;
  /** Google Ads needs the manager account as login-customer-id when access comes through it. */
  loginExternalId?: string | null;
  currency: string;
  timeZone: string;
}

export interface ExternalAdCampaign {
  externalId: string;
  name: string;
  status: string;
  objective: string | null;
  dailyBudget: number | null;
  lifetimeBudget: number | null;
}

export interface DateRange {
  /** Inclusive, YYYY-MM-DD in the account's time zone. */
  from: string;
  to: string;
}

/** One campaign's day. Counts are whole numbers; money in the account's currency. */
export interface DailyCampaignMetrics {
  campaignExternalId: string;
  campaignName: string | null;
  date: string;
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
  conversionValue: number;
  reach: number | null;
  frequency: number | null;
  videoViews: number | null;
  videoP25: number | null;
  videoP50: number | null;
  videoP75: number | null;
  videoP100: number | null;
}

export interface AdConnector {
  readonly platform: ConnectedPlatform;
  /** Where the person signs in; `state` is the signed, single-use state the callback redeems. */
  authorizationUrl(input: { state: string; redirectUri: string }): string;
  exchangeCode(input: { code: string; redirectUri: string }): Promise<AdGrant>;
  /** Throws AdPlatformError kind 'revoked' when the grant is gone (the account then needs re-auth). */
  refresh(refreshToken: string): Promise<AdTokens>;
  listAccounts(accessToken: string): Promise<DiscoveredAdAccount[]>;
  listCampaigns(accessToken: string, account: AccountRef): Promise<ExternalAdCampaign[]>;
  /** Every campaign-day in the range, all pages read (Meta runs large ranges as async report runs). */
  dailyMetrics(accessToken: string, account: AccountRef, range: DateRange): Promise<DailyCampaignMetrics[]>;
  /** Idempotent: pausing a paused campaign succeeds. `requestId` is the approval id, sent where the platform takes one. */
  pauseCampaign(accessToken: string, account: AccountRef, campaignExternalId: string, requestId: string): Promise<void>;
  setCampaignBudget(accessToken: string, account: AccountRef, campaignExternalId: string, budget: { daily?: number; lifetime?: number }, requestId: string): Promise<void>;
}

export type AdPlatformErrorKind =
  /** The token was revoked or expired beyond refresh: re-authorise. */
  | 'revoked'
  /** Throttled past what retries waited out; `retryAfterMs` says when to try again. */
  | 'rate_limited'
  /** The platform refused the request itself (bad id, missing permission): retrying will not help. */
  | 'rejected'
  /** 5xx, timeouts, resets after retries. */
  | 'unavailable';

/** A platform's refusal, in words for people; never carries a token or a URL with one. */
export class AdPlatformError extends Error {
  constructor(
    readonly platform: ConnectedPlatform,
    readonly kind: AdPlatformErrorKind,
    message: string,
    readonly details: { status?: number; code?: string | number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'AdPlatformError';
  }
}
