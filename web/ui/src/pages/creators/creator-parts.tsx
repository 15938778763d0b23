import type { ReactNode } from 'react';
import { formatCompact, formatNumber, formatShare } from '../../components/format.ts';
import { Link, useLocation } from '../../router.tsx';
import './creators.css';

/** The networks in the order the tools list them (tools/creators/networks.ts), as people write them. */
export const NETWORK_LABELS = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  twitter: 'X (Twitter)',
  linkedin: 'LinkedIn',
  snapchat: 'Snapchat',
  pinterest: 'Pinterest',
  twitch: 'Twitch',
  facebook: 'Facebook',
} as const;
export type NetworkName = keyof typeof NETWORK_LABELS;
export const NETWORK_NAMES = Object.keys(NETWORK_LABELS) as NetworkName[];

/** Near each brand's colour, dark enough for a 3:1 line or stripe on white; colour is never the only cue. */
const NETWORK_COLOURS: Record<NetworkName, string> = {
  instagram: '#c13584',
  tiktok: '#00838a',
  youtube: '#d93025',
  twitter: '#0f1419',
  linkedin: '#0a66c2',
  snapchat: '#9a8500',
  pinterest: '#b8001c',
  twitch: '#7a3fe0',
  facebook: '#1463d6',
};

export function networkLabel(network: string): string {
  return Object.hasOwn(NETWORK_LABELS, network) ? NETWORK_LABELS[network as NetworkName] : network;
}

export function networkColour(network: string): string {
  return Object.hasOwn(NETWORK_COLOURS, network) ? NETWORK_COLOURS[network as NetworkName] : '#5d647a';
}

/** A network's name with its colour as a small dot (the name carries the meaning). */
export function NetworkTag({ network, children }: { network: string; children?: ReactNode }) {
  return (
    <span className="cr-network">
      <span className="cr-network-dot" style={{ background: networkColour(network) }} aria-hidden="true" />
      {networkLabel(network)}{children}
    </span>
  );
}

/** "1.2M followers" where space is short, the exact figure on hover. */
export function Followers({ value }: { value: number | null | undefined }) {
  return <span title={value === null || value === undefined ? undefined : formatNumber(value)}>{formatCompact(value)}</span>;
}

/** Engagement rates are 0..1 in every tool answer. */
export const formatEngagement = (rate: number | null | undefined) => formatShare(rate);

/** "SALES_QUALIFIED" or "content_submitted" as "Sales qualified", "Content submitted". */
export function enumLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const SECTIONS = [
  { href: '/creators', label: 'Find creators', exact: true },
  { href: '/creators/campaigns', label: 'Creator campaigns', exact: false },
] as const;

/** The creators section's own tabs, under the one Creators entry of the main navigation. */
export function CreatorTabs() {
  const { path } = useLocation();
  const current = (section: (typeof SECTIONS)[number]) => section.exact
    ? path === section.href || (path.startsWith('/creators/') && !path.startsWith('/creators/campaigns'))
    : path === section.href || path.startsWith(`${section.href}/`);
  return (
    <nav aria-label="Creators" className="cr-tabs">
      {SECTIONS.map((section) => (
        <Link key={section.href} href={section.href} aria-current={current(section) ? 'page' : undefined}>{section.label}</Link>
      ))}
    </nav>
  );
}

/** ISO 3166 alpha-2 as the country's English name ("US" -> "United States"), the code when the browser has no name. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** ISO 639-1 as the language's English name ("es" -> "Spanish"). */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Comma- or space-separated words typed in a filter, trimmed, without empties or repeats. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((part) => part.trim()).filter(Boolean))];
}

export function Chips({ items, label }: { items: readonly string[]; label: string }) {
  if (!items.length) return <span className="muted">—</span>;
  return <ul className="cr-chips" aria-label={label}>{items.map((item) => <li key={item} className="badge">{item}</li>)}</ul>;
}

const CAMPAIGN_TONES: Record<string, string> = { ACTIVE: 'badge-active', PAUSED: 'badge-paused', CANCELLED: 'badge-rejected', COMPLETED: 'badge-executed', DRAFT: '' };

export function CampaignStatusBadge({ status }: { status: string }) {
  return <span className={`badge ${CAMPAIGN_TONES[status] ?? ''}`}>{enumLabel(status)}</span>;
}
