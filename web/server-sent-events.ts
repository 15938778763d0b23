/**
 * Reads the text/event-stream bodies chat-route.ts writes. Plain string work (no Node or DOM API), so
 * the browser's chat (web/ui, bundled by vite) and the CLI attached to a server (Node) share it.
 */

/** Splits a server-sent-events body into events; a partial event waits for the rest of its bytes. */
export function parseServerSentEvents(buffer: string): { events: Array<{ event: string; data: string }>; rest: string } {
  const events: Array<{ event: string; data: string }> = [];
  const blocks = buffer.replaceAll('\r\n', '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}
