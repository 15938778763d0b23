import { memo } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { formatDay, formatMoney, formatNumber } from '../../components/format.ts';
import { StatCard } from '../../components/layout-parts.tsx';
import { Link } from '../../router.tsx';

type Digest = ToolOutput<'daily_digest'>;

const LABELS: Record<Digest['metrics'][number]['metric'], string> = { streams: 'Streams', spend: 'Spend', revenue: 'Revenue', conversions: 'Conversions' };

function change(percent: number | null): string {
  if (percent === null) return 'no comparison';
  return `${percent > 0 ? '+' : ''}${percent.toFixed(1)}% vs the day before`;
}

/** Yesterday's four headline figures and the approvals waiting, from the same daily_digest Slack posts. */
export const DigestStats = memo(function DigestStats({ digest }: { digest: Digest }) {
  const pending = digest.pending_approvals.count;
  return (
    <section aria-label={`Figures for ${formatDay(digest.date)}`}>
      <h2 className="muted section-date">Figures for {formatDay(digest.date)}</h2>
      <div className="stats">
        {digest.metrics.map((metric) => {
          const value = metric.metric === 'spend' || metric.metric === 'revenue' ? formatMoney(metric.value, digest.currency) : formatNumber(metric.value);
          const good = metric.metric === 'spend' ? undefined : metric.change_vs_previous_day_percent;
          return (
            <StatCard key={metric.metric} label={LABELS[metric.metric]} value={value} detail={change(metric.change_vs_previous_day_percent)}
              tone={good === undefined || good === null || good === 0 ? undefined : good > 0 ? 'good' : 'bad'} />
          );
        })}
        <StatCard label="Waiting for approval" value={formatNumber(pending)}
          detail={pending ? <Link href="/approvals">Review {pending === 1 ? 'it' : 'them'}</Link> : 'Nothing waiting'} />
      </div>
    </section>
  );
});
