import type { ToolOutput } from '../../api/tool-types.ts';
import { formatMoney } from '../../components/format.ts';
import { Link } from '../../router.tsx';
import { recordHref, timeInStage } from './crm-parts.tsx';
import { MoveAnswer, StageMenu, type MoveMessage } from './stage-menu.tsx';

export type DealRow = ToolOutput<'list_deals'>['rows'][number];
export type CardMessage = MoveMessage;

/** One deal on the board, linked to its page, with the stage menu that moves it and the server's answer to the last move. */
export function DealCard({ deal, message, onMoved }: { deal: DealRow; message?: CardMessage; onMoved(dealId: string, message: CardMessage): void }) {
  return (
    <article className={`crm-card${message?.tone === 'bad' ? ' crm-card-refused' : ''}`} aria-label={deal.name}>
      <h3 className="crm-card-title"><Link href={recordHref('deal', deal.deal_id)}>{deal.name}</Link></h3>
      {deal.company && deal.company_id ? <p className="small"><Link href={`/crm/companies/${deal.company_id}`}>{deal.company}</Link></p> : null}
      <p className="crm-card-amount">{deal.amount === null ? <span className="muted">No amount</span> : formatMoney(deal.amount, deal.currency)}</p>
      <p className="muted small">
        {deal.owner ?? 'No owner'}
        {` · in stage ${timeInStage(deal.stage_changed_at)}`}
        {deal.expected_close_date ? ` · closes ${deal.expected_close_date}` : ''}
      </p>
      <StageMenu dealId={deal.deal_id} dealName={deal.name} stage={deal.stage} onMoved={(answer) => onMoved(deal.deal_id, answer)} />
      <MoveAnswer message={message} />
    </article>
  );
}

