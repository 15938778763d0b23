import type { NotificationMessage } from '../notifier.ts';
import { ENGAGEMENT_FIGURES, type PlatformEngagement } from '../../tools/content/posts/post-engagement.ts';

/** What the agent did for one release. */
export interface ReleaseOutcome {
  title: string;
  artist: string;
  /** Drafts filed for approval, with their platform and local time. */
  filed: Array<{ platform: string; localTime: string }>;
  /** Drafts left as drafts, with why. */
  leftAsDrafts: Array<{ platform: string; reason: string }>;
  /** Platforms the model could not write a usable draft for. */
  notWritten: Array<{ platform: string; reason: string }>;
  /** Why nothing was drafted, when nothing was. */
  skipped?: string;
}

export interface ContentAgentReport {
  /** The day summarised (yesterday), YYYY-MM-DD. */
  yesterday: string;
  /** The day drafted for (tomorrow), YYYY-MM-DD. */
  tomorrow: string;
  engagement: PlatformEngagement[];
  releases: ReleaseOutcome[];
  /** Why no drafting happened at all (no model configured...), when so. */
  draftingSkipped: string | null;
}

const PLATFORM_NAMES: Record<string, string> = { INSTAGRAM: 'Instagram', TIKTOK: 'TikTok', FACEBOOK: 'Facebook', X: 'X', PINTEREST: 'Pinterest', YOUTUBE: 'YouTube', SNAPCHAT: 'Snapchat' };
const platformName = (platform: string) => PLATFORM_NAMES[platform.toUpperCase()] ?? platform;
const count = (value: number) => value.toLocaleString('en-GB');

/** The content channel's morning message: yesterday's engagement per platform, then what was drafted for tomorrow. */
export function contentAgentMessage(report: ContentAgentReport): NotificationMessage {
  const posts = report.engagement.reduce((sum, row) => sum + row.posts, 0);
  const total = (figure: (typeof ENGAGEMENT_FIGURES)[number]) => report.engagement.reduce((sum, row) => sum + row.totals[figure], 0);
  const engagementLine = posts
    ? `${count(posts)} ${posts === 1 ? 'post' : 'posts'} published yesterday: ${count(total('likes'))} likes, ${count(total('comments'))} comments, ${count(total('shares'))} shares, ${count(total('views'))} views.`
    : 'No posts were published yesterday.';
  const filed = report.releases.reduce((sum, release) => sum + release.filed.length, 0);
  const draftLine = report.draftingSkipped
    ? `No drafts for tomorrow: ${report.draftingSkipped}`
    : filed
      ? `${count(filed)} ${filed === 1 ? 'post' : 'posts'} for tomorrow drafted and waiting for approval.`
      : report.releases.length ? 'No posts for tomorrow were filed for approval.' : 'No release is in its promo window tomorrow.';
  const sections = report.releases.map((release) => ({
    heading: `${release.title} (${release.artist})`,
    lines: release.skipped
      ? [release.skipped]
      : [
          ...release.filed.map((post) => `${platformName(post.platform)}: waiting for approval, ${post.localTime}`),
          ...release.leftAsDrafts.map((post) => `${platformName(post.platform)}: left as a draft (${post.reason})`),
          ...release.notWritten.map((post) => `${platformName(post.platform)}: not written (${post.reason})`),
        ],
  }));
  return {
    title: `Content, ${report.yesterday}: yesterday's engagement and tomorrow's drafts`,
    summary: `${engagementLine} ${draftLine}`,
    sections,
    tables: report.engagement.length
      ? [{
          heading: `Engagement of posts published ${report.yesterday}`,
          columns: ['Platform', 'Posts', 'Likes', 'Comments', 'Shares', 'Views'],
          rows: report.engagement.map((row) => [platformName(row.platform), row.posts, ...ENGAGEMENT_FIGURES.map((figure) => row.totals[figure])]),
        }]
      : undefined,
  };
}
