/** The platforms Crescendo writes for, in the order the issue names them. */
export const PLATFORMS = ['instagram', 'tiktok', 'facebook', 'x', 'pinterest', 'youtube', 'snapchat'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** How a post approaches its subject. */
export const POST_STYLES = ['lifestyle', 'promotional', 'educational', 'ugc'] as const;
export type PostStyle = (typeof POST_STYLES)[number];

/** Platform names as a person reads them in messages ("over Instagram's 30"). */
export const PLATFORM_LABELS: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  facebook: 'Facebook',
  x: 'X',
  pinterest: 'Pinterest',
  youtube: 'YouTube',
  snapchat: 'Snapchat',
};

/** What each style asks of the writer, for the prompt. */
export const STYLE_GUIDANCE: Record<PostStyle, string> = {
  lifestyle: 'Lifestyle: show the release in everyday moments and the feeling around it; the sell is implicit.',
  promotional: 'Promotional: lead with the release and a clear action (listen, pre-save, buy, get tickets) and its date.',
  educational: 'Educational: tell something worth knowing (how it was made, the story behind it, a detail fans miss).',
  ugc: 'UGC: sound like a fan or the artist filming on a phone, first person and unpolished; invite others to join in.',
};
