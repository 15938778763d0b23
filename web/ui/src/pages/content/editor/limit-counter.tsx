import { formatNumber } from '../../../components/format.ts';
import { isOver, type LimitCount } from './post-limits.ts';

/** "132 / 2,200 characters", turning red with what to do once past the limit (or short of a minimum). */
export function LimitCounter({ count, id }: { count: LimitCount; id?: string }) {
  const over = isOver(count);
  const share = Math.min(1, count.used / count.max);
  const tooFew = count.min !== undefined && count.used < count.min;
  const bounds = count.min !== undefined ? `${formatNumber(count.min)}–${formatNumber(count.max)}` : formatNumber(count.max);
  const advice = tooFew ? `add ${formatNumber(count.min! - count.used)}` : over ? `${formatNumber(count.used - count.max)} over: shorten it` : null;
  return (
    <div id={id} className={`limit-counter ${over ? 'limit-over' : share > 0.9 ? 'limit-near' : ''}`}>
      <span className="limit-label">{count.label}</span>
      <span className="limit-bar" aria-hidden="true"><span style={{ width: `${share * 100}%` }} /></span>
      <span className="limit-figures">
        {formatNumber(count.used)} / {bounds} {count.unit}
        {advice ? <strong>{` · ${advice}`}</strong> : null}
      </span>
    </div>
  );
}

/** Every counter of a post, announced politely when one crosses its limit. */
export function LimitCounters({ counts }: { counts: readonly LimitCount[] }) {
  const problems = counts.filter(isOver);
  return (
    <div className="limit-counters">
      {counts.map((count) => <LimitCounter key={count.field} count={count} />)}
      <p className="sr-only" role="status" aria-live="polite">
        {problems.length ? problems.map((count) => `${count.label}: ${formatNumber(count.used)} of ${formatNumber(count.max)} ${count.unit}`).join('. ') : ''}
      </p>
    </div>
  );
}
