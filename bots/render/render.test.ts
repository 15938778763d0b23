import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { CHART_FONT_FAMILY } from '../charts/chart-fonts.ts';
import { CHART_WIDTH, compactNumber, renderChartPng, renderChartSvg } from '../charts/render-chart.ts';
import { wrapLabel } from '../charts/wrap-label.ts';
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

describe('PNG charts (ECharts SVG rasterised by resvg with Inter)', () => {
  it('draws bar and line charts as valid PNGs, 800 px wide at twice the density, in the chart colours', async () => {
    for (const kind of ['bar', 'line'] as const) {
      const png = PNG.sync.read(await renderChartPng({ title: 'Streams per day', kind, labels: ['11-01', '11-02', '11-03'], series: [{ name: 'streams', values: [1200, 3400, -200] }], unit: 'streams' }));
      expect([png.width, png.height]).toEqual([CHART_WIDTH * 2, 840]);
      const coloured = [...Array(png.width * png.height).keys()].filter((pixel) => png.data[pixel * 4] === 0x29 && png.data[pixel * 4 + 1] === 0x62 && png.data[pixel * 4 + 2] === 0xff);
      expect(coloured.length).toBeGreaterThan(1000);
    }
  });

  it('writes its text in the shipped Inter font: a title is drawn in dark ink, not left blank for want of a system font', async () => {
    const png = PNG.sync.read(await renderChartPng({ title: 'Delivered streams by vendor', kind: 'bar', labels: ['A', 'B', 'C'], series: [{ name: 's', values: [1, 2, 3] }] }));
    let ink = 0;
    // The title sits in the top-left band (16 px in, 12 px down, at 2x).
    for (let y = 20; y < 70; y++) for (let x = 30; x < 500; x++) if (png.data[(y * png.width + x) * 4]! < 80) ink++;
    expect(ink).toBeGreaterThan(500);
    expect(await renderChartSvg({ title: 't', kind: 'line', labels: ['a'], series: [{ name: 's', values: [1] }] })).toContain(CHART_FONT_FAMILY);
  });

  it('never cuts a label inside a word: long vendor names lie on their side and wrap between words', async () => {
    const svg = await renderChartSvg({ title: 'real cost per 1k by vendor', kind: 'bar', labels: ['Pulse Media Playlist Promotion Collective', 'Veyra', 'Lowtide'], series: [{ name: 'cost', values: [4.2, 2.2, 3.1] }] });
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!);
    expect(texts).toContain('Pulse Media Playlist');
    expect(texts).toContain('Promotion Collective');
    expect(texts.join(' ')).not.toMatch(/…|\.\.\./);
    expect(wrapLabel('Indie Waves International Marketing Group', 24)).toEqual(['Indie Waves', 'International Marketing', 'Group']);
    expect(wrapLabel('Supercalifragilisticexpialidocious Records', 12)).toEqual(['Supercalifragilisticexpialidocious', 'Records']);
  });

  it('keeps dates upright under the bars and shows compact axis numbers', async () => {
    const days = Array.from({ length: 30 }, (_, index) => `11-${String(index + 1).padStart(2, '0')}`);
    const png = PNG.sync.read(await renderChartPng({ title: 'Spend per day', kind: 'bar', labels: days, series: [{ name: 'spend', values: days.map((_, index) => index * 10) }] }));
    expect(png.height).toBe(840);
    expect([compactNumber(1234), compactNumber(3_400_000), compactNumber(0.125)]).toEqual(['1.2K', '3.4M', '0.13']);
  });
});
