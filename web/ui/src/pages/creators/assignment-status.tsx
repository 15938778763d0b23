import { enumLabel } from './creator-parts.tsx';

/** The assignment statuses in the order work moves through them (the board's columns), as the tools write them. */
export const ASSIGNMENT_STATUSES = ['INVITED', 'ACCEPTED', 'CONTENT_SUBMITTED', 'CONTENT_APPROVED', 'PUBLISHED', 'PAID', 'DECLINED'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

const TONES: Record<AssignmentStatus, string> = {
  INVITED: '',
  ACCEPTED: 'badge-paused',
  DECLINED: 'badge-rejected',
  CONTENT_SUBMITTED: 'badge-pending',
  CONTENT_APPROVED: 'badge-approved',
  PUBLISHED: 'badge-active',
  PAID: 'badge-executed',
};

export function assignmentStatusLabel(status: string): string {
  return enumLabel(status);
}

export function AssignmentStatusBadge({ status }: { status: string }) {
  return <span className={`badge ${TONES[status as AssignmentStatus] ?? ''}`}>{assignmentStatusLabel(status)}</span>;
}
