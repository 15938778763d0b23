import type { ApprovalView } from '../tools/approvals/approval-view.ts';

/**
 * A request as `crescendo approvals list` prints it: the same content as the web card and the
 * Slack message (what happens, amount, what for, the evidence, who asked through what, the
 * outcome in words), as indented lines under its id and status.
 */
export function approvalText(row: ApprovalView): string {
  const summary = row.summary;
  const lines = [`${row.id}  ${row.status.padEnd(9)}  ${summary?.headline ?? row.preview}`];
  if (summary) {
    const purpose = [summary.campaign ? `For ${summary.campaign.name}` : null, ...summary.songs.map((song) => `“${song.title}” by ${song.artist}`)].filter(Boolean).join(' · ');
    if (purpose) lines.push(purpose);
    if (summary.evidence.length) lines.push(summary.evidence.map((fact) => `${fact.label}: ${fact.value}`).join(' · '));
    for (const warning of summary.warnings) lines.push(`Warning: ${warning}`);
  }
  if (row.change_note) lines.push(row.change_note);
  const who = row.requested_by_name && row.requested_by ? `${row.requested_by_name} (${row.requested_by})` : (row.requested_by ?? 'someone no longer in the organisation');
  lines.push(`Requested by ${row.requested_by_you ? 'you' : who} via ${row.requested_via_label} · ${row.requested_at}`);
  if (row.status === 'pending' && row.requested_by_you) lines.push('You asked for this: another approver must decide.');
  if (row.outcome) lines.push(`Done: ${row.outcome}`);
  if (row.error) lines.push(`Failed: ${row.error}`);
  if (row.comment) lines.push(`Comment: “${row.comment}”`);
  return `${lines[0]}\n${lines.slice(1).map((line) => `    ${line}`).join('\n')}\n`;
}
