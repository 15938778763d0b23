import { describe, expect, it } from 'vitest';
import { parseServerSentEvents } from './server-sent-events.ts';

describe('parseServerSentEvents', () => {
  it('parses whole events and keeps a partial one for the next chunk', () => {
    const first = parseServerSentEvents('event: thread\ndata: {"thread_id":"t1"}\n\nevent: text\ndata: {"delta":"Hel');
    expect(first.events).toEqual([{ event: 'thread', data: '{"thread_id":"t1"}' }]);
    const second = parseServerSentEvents(`${first.rest}lo"}\n\n`);
    expect(second.events).toEqual([{ event: 'text', data: '{"delta":"Hello"}' }]);
    expect(second.rest).toBe('');
  });

  it('joins multi-line data and accepts CRLF line ends', () => {
    expect(parseServerSentEvents('event: done\r\ndata: a\r\ndata: b\r\n\r\n').events).toEqual([{ event: 'done', data: 'a\nb' }]);
  });
});
