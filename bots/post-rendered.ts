import type { WebClient } from './bolt.ts';
import { uploadCharts } from './files/upload-charts.ts';
import type { RenderedMessage } from './render/answer-blocks.ts';

/** Posts a rendered message (in a thread when given), then its charts as images in the same thread. */
export async function postRendered(client: WebClient, channel: string, message: RenderedMessage, threadTs?: string): Promise<string | undefined> {
  const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) });
  if (message.charts.length) await uploadCharts(client, message.charts, { channel, threadTs: threadTs ?? posted.ts });
  return posted.ts;
}
