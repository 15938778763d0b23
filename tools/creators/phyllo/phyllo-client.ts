import { z } from 'zod';
import { phylloRequest, PhylloError, type PhylloConnection } from './phyllo-http.ts';

/**
 * Phyllo's REST API (https://docs.getphyllo.com), the parts Crescendo uses: users and SDK tokens
 * for the connect flow, then accounts, profiles, contents and audience demographics for the sync.
 * Shapes follow Phyllo's documented objects; fields Crescendo does not read are not declared (zod
 * drops them), and every figure is optional because platforms differ in what they report.
 */

const count = z.number().nullish();
const idName = z.object({ id: z.string(), name: z.string().nullish() });

export const phylloUser = z.object({ id: z.string(), name: z.string().nullish(), external_id: z.string().nullish(), status: z.string().nullish() });
export type PhylloUser = z.infer<typeof phylloUser>;

const sdkToken = z.object({ sdk_token: z.string().min(1), expires_at: z.string().nullish() });

export const phylloAccount = z.object({
  id: z.string(),
  user: idName.nullish(),
  work_platform: z.object({ id: z.string(), name: z.string().nullish(), logo_url: z.string().nullish() }),
  platform_username: z.string().nullish(),
  username: z.string().nullish(),
  profile_pic_url: z.string().nullish(),
  /** CONNECTED, NOT_CONNECTED (disconnected) or SESSION_EXPIRED (the creator must log in again). */
  status: z.string(),
});
export type PhylloAccount = z.infer<typeof phylloAccount>;

export const phylloProfile = z.object({
  id: z.string(),
  account: z.object({ id: z.string() }).nullish(),
  platform_username: z.string().nullish(),
  username: z.string().nullish(),
  full_name: z.string().nullish(),
  url: z.string().nullish(),
  introduction: z.string().nullish(),
  country: z.string().nullish(),
  reputation: z
    .object({ follower_count: count, following_count: count, subscriber_count: count, content_count: count, content_group_count: count })
    .nullish(),
});
export type PhylloProfile = z.infer<typeof phylloProfile>;

export const phylloContent = z.object({
  id: z.string(),
  /** The platform's own id for the post (Phyllo calls it external_id; some answers also carry platform_content_id). */
  external_id: z.string().nullish(),
  platform_content_id: z.string().nullish(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  /** VIDEO, IMAGE, TEXT, AUDIO, COLLECTION... */
  format: z.string().nullish(),
  /** POST, VIDEO, REELS, STORY, SHORT(S), TWEET, PIN, STREAM... */
  type: z.string().nullish(),
  url: z.string().nullish(),
  published_at: z.string().nullish(),
  engagement: z
    .object({ like_count: count, comment_count: count, view_count: count, share_count: count, save_count: count, impression_organic_count: count, reach_organic_count: count })
    .nullish(),
});
export type PhylloContent = z.infer<typeof phylloContent>;

/** Percentages 0..100, as Phyllo reports them. */
export const phylloAudience = z.object({
  countries: z.array(z.object({ code: z.string(), value: z.number() })).nullish(),
  cities: z.array(z.object({ name: z.string(), value: z.number() })).nullish(),
  gender_age_distribution: z.array(z.object({ gender: z.string(), age_range: z.string(), value: z.number() })).nullish(),
});
export type PhylloAudience = z.infer<typeof phylloAudience>;

const page = <Item extends z.ZodType>(item: Item) =>
  z.object({ data: z.array(item), metadata: z.object({ offset: z.number().nullish(), limit: z.number().nullish() }).nullish() });

/** Phyllo's largest page. */
export const PAGE_SIZE = 100;

export interface PhylloClient {
  /** The creator's Phyllo user, made once per creator: Crescendo's creator id is its external_id. */
  userByExternalId(externalId: string): Promise<PhylloUser | null>;
  createUser(name: string, externalId: string): Promise<PhylloUser>;
  createSdkToken(userId: string, products: readonly string[]): Promise<{ sdkToken: string; expiresAt: string | null }>;
  accounts(userId: string): Promise<PhylloAccount[]>;
  account(accountId: string): Promise<PhylloAccount>;
  profile(accountId: string): Promise<PhylloProfile | null>;
  /** Contents published since `fromDate` (YYYY-MM-DD), newest first, at most `max`. */
  contents(accountId: string, fromDate: string, max: number): Promise<PhylloContent[]>;
  /** Null when Phyllo has no demographics for the account (a platform that reports none). */
  audience(accountId: string): Promise<PhylloAudience | null>;
}

export function createPhylloClient(connection: PhylloConnection): PhylloClient {
  const get = <Schema extends z.ZodType>(path: string, schema: Schema, query?: Record<string, string | number | undefined>) => phylloRequest(connection, { method: 'GET', path, query }, schema);
  const post = <Schema extends z.ZodType>(path: string, body: unknown, schema: Schema) => phylloRequest(connection, { method: 'POST', path, body }, schema);
  /** limit/offset paging until a short page (or `max` items). */
  async function all<Item extends z.ZodType>(path: string, item: Item, query: Record<string, string | number | undefined>, max = 1000): Promise<Array<z.output<Item>>> {
    const items: Array<z.output<Item>> = [];
    for (let offset = 0; items.length < max; offset += PAGE_SIZE) {
      const answer = await get(path, page(item), { ...query, limit: PAGE_SIZE, offset });
      items.push(...answer.data);
      if (answer.data.length < PAGE_SIZE) break;
    }
    return items.slice(0, max);
  }
  const orNull = async <T>(work: Promise<T>): Promise<T | null> => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof PhylloError && error.kind === 'not_found') return null;
      throw error;
    }
  };
  return {
    userByExternalId: (externalId) => orNull(get(`/v1/users/external_id/${encodeURIComponent(externalId)}`, phylloUser)),
    createUser: (name, externalId) => post('/v1/users', { name, external_id: externalId }, phylloUser),
    async createSdkToken(userId, products) {
      const token = await post('/v1/sdk-tokens', { user_id: userId, products }, sdkToken);
      return { sdkToken: token.sdk_token, expiresAt: token.expires_at ?? null };
    },
    accounts: (userId) => all('/v1/accounts', phylloAccount, { user_id: userId }),
    account: (accountId) => get(`/v1/accounts/${encodeURIComponent(accountId)}`, phylloAccount),
    async profile(accountId) {
      const profiles = await get('/v1/profiles', page(phylloProfile), { account_id: accountId, limit: 1, offset: 0 });
      return profiles.data[0] ?? null;
    },
    contents: (accountId, fromDate, max) => all('/v1/social/contents', phylloContent, { account_id: accountId, from_date: fromDate }, max),
    audience: (accountId) => orNull(get('/v1/audience', phylloAudience, { account_id: accountId })),
  };
}
