import { useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatMoney, formatShare, plural } from '../../components/format.ts';
import { PageHeader } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { CrmTabs, isClosed, STAGES, type DealStage } from './crm-parts.tsx';
import { DealCard, type CardMessage, type DealRow } from './deal-card.tsx';

type Summary = ToolOutput<'pipeline_summary'>;

const OPEN: DealStage[] = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION'];
const CLOSED: DealStage[] = ['CLOSED_WON', 'CLOSED_LOST'];

/** The deal pipeline: a column per stage with pipeline_summary's totals, cards moved with a stage menu. */
export default function PipelinePage() {
  const summary = useTool('pipeline_summary', {});
  return (
    <>
      <PageHeader
        title="Deal pipeline"
        subtitle="Open deals by stage with their amount and weighted amount (amount × the stage's probability); won and lost in the period."
        actions={<FormLink tool="create_deal" primary>New deal</FormLink>}
      />
      <CrmTabs />
      <Loaded result={summary} label="Loading the pipeline">
        {(data) => <Board summary={data} reloadSummary={summary.reload} />}
      </Loaded>
    </>
  );
}

function Board({ summary, reloadSummary }: { summary: Summary; reloadSummary(): void }) {
  const open = useTool('list_deals', { stage: OPEN, limit: 200 });
  // Closed deals changed in the summary's period: the won and lost columns count those closed in it.
  const closed = useTool('list_deals', { stage: CLOSED, limit: 100, updated_since: `${summary.from}T00:00:00Z` });
  const [messages, setMessages] = useState<Record<string, CardMessage>>({});

  function moved(dealId: string, message: CardMessage) {
    setMessages((shown) => ({ ...shown, [dealId]: message }));
    if (message.tone === 'good') {
      open.reload();
      closed.reload();
      reloadSummary();
    }
  }

  return (
    <>
      <p className="muted small crm-board-note">
        {plural(summary.open_total.deals, 'open deal')}: {formatMoney(summary.open_total.amount, summary.currency)}, weighted {formatMoney(summary.open_total.weighted_amount, summary.currency)}.
        {' '}Win rate {summary.from} to {summary.to}: {summary.win_rate === null ? 'no deal closed yet' : formatShare(summary.win_rate)}.
        {summary.stale.count ? ` ${plural(summary.stale.count, 'stale deal')}.` : ''}
      </p>
      {summary.notes.map((note) => <p key={note} className="muted small">{note}</p>)}
      <Loaded result={open} label="Loading deals">
        {(openDeals) => (
          <Loaded result={closed} label="Loading closed deals">
            {(closedDeals) => {
              const deals = [...openDeals.rows, ...closedDeals.rows];
              if (!deals.length) return <Empty title="No deals yet."><FormLink tool="create_deal">Add the first deal</FormLink></Empty>;
              return (
                <div className="crm-board" role="list" aria-label="Pipeline stages">
                  {STAGES.map(({ stage, label }) => (
                    <Column key={stage} stage={stage} label={label} summary={summary} deals={deals.filter((deal) => deal.stage === stage)} messages={messages} onMoved={moved} />
                  ))}
                </div>
              );
            }}
          </Loaded>
        )}
      </Loaded>
    </>
  );
}

function Column({ stage, label, summary, deals, messages, onMoved }: {
  stage: DealStage; label: string; summary: Summary; deals: DealRow[]; messages: Record<string, CardMessage>; onMoved(dealId: string, message: CardMessage): void;
}) {
  const figures = columnFigures(stage, summary);
  return (
    <section className={`crm-column crm-column-${stage.toLowerCase()}`} role="listitem" aria-label={label}>
      <header className="crm-column-head">
        <h2>{label} <span className="badge">{figures.deals}</span></h2>
        <p className="small">{formatMoney(figures.amount, summary.currency, { compact: true })}
          {figures.weighted === null ? <span className="muted"> {isClosed(stage) ? 'in the period' : ''}</span> : <span className="muted"> · weighted {formatMoney(figures.weighted, summary.currency, { compact: true })}</span>}
        </p>
      </header>
      <ul className="crm-cards">
        {deals.map((deal) => <li key={deal.deal_id}><DealCard deal={deal} message={messages[deal.deal_id]} onMoved={onMoved} /></li>)}
      </ul>
      {!deals.length ? <p className="muted small crm-column-empty">No deals</p> : null}
    </section>
  );
}

function columnFigures(stage: DealStage, summary: Summary): { deals: number; amount: number; weighted: number | null } {
  if (stage === 'CLOSED_WON') return { deals: summary.won.deals, amount: summary.won.amount, weighted: null };
  if (stage === 'CLOSED_LOST') return { deals: summary.lost.deals, amount: summary.lost.amount, weighted: null };
  const row = summary.stages.find((entry) => entry.stage === stage);
  return { deals: row?.deals ?? 0, amount: row?.amount ?? 0, weighted: row?.weighted_amount ?? 0 };
}
