import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { renderChartPng, niceScale, compactNumber } from '../charts/render-chart.ts';
import { renderAnswer } from './answer-blocks.ts';
import { markdownToMrkdwn } from './mrkdwn.ts';
import { renderNotification } from './notification-blocks.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { tableCodeBlock } from './table-text.ts';

describe('Block Kit rendering', () => {
  it('turns the agent\'s Markdown into mrkdwn', () => {
    expect(markdownToMrkdwn('## Vendors\n**Alpha** is <b> & [the report](https://x.test/r)\n- one\n~~old~~ `a<b`')).toBe(
      '*Vendors*\n*Alpha* is &lt;b&gt; &amp; <https://x.test/r|the report>\n• one\n~old~ `a&lt;b`',
    );
  });

  it('renders tables as aligned code blocks and charts a labelled numeric column', () => {
    const rendered = renderAnswer('Delivery by vendor:\n\n| vendor | streams | note |\n|---|---:|---|\n| Alpha | 1,200 | ok |\n| Beta | 30 | low |\n| Gamma | 2,800 | ok |\n\nThat is all.');
    expect(rendered.blocks).toHaveLength(3);
    const table = (rendered.blocks[1] as { text: { text: string } }).text.text;
    expect(table).toBe('```\nvendor  streams  note\n------  -------  ----\nAlpha     1,200  ok\nBeta         30  low\nGamma     2,800  ok\n```');
    expect(rendered.charts).toEqual([{ title: 'streams by vendor', kind: 'bar', labels: ['Alpha', 'Beta', 'Gamma'], series: [{ name: 'streams', values: [1200, 30, 2800] }] }]);
  });

  it('keeps within Slack\'s limits: 3000 characters a section, 50 blocks a message', () => {
    const long = Array.from({ length: 800 }, (_, index) => `Paragraph ${index} ${'word '.repeat(60)}`).join('\n\n');
    const rendered = renderAnswer(long);
    expect(rendered.blocks.length).toBe(SLACK_LIMITS.blocksPerMessage);
    for (const block of rendered.blocks) {
      const text = (block as { text?: { text: string } }).text?.text ?? (block as { elements?: Array<{ text: string }> }).elements?.[0]?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    expect(JSON.stringify(rendered.blocks.at(-1))).toContain('more parts were left out');
    expect(rendered.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    const rows = Array.from({ length: 500 }, (_, index) => [`artist ${index}`, index * 1000]);
    const block = tableCodeBlock(['artist', 'streams'], rows);
    expect(block.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(block).toMatch(/… \d+ more rows/);
  });

  it('renders a notification with a header, sections, fields for a small two-column table, and its charts', () => {
    const rendered = renderNotification({
      title: 'Daily digest', summary: 'Streams up 4%.', sections: [{ heading: 'Anomalies', lines: ['None.'] }],
      tables: [{ heading: 'Spend', columns: ['channel', 'spend'], rows: [['meta', '10.00 USD'], ['tiktok', null]] }],
      charts: [{ title: 'Streams', kind: 'line', labels: ['a', 'b'], series: [{ name: 's', values: [1, 2] }] }],
      link: 'http://crescendo.test/digest',
    });
    expect(rendered.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Daily digest', emoji: true } });
    expect(JSON.stringify(rendered.blocks)).toContain('"fields":[{"type":"mrkdwn","text":"*meta*\\n10.00 USD"},{"type":"mrkdwn","text":"*tiktok*\\n–"}]');
    expect(rendered.charts).toHaveLength(1);
  });
});

describe('PNG charts', () => {
  it('draws bar and line charts as valid 800x420 PNGs', () => {
    for (const kind of ['bar', 'line'] as const) {
      const png = PNG.sync.read(renderChartPng({ title: 'Streams per day', kind, labels: ['11-01', '11-02', '11-03'], series: [{ name: 'streams', values: [1200, 3400, -200] }], unit: 'streams' }));
      expect([png.width, png.height]).toEqual([800, 420]);
      const coloured = [...Array(png.width * png.height).keys()].filter((pixel) => png.data[pixel * 4] === 41 && png.data[pixel * 4 + 1] === 98);
      expect(coloured.length).toBeGreaterThan(100);
    }
  });

  it('picks round axes and compact labels', () => {
    expect(niceScale(0, 6100)).toEqual({ min: 0, max: 10000, step: 2000 });
    expect(niceScale(-50, 720)).toEqual({ min: -200, max: 800, step: 200 });
    expect([compactNumber(1234), compactNumber(3_400_000), compactNumber(0.125)]).toEqual(['1.2K', '3.4M', '0.13']);
  });
});
