import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPhylloClient } from './phyllo-client.ts';
import { PhylloError, type PhylloConnection } from './phyllo-http.ts';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, startFakePhyllo, type FakePhyllo } from './testing/fake-phyllo.ts';
import { phylloSignatureMatches, signPhylloBody } from './webhook-signature.ts';
import { contentFormat, networkOfWorkPlatform } from './work-platforms.ts';

describe('Phyllo client against the loopback fake', () => {
  let fake: FakePhyllo;
  const slept: number[] = [];
  const connection = (overrides: Partial<PhylloConnection> = {}): PhylloConnection => ({
    apiUrl: fake.url,
    clientId: FAKE_CLIENT_ID,
    clientSecret: FAKE_CLIENT_SECRET,
    deps: { sleep: async (ms) => void slept.push(ms), retry: { baseDelayMs: 4, maxDelayMs: 8 }, timeoutMs: 2_000 },
    ...overrides,
  });
  beforeAll(async () => {
    fake = await startFakePhyllo();
  });
  afterAll(() => fake.close());

  it('pages contents with limit/offset until a short page, newest first, from from_date on', async () => {
    const account = fake.connect('user-1', 'youtube', 'pager');
    for (let i = 0; i < 230; i++) fake.addContent(account.id, { external_id: `v${i}`, published_at: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString().replace('Z', '') });
    const before = fake.server.requestsTo('GET /v1/social/contents').length;
    const contents = await createPhylloClient(connection()).contents(account.id, '2026-11-01', 500);
    const pages = fake.server.requestsTo('GET /v1/social/contents').slice(before);
    expect(pages.map((request) => [request.query.get('limit'), request.query.get('offset'), request.query.get('from_date')])).toEqual([
      ['100', '0', '2026-11-01'],
      ['100', '100', '2026-11-01'],
      ['100', '200', '2026-11-01'],
    ]);
    expect(contents).toHaveLength(230);
    expect(contents[0]!.external_id).toBe('v229');
    expect(await createPhylloClient(connection()).contents(account.id, '2026-11-01', 150)).toHaveLength(150);
  });

  it('retries 429 after retry-after and 5xx with back-off; gives up with the transient error after the attempts', async () => {
    slept.length = 0;
    fake.rateLimitNext('GET /v1/accounts', 2);
    fake.server.scriptNext('GET /v1/accounts', { status: 502, body: '<html>bad gateway</html>' });
    expect(await createPhylloClient(connection()).accounts('user-1')).toHaveLength(1);
    expect(slept[0]).toBe(2_000);
    expect(slept[1]).toBeGreaterThanOrEqual(2);
    expect(slept).toHaveLength(2);

    slept.length = 0;
    fake.server.scriptNext('GET /v1/accounts', ...Array.from({ length: 4 }, () => ({ status: 503, body: { error: { message: 'Service is down for maintenance' } } })));
    const failure = await createPhylloClient(connection()).accounts('user-1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PhylloError);
    expect(failure).toMatchObject({ kind: 'transient', status: 503 });
    expect((failure as Error).message).toContain('Service is down for maintenance');
    expect(slept).toHaveLength(3);
  });

  it('a retry-after longer than the policy allows is not waited out here', async () => {
    slept.length = 0;
    fake.rateLimitNext('GET /v1/accounts', 3_600);
    await expect(createPhylloClient(connection()).accounts('user-1')).rejects.toMatchObject({ kind: 'transient', status: 429 });
    expect(slept).toEqual([]);
  });

  it('times out a silent Phyllo and says so; 401 says credentials rejected without the secret; odd shapes fail loudly', async () => {
    fake.server.scriptNext('GET /v1/accounts', ...Array.from({ length: 4 }, () => ({ status: 200, body: { data: [] }, delayMs: 300 })));
    const slow = createPhylloClient(connection({ deps: { sleep: async () => {}, timeoutMs: 50 } }));
    await expect(slow.accounts('user-1')).rejects.toThrow(/no answer within/);

    const wrong = createPhylloClient(connection({ clientSecret: 'not-the-secret' }));
    const refused = (await wrong.accounts('user-1').catch((error: unknown) => error)) as PhylloError;
    expect(refused).toMatchObject({ kind: 'credentials', status: 401 });
    expect(refused.message).toContain('Phyllo rejected the credentials');
    expect(refused.message).not.toContain('not-the-secret');

    fake.server.scriptNext('GET /v1/accounts', { status: 200, body: { data: [{ id: 'a1', status: 'CONNECTED' }] } });
    await expect(createPhylloClient(connection()).accounts('user-1')).rejects.toMatchObject({ kind: 'invalid_response' });
    await expect(createPhylloClient(connection()).account('no-such-account')).rejects.toMatchObject({ kind: 'not_found' });
    expect(await createPhylloClient(connection()).userByExternalId('nobody')).toBeNull();
  });

  it('signatures: hex HMAC-SHA256 of the raw body, compared in constant time', () => {
    const body = '{"id":"e1","event":"ACCOUNTS.CONNECTED"}';
    const signature = signPhylloBody('s3cret', body);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(phylloSignatureMatches('s3cret', body, signature)).toBe(true);
    expect(phylloSignatureMatches('s3cret', body, `sha256=${signature.toUpperCase()}`)).toBe(true);
    expect(phylloSignatureMatches('s3cret', `${body} `, signature)).toBe(false);
    expect(phylloSignatureMatches('other', body, signature)).toBe(false);
    expect(phylloSignatureMatches('s3cret', body, signature.slice(0, 10))).toBe(false);
    expect(phylloSignatureMatches('s3cret', body, 'zz')).toBe(false);
  });

  it('maps work platforms and content types to Crescendo words', () => {
    expect(networkOfWorkPlatform({ id: '9bb8913b-ddd9-430b-a66a-d74d846e6c66', name: 'Instagram' })).toBe('instagram');
    expect(networkOfWorkPlatform({ id: 'unknown', name: 'X' })).toBe('twitter');
    expect(networkOfWorkPlatform({ id: 'unknown', name: 'Spotify' })).toBeNull();
    expect(contentFormat('REELS', 'VIDEO')).toBe('reel');
    expect(contentFormat('SHORTS', 'VIDEO')).toBe('short');
    expect(contentFormat(null, 'IMAGE')).toBe('post');
  });
});
