import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS } from '../../tools/crm/email-capture/capture-email.ts';
import { captureInput } from './parsed-message.ts';

const message = (headers: string, body: string) => Buffer.from(`${headers}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}`);

describe('a parsed message as capture_email input', () => {
  it('caps the body, keeps it storable, and names a message without a Message-ID by its bytes', async () => {
    const raw = message('From: "Sam" <sam@a.test>\r\nTo: ana@b.test, Team: x@c.test, y@c.test;\r\nSubject: Long', `${'é'.repeat(MAX_BODY_CHARS - 1)}\u{1F600}tail`);
    const input = captureInput(await simpleParser(raw), raw);
    expect(input.body_text).toHaveLength(MAX_BODY_CHARS);
    // The emoji was cut in half: its lone first half is replaced, not stored broken.
    expect(input.body_text.endsWith('\uFFFD')).toBe(true);
    expect(input.message_id).toMatch(/^<[0-9a-f]{64}@crescendo\.capture>$/);
    expect(captureInput(await simpleParser(raw), raw).message_id).toBe(input.message_id);
    expect(input.from).toEqual({ address: 'sam@a.test', name: 'Sam' });
    expect(input.to.map((entry) => entry.address)).toEqual(['ana@b.test', 'x@c.test', 'y@c.test']);
    expect(input.sent_at).toBeUndefined();
  });
});
