import { memo } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { formatNumber, formatShare, plural } from '../../components/format.ts';
import { ProgressBar } from '../../components/layout-parts.tsx';
import { Empty } from '../../components/states.tsx';
import { Link } from '../../router.tsx';

type TopCampaign = ToolOutput<'daily_digest'>['top_campaigns'][number];

export const TopCampaigns = memo(function TopCampaigns({ campaigns }: { campaigns: readonly TopCampaign[] }) {
  if (!campaigns.length) return <Empty title="No active campaign streamed in the last 7 days." />;
  return (
    <ol className="plain-list">
      {campaigns.map((campaign) => (
        <li key={campaign.campaign_id}>
          <div className="row-between">
            <Link href={`/campaigns/${campaign.campaign_id}`}>{campaign.name}</Link>
            <span className="muted">{plural(campaign.streams_7d, 'stream')} delivered by vendors in 7 days</span>
          </div>
          <div className="row-between meter-row">
            <ProgressBar value={campaign.progress} label={`${campaign.name}: delivered by vendors, of goal`} />
            <span className="muted small nowrap">
              {formatNumber(campaign.delivered)} of {formatNumber(campaign.goal)} ({formatShare(campaign.progress)})
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
});
