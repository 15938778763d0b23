import type { RespondFn, SlashCommand } from '@slack/bolt';
import { todayIn, zonedInstant } from '../../tools/common/format.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import { escapeMrkdwn } from '../render/slack-limits.ts';
import type { SlackContext } from '../slack-context.ts';

export const TASK_USAGE = 'Write the task after `task`, optionally with when it is due: `/crescendo task Send Acme the tour proposal due friday` (due today, tomorrow, in 3 days, a weekday, or YYYY-MM-DD).';

/** Tasks made from Slack fall due at the end of the working day in the organisation's time zone. */
const DUE_HOUR = 17;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface TaskWords {
  title: string;
  /** The local calendar day it is due (YYYY-MM-DD), when the words name one. */
  dueDay: string | null;
  /** A YYYY-MM-DD after "due" that is no calendar day (2027-02-30): the task is not made. */
  notADay?: string;
}

/**
 * Splits "Send the proposal due tomorrow" into its title and due day: a trailing "due ..." (today,
 * tomorrow, in N days, a weekday: the next one after today, or YYYY-MM-DD), relative to `today`.
 * Anything else stays in the title, so nothing the person wrote is lost.
 */
export function parseTaskWords(text: string, today: Date): TaskWords {
  const match = /^(.*?)\s+due\s+(today|tomorrow|in\s+(\d{1,3})\s+days?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4}-\d{2}-\d{2})\s*$/i.exec(text.trim());
  if (!match || !match[1]!.trim()) return { title: text.trim(), dueDay: null };
  const when = match[2]!.toLowerCase();
  const plus = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  let dueDay: string;
  if (when === 'today') dueDay = plus(0);
  else if (when === 'tomorrow') dueDay = plus(1);
  else if (match[3]) dueDay = plus(Number(match[3]));
  else if (WEEKDAYS.includes(when)) dueDay = plus(((WEEKDAYS.indexOf(when) - today.getUTCDay() + 7) % 7) || 7);
  else if (isCalendarDay(when)) dueDay = when;
  else return { title: text.trim(), dueDay: null, notADay: when };
  return { title: match[1]!.trim(), dueDay };
}

/** 2027-02-28 is; 2027-02-30 and 2027-13-01 are not (Date would roll the first over to March). */
function isCalendarDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** The instant a task made from Slack falls due: 17:00 on the wall clock of the organisation's zone that day, daylight saving or not. */
export function slackTaskDueAt(dueDay: string, timeZone: string): Date {
  return zonedInstant(Date.parse(`${dueDay}T${String(DUE_HOUR).padStart(2, '0')}:00:00Z`), timeZone);
}

/** `/crescendo task TITLE [due WHEN]`: a task for the person asking, through create_task (so it is audited and on the timeline). */
export async function createTaskFromSlack(ctx: SlackContext, command: SlashCommand, principal: Principal, respond: RespondFn): Promise<void> {
  const text = command.text.trim().replace(/^task\b/i, '').trim();
  if (!text) return void (await respond({ response_type: 'ephemeral', text: TASK_USAGE }));
  const organization = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: principal.orgId }, select: { timeZone: true } });
  const { title, dueDay, notADay } = parseTaskWords(text, todayIn(organization.timeZone, new Date()));
  if (notADay) return void (await respond({ response_type: 'ephemeral', text: `${notADay} is not a date, so no task was created. ${TASK_USAGE}` }));
  const dueAt = dueDay ? slackTaskDueAt(dueDay, organization.timeZone) : null;
  const result = await ctx.runner.call('create_task', { title, assignee: 'me', ...(dueAt ? { due_at: dueAt.toISOString() } : {}) }, principal);
  if (!result.ok) return void (await respond({ response_type: 'ephemeral', text: `Could not create the task: ${result.error.message}` }));
  const due = dueDay ? ` due ${dueDay} at ${DUE_HOUR}:00 (${organization.timeZone})` : '';
  await respond({ response_type: 'ephemeral', text: `Task created for you: *${escapeMrkdwn(title)}*${due}.` });
}
