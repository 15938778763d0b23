import type { WebClient } from '../bolt.ts';
import { renderChartPng, type ChartSpec } from '../charts/render-chart.ts';

/**
 * Renders each chart to PNG and uploads it with the files API (files.getUploadURLExternal, the
 * upload, files.completeUploadExternal: WebClient.filesUploadV2 does the three steps) into the
 * channel, in the thread when one is given.
 */
export async function uploadCharts(client: WebClient, charts: readonly ChartSpec[], where: { channel: string; threadTs?: string }): Promise<void> {
  for (const chart of charts) {
    const filename = `${chart.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart'}.png`;
    await client.filesUploadV2({
      channel_id: where.channel,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      file: await renderChartPng(chart),
      filename,
      title: chart.title,
      alt_text: `${chart.kind} chart: ${chart.title}`,
    } as Parameters<WebClient['filesUploadV2']>[0]);
  }
}
