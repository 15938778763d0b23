import { Link, useLocation } from '../../router.tsx';
import './ads.css';

export const AD_PLATFORM_LABELS: Record<string, string> = {
  meta: 'Meta', google: 'Google Ads', tiktok: 'TikTok', snapchat: 'Snapchat', linkedin: 'LinkedIn', twitter: 'X', pinterest: 'Pinterest', amazon: 'Amazon Ads', dv360: 'DV360',
};
/** Near each brand's colour, dark enough to read on white; the name always goes with it. */
const AD_PLATFORM_COLOURS: Record<string, string> = { meta: '#1463d6', google: '#1e8e3e', tiktok: '#00838a', snapchat: '#9a8500', linkedin: '#0a66c2', twitter: '#0f1419', pinterest: '#b8001c', amazon: '#c77700', dv360: '#5d647a' };
export const CONNECTABLE = ['meta', 'google', 'tiktok'] as const;

export const platformLabel = (platform: string | null | undefined) => (platform ? AD_PLATFORM_LABELS[platform] ?? platform : '—');
export const platformColour = (platform: string | null | undefined) => (platform ? AD_PLATFORM_COLOURS[platform] ?? '#5d647a' : '#5d647a');

export function PlatformTag({ platform }: { platform: string | null }) {
  return (
    <span className="ad-platform">
      <span className="ad-platform-dot" style={{ background: platformColour(platform) }} aria-hidden="true" />
      {platformLabel(platform)}
    </span>
  );
}

const SECTIONS = [
  { href: '/ads', label: 'Accounts' },
  { href: '/ads/performance', label: 'Performance' },
  { href: '/ads/alerts', label: 'Alerts' },
  { href: '/ads/syncs', label: 'Sync history' },
] as const;

export function AdsTabs() {
  const { path } = useLocation();
  return (
    <nav aria-label="Ads" className="ad-tabs">
      {SECTIONS.map((section) => (
        <Link key={section.href} href={section.href} aria-current={path === section.href ? 'page' : undefined}>{section.label}</Link>
      ))}
    </nav>
  );
}

const OUTCOME_BADGE: Record<string, string> = { succeeded: 'badge-active', partial: 'badge-paused', failed: 'badge-failed', running: 'badge-pending' };
const OUTCOME_LABEL: Record<string, string> = { succeeded: 'Synced', partial: 'Partly synced', failed: 'Failed', running: 'Running' };
export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <span className={`badge ${OUTCOME_BADGE[outcome] ?? ''}`}>{OUTCOME_LABEL[outcome] ?? outcome}</span>;
}

const STATUS_BADGE: Record<string, string> = { active: 'badge-active', needs_reauth: 'badge-failed', paused: 'badge-paused', disconnected: '' };
const STATUS_LABEL: Record<string, string> = { active: 'Active', needs_reauth: 'Needs reconnecting', paused: 'Paused', disconnected: 'Disconnected' };
export function AccountStatusBadge({ status }: { status: string }) {
  return <span className={`badge ${STATUS_BADGE[status] ?? ''}`}>{STATUS_LABEL[status] ?? status}</span>;
}

/** The platforms' status words (ACTIVE, ENABLED, CAMPAIGN_STATUS_ENABLE...) as people say them. */
export function campaignStatusLabel(status: string | null): string | null {
  if (!status) return null;
  const word = status.toLowerCase().replace(/^campaign_status_/, '');
  const known: Record<string, string> = { enable: 'active', enabled: 'active', active: 'active', disable: 'paused', paused: 'paused', delete: 'deleted', removed: 'removed', archived: 'archived' };
  return known[word] ?? word.replaceAll('_', ' ');
}
