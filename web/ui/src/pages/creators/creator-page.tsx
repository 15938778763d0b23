import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useTool } from '../../api/use-tool.ts';
import { useMe } from '../../auth/organization.tsx';
import { useApi } from '../../auth/session.tsx';
import { formatDay, formatInstant, formatMoney, formatNumber, formatShare } from '../../components/format.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { ExternalLink } from '../../components/external-link.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { AskAboutLink } from '../chat/ask-about-link.tsx';
import { Link } from '../../router.tsx';
import { AudienceCharts } from './audience-charts.tsx';
import { Chips, countryName, CreatorTabs, Followers, formatEngagement, languageName, NetworkTag, networkLabel } from './creator-parts.tsx';
import type { CreatorDetail, CreatorPlatformView } from './creator-types.ts';
import { GrowthChart } from './growth-chart.tsx';
import { AssignmentStatusBadge } from './assignment-status.tsx';

/** One creator: who they are and their contract, each platform's figures and connection, growth, audience, content, campaigns and payments. */
export default function CreatorPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const creator = useTool('get_creator', { creator_id: id });
  return (
    <Loaded result={creator} label="Loading the creator">
      {(data) => <CreatorView detail={data} reload={creator.reload} />}
    </Loaded>
  );
}

export function CreatorView({ detail, reload }: { detail: CreatorDetail; reload(): void }) {
  const { creator } = detail;
  const back = `/creators/${creator.id}`;
  const subtitle = [`@${creator.handle}`, creator.country ? countryName(creator.country) : null, creator.languages.length ? creator.languages.map(languageName).join(', ') : null, creator.is_active ? null : 'Archived'].filter(Boolean).join(' · ');
  return (
    <>
      <p className="back-link"><Link href="/creators">← Creators</Link></p>
      <PageHeader
        title={creator.name}
        subtitle={subtitle}
        actions={<>
          <FormLink tool="update_creator" values={{ creator_id: creator.id, back }}>Edit</FormLink>
          <FormLink tool="set_creator_platform" values={{ creator_id: creator.id, back }}>Add a platform</FormLink>
          <AskAboutLink about={creator.name}>Ask about this creator</AskAboutLink>
          <FormLink tool="assign_creator" values={{ creator_id: creator.id, back }} primary>Book on a campaign</FormLink>
        </>}
      />
      <CreatorTabs />
      <p className="cr-summary">{headerSummary(creator)}</p>
      <div className="cr-profile">
        <div className="cr-profile-side">
          <About creator={creator} />
          <Contract creator={creator} />
          <Campaigns detail={detail} />
          <Payments detail={detail} />
        </div>
        <div className="cr-profile-main">
          <Platforms creator={creator} reload={reload} />
          <Panel className="cr-o-3" title="Follower growth" description="Followers per network, from each day's last sync or import over the past year.">
            <GrowthChart series={detail.growth.map((series) => ({ network: series.network, points: series.points.flatMap((point) => point.followers === null ? [] : [{ at: point.date, followers: point.followers }]) }))} />
          </Panel>
          <Panel title="Audience" className="cr-o-4">
            <AudienceCharts audiences={detail.audiences.map(({ network, audience }) => ({
              network,
              as_of: audience.as_of,
              age: audience.age.map((row) => ({ value: row.band, share: row.share })),
              gender: audience.gender.map((row) => ({ value: row.gender, share: row.share })),
              country: audience.countries.map((row) => ({ value: row.code, share: row.share })),
              city: audience.cities.map((row) => ({ value: `${row.name}, ${row.country}`, share: row.share })),
            }))} />
          </Panel>
          <RecentContent detail={detail} />
        </div>
      </div>
    </>
  );
}

type Creator = CreatorDetail['creator'];

function About({ creator }: { creator: Creator }) {
  return (
    <Panel title="About" className="cr-o-1">
      {creator.bio ? <p className="cr-bio">{creator.bio}</p> : <p className="muted">No bio.</p>}
      <dl className="cr-details">
        <div><dt>Genres</dt><dd><Chips items={creator.genres} label="Genres" /></dd></div>
        <div><dt>Niches</dt><dd><Chips items={creator.niches} label="Niches" /></dd></div>
        <div><dt>Contact</dt><dd><Link href={`/crm/contacts/${creator.contact.id}`}>{creator.contact.name}</Link>{creator.contact.primary_email ? <div className="muted small">{creator.contact.primary_email}</div> : null}</dd></div>
        {creator.notes ? <div><dt>Notes</dt><dd className="cr-notes">{creator.notes}</dd></div> : null}
      </dl>
    </Panel>
  );
}

function Contract({ creator }: { creator: Creator }) {
  const contract = creator.contract;
  const exclusivity = contract.exclusive
    ? `Exclusive${contract.exclusive_from || contract.exclusive_until ? ` ${contract.exclusive_from ? `from ${formatDay(contract.exclusive_from)}` : ''}${contract.exclusive_until ? ` until ${formatDay(contract.exclusive_until)}` : ''}` : ''}`
    : 'Not exclusive';
  return (
    <Panel title="Contract" className="cr-o-5">
      <dl className="cr-details">
        <div><dt>Commission</dt><dd>{contract.commission_rate === null ? '—' : formatShare(contract.commission_rate)}</dd></div>
        <div><dt>Exclusivity</dt><dd>{exclusivity}</dd></div>
        <div><dt>Fee ranges</dt><dd>{contract.fee_ranges.length ? (
          <ul className="cr-fees">{contract.fee_ranges.map((range) => <li key={`${range.network ?? ''}-${range.format}`}><span>{range.network ? `${networkLabel(range.network)} ` : ''}{range.format}</span> <span>{range.min === range.max ? formatFee(range.min, range.currency) : `${formatFee(range.min, range.currency)}–${formatFee(range.max, range.currency)}`}</span></li>)}</ul>
        ) : '—'}</dd></div>
        <div><dt>Rate card</dt><dd>{contract.rate_card.length ? (
          <ul className="cr-fees">{contract.rate_card.map((rate) => <li key={`${rate.network}-${rate.format}`}><span>{networkLabel(rate.network)} {rate.format}</span> <span>{formatFee(rate.price, rate.currency)}</span></li>)}</ul>
        ) : '—'}</dd></div>
      </dl>
    </Panel>
  );
}

type ActionMessage = { tone: 'good' | 'bad'; text: string; link?: { href: string; label: string } };

function Platforms({ creator, reload }: { creator: Creator; reload(): void }) {
  const canWrite = useMe().permissions.includes('creators:write');
  if (!creator.platforms.length) {
    return <Panel title="Platforms" className="cr-o-2"><Empty title="No platform yet."><FormLink tool="set_creator_platform" values={{ creator_id: creator.id, back: `/creators/${creator.id}` }}>Add one</FormLink></Empty></Panel>;
  }
  return (
    <Panel title="Platforms" className="cr-o-2">
      <ul className="cr-platforms">
        {creator.platforms.map((platform) => <li key={platform.id}><PlatformCard creatorId={creator.id} platform={platform} canWrite={canWrite} reload={reload} /></li>)}
      </ul>
    </Panel>
  );
}

const CONNECTION_TEXT: Record<CreatorPlatformView['connection'], string> = {
  connected: 'Connected through Phyllo',
  not_connected: 'Not connected',
  disconnected: 'Disconnected',
  error: 'Connection error',
};

export function PlatformCard({ creatorId, platform, canWrite, reload }: { creatorId: string; platform: CreatorPlatformView; canWrite: boolean; reload(): void }) {
  const api = useApi();
  const [busy, setBusy] = useState<'connect' | 'sync' | null>(null);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const connected = platform.connection === 'connected';

  async function connect() {
    setBusy('connect');
    setMessage(null);
    try {
      const answer = await api.callTool('connect_creator_platform', { creator_id: creatorId, network: platform.network });
      setMessage({ tone: 'good', text: answer.next_step, link: { href: answer.connect_url, label: 'Open the connect page' } });
    } catch (error) {
      setMessage({ tone: 'bad', text: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  }

  async function sync() {
    setBusy('sync');
    setMessage(null);
    try {
      const answer = await api.callTool('sync_creator', { creator_id: creatorId, wait: true });
      const failed = answer.synced.filter((account) => account.error);
      const text = answer.status === 'queued'
        ? 'Sync queued: the figures update in a moment.'
        : `Synced ${answer.synced.map((account) => `${networkLabel(account.network)} (${account.posts_synced} posts)`).join(', ') || 'nothing new'}.${failed.map((account) => ` ${networkLabel(account.network)} failed: ${account.error}`).join('')}`;
      setMessage({ tone: failed.length ? 'bad' : 'good', text: [text, ...answer.notes].join(' ') });
      reload();
    } catch (error) {
      setMessage({ tone: 'bad', text: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <article className={`cr-platform cr-connection-${platform.connection}`} aria-label={`${platform.network} account`}>
      <header className="cr-platform-head">
        <NetworkTag network={platform.network} />
        {platform.url ? <ExternalLink href={platform.url}>@{platform.handle}</ExternalLink> : <span>@{platform.handle}</span>}
      </header>
      <dl className="cr-platform-figures">
        <div><dt>Followers</dt><dd><Followers value={platform.followers} /></dd></div>
        <div><dt>Engagement</dt><dd>{formatEngagement(platform.engagement_rate)}</dd></div>
        <div><dt>Avg views</dt><dd><Followers value={platform.average_views} /></dd></div>
        <div><dt>Posts</dt><dd>{formatNumber(platform.posts_count)}</dd></div>
      </dl>
      <p className="small flush cr-connection">
        <span className={`badge cr-badge-${platform.connection}`}>{CONNECTION_TEXT[platform.connection]}</span>{' '}
        <span className="muted">
          {platform.last_synced_at ? `Last sync ${formatInstant(platform.last_synced_at)}` : connected ? 'Not synced yet' : `Figures from ${platform.metrics_source === 'import' ? 'an import' : 'manual entry'}`}
        </span>
      </p>
      {platform.connection_error ? <p className="small bad flush" role="note">{platform.connection_error}</p> : null}
      {canWrite ? (
        <div className="cr-platform-actions">
          {connected ? null : <button type="button" className="button" disabled={busy !== null} onClick={connect}>{busy === 'connect' ? 'Starting…' : platform.connection === 'not_connected' ? 'Connect via Phyllo' : 'Reconnect via Phyllo'}</button>}
          {connected ? <button type="button" className="button" disabled={busy !== null} onClick={sync}>{busy === 'sync' ? 'Syncing…' : 'Sync now'}</button> : null}
        </div>
      ) : null}
      {message ? (
        <p className={`small flush ${message.tone}`} role={message.tone === 'bad' ? 'alert' : 'status'}>
          {message.text}{message.link ? <> <ExternalLink href={message.link.href}>{message.link.label}</ExternalLink></> : null}
        </p>
      ) : null}
    </article>
  );
}

function RecentContent({ detail }: { detail: CreatorDetail }) {
  return (
    <Panel title="Recent content" className="cr-o-6">
      {detail.recent_content.length ? (
        <TableScroll label="Recent content">
          <table>
            <thead><tr><th scope="col">Post</th><th scope="col" className="num">Views</th><th scope="col" className="num">Likes</th><th scope="col" className="num">Comments</th><th scope="col" className="num">Shares</th><th scope="col" className="num">Saves</th></tr></thead>
            <tbody>
              {detail.recent_content.map((content) => (
                <tr key={content.id}>
                  <th scope="row" className="cr-content-cell">
                    <div className="cr-content-title">{content.url ? <ExternalLink href={content.url}>{content.caption ? truncate(content.caption, 80) : 'Open the post'}</ExternalLink> : (content.caption ? truncate(content.caption, 80) : 'Untitled')}</div>
                    <div className="muted small cell-sub"><NetworkTag network={content.network} />{content.format ? ` · ${content.format}` : ''} · {formatDay(content.published_at)}{content.creator_campaign ? <> · <Link href={`/creators/campaigns/${content.creator_campaign.id}`}>{content.creator_campaign.name}</Link></> : null}</div>
                  </th>
                  <td className="num">{formatNumber(content.views)}</td>
                  <td className="num">{formatNumber(content.likes)}</td>
                  <td className="num">{formatNumber(content.comments)}</td>
                  <td className="num">{formatNumber(content.shares)}</td>
                  <td className="num">{formatNumber(content.saves)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : <Empty title="No content yet." />}
    </Panel>
  );
}

function Campaigns({ detail }: { detail: CreatorDetail }) {
  const back = `/creators/${detail.creator.id}`;
  return (
    <Panel title="Campaigns" className="cr-o-7">
      {detail.campaigns.length ? (
        <ul className="plain-list">
          {detail.campaigns.map((campaign) => (
            <li key={campaign.assignment_id}>
              <div className="row-between wrap">
                <Link href={`/creators/campaigns/${campaign.creator_campaign_id}`}>{campaign.name}</Link>
                <AssignmentStatusBadge status={campaign.assignment_status.toUpperCase()} />
              </div>
              <div className="muted small">
                {formatMoney(campaign.fee, campaign.currency)}
                {campaign.deliverables.length ? ` · ${campaign.deliverables.map((line) => `${line.count} ${networkLabel(line.network)} ${line.format}${line.due_on ? ` by ${formatDay(line.due_on, { short: true })}` : ''}`).join(', ')}` : ''}
              </div>
            </li>
          ))}
        </ul>
      ) : <Empty title="Not booked on a campaign yet."><FormLink tool="assign_creator" values={{ creator_id: detail.creator.id, back }}>Book on a campaign</FormLink></Empty>}
    </Panel>
  );
}

function Payments({ detail }: { detail: CreatorDetail }) {
  return (
    <Panel className="cr-o-8" title="Payments" description={detail.totals.paid.length ? `Paid in all: ${detail.totals.paid.map((total) => formatMoney(total.amount, total.currency)).join(' + ')}` : undefined}>
      {detail.payments.length ? (
        <ul className="plain-list">
          {detail.payments.map((payment) => (
            <li key={payment.id}>
              <div className="row-between wrap"><strong>{formatMoney(payment.amount, payment.currency)}</strong><span className="muted small">{formatDay(payment.paid_at)}</span></div>
              <div className="muted small">{payment.creator_campaign}{payment.reference ? ` · ${payment.reference}` : ''}</div>
            </li>
          ))}
        </ul>
      ) : <Empty title="No payment yet." />}
    </Panel>
  );
}

/** The header's one line: reach, genres and the contract in short ("1.2M followers · reggaeton, pop · exclusive until 30 Jun 2027 · 15% commission"). */
export function headerSummary(creator: Creator): string {
  const { contract } = creator;
  const total = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(creator.total_followers);
  const parts = [`${total} followers on ${creator.platforms.length === 1 ? '1 network' : `${creator.platforms.length} networks`}`];
  if (creator.genres.length) parts.push(creator.genres.join(', '));
  if (contract.exclusive) parts.push(`exclusive${contract.exclusive_until ? ` until ${formatDay(contract.exclusive_until)}` : ''}`);
  if (contract.commission_rate !== null) parts.push(`${formatShare(contract.commission_rate)} commission`);
  const fees = contract.fee_ranges.map((range) => `${range.min === range.max ? formatFee(range.min, range.currency) : `${formatFee(range.min, range.currency)}–${formatFee(range.max, range.currency)}`} per ${range.network ? `${networkLabel(range.network)} ` : ''}${range.format}`);
  if (fees.length) parts.push(fees.slice(0, 2).join(', '));
  return parts.join(' · ');
}

/** Contract prices are round: "$18,300" rather than "$18,300.00" where cents are zero. */
function formatFee(value: number, currency: string): string {
  return Number.isInteger(value) ? new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value) : formatMoney(value, currency);
}

function truncate(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
