import { formatDecimal } from '../../components/format.ts';
import { Link } from '../../router.tsx';
import type { Approval } from './approval-card.tsx';

type Summary = NonNullable<Approval['summary']>;

/** "283.26 USD" in large type: the figure an approver must not miss. */
export function ApprovalAmount({ amount }: { amount: Summary['amount'] }) {
  if (!amount) return null;
  return (
    <p className="approval-amount">
      <span className="approval-amount-value">{formatDecimal(amount.value)}</span> <span className="approval-amount-currency">{amount.currency}</span>
    </p>
  );
}

/** What it is for: the campaign (a link to it) and the songs by title and artist. */
export function ApprovalPurpose({ summary }: { summary: Summary }) {
  if (!summary.campaign && summary.songs.length === 0) return null;
  return (
    <p className="approval-purpose">
      {summary.campaign ? <>For <Link href={`/campaigns/${summary.campaign.id}`}>{summary.campaign.name}</Link></> : summary.songs.length ? 'For' : 'For no campaign in particular'}
      {summary.songs.length ? <>{summary.campaign ? ' · ' : ' '}{summary.songs.map((song, index) => (
        <span key={`${song.title}-${index}`} className="approval-song">{index ? ', ' : ''}“{song.title}” by {song.artist}</span>
      ))}</> : null}
    </p>
  );
}

/** The figures the decision rests on, label beside value, and what to notice first. */
export function ApprovalEvidence({ summary }: { summary: Summary }) {
  return (
    <>
      {summary.warnings.length ? (
        <ul className="approval-warnings" aria-label="Before you decide">
          {summary.warnings.map((warning) => <li key={warning}>{warning}</li>)}
        </ul>
      ) : null}
      {summary.evidence.length ? (
        <dl className="approval-evidence">
          {summary.evidence.map((fact) => (
            <div key={fact.label} className="approval-fact">
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}

/** What happens, in plain words: the tool's headline, else (older requests) the action's label. */
export function headlineOf(approval: Pick<Approval, 'summary' | 'action'>, fallback: (action: string) => string): string {
  return approval.summary?.headline ?? fallback(approval.action);
}
