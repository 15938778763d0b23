import type { NotificationMessage } from '../notifier.ts';

export interface FiredMilestone {
  kind: 'goal_reached' | 'under_delivery' | 'dropped_from_playlist';
  campaign_id: string;
  campaign_name: string;
  salesperson: string | null;
  placement_id: string | null;
  message: string;
}

const HEADINGS: Record<FiredMilestone['kind'], string> = {
  goal_reached: 'Goal reached',
  under_delivery: 'Under the delivery line, three scrapes in a row',
  dropped_from_playlist: 'Dropped from a vendor playlist',
};

/** Milestones as one notification, grouped by kind in a fixed order. */
export function milestonesMessage(fired: readonly FiredMilestone[], asOf: string): NotificationMessage {
  const sections = (Object.keys(HEADINGS) as Array<FiredMilestone['kind']>)
    .map((kind) => ({ heading: HEADINGS[kind], lines: fired.filter((milestone) => milestone.kind === kind).map((milestone) => milestone.message) }))
    .filter((section) => section.lines.length > 0);
  const counts = sections.map((section) => `${section.lines.length} ${section.heading.toLowerCase()}`);
  return {
    title: `Campaign milestones, ${asOf}`,
    summary: `${fired.length} milestone${fired.length === 1 ? '' : 's'}: ${counts.join('; ')}.`,
    sections,
  };
}

const EMAIL = /[^\s<>@,;]+@[^\s<>@,;]+\.[^\s<>@,;]+/;

/** Milestones by the email in their campaign's salesperson field; a salesperson entered without one cannot be reached yet. */
export function bySalespersonEmail(fired: readonly FiredMilestone[]): Map<string, FiredMilestone[]> {
  const groups = new Map<string, FiredMilestone[]>();
  for (const milestone of fired) {
    const email = milestone.salesperson ? EMAIL.exec(milestone.salesperson)?.[0]?.toLowerCase() : undefined;
    if (email) groups.set(email, [...(groups.get(email) ?? []), milestone]);
  }
  return groups;
}
