import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useTool } from '../../api/use-tool.ts';
import { useApi } from '../../auth/session.tsx';
import { formatInstant } from '../../components/format.ts';
import { FieldIssues } from './field-issues.tsx';
import { issuesFor } from './draft.ts';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Weekday = (typeof WEEKDAYS)[number];

/** Delivers the saved report on a cadence to a Slack channel and/or emails, as CSV, PDF or inline text. */
export function SchedulePanel({ reportId }: { reportId: string }) {
  const api = useApi();
  const [every, setEvery] = useState<'day' | 'week' | 'month'>('week');
  const [at, setAt] = useState('09:00');
  const [weekday, setWeekday] = useState<Weekday>('monday');
  const [dayOfMonth, setDayOfMonth] = useState(1);
  const [channel, setChannel] = useState('');
  const [emails, setEmails] = useState('');
  const [format, setFormat] = useState<'csv' | 'pdf' | 'inline'>('pdf');
  const [state, setState] = useState<{ busy: boolean; error: ApiError | null; done: string | null }>({ busy: false, error: null, done: null });
  const schedules = useTool('list_report_schedules', { report_id: reportId });
  const submit = async () => {
    setState({ busy: true, error: null, done: null });
    try {
      const schedule = await api.callTool('schedule_report', {
        report_id: reportId,
        cadence: { every, at, ...(every === 'week' ? { weekday } : {}), ...(every === 'month' ? { day_of_month: dayOfMonth } : {}) },
        ...(channel.trim() ? { slack_channel: channel.trim() } : {}),
        ...(emails.trim() ? { emails: emails.split(/[,\s]+/).filter(Boolean) } : {}),
        format,
      });
      const next = schedule.next_run_at;
      setState({ busy: false, error: null, done: `Scheduled ${schedule.cadence}${next ? `; first delivery ${formatInstant(next)}` : ''}.` });
      schedules.reload();
    } catch (failure) {
      setState({ busy: false, error: failure instanceof ApiError ? failure : new ApiError('internal', String(failure), 0), done: null });
    }
  };
  const issues = state.error?.issues ?? [];
  const unschedule = async (scheduleId: string) => {
    try {
      await api.callTool('unschedule_report', { schedule_id: scheduleId });
      setState({ busy: false, error: null, done: 'Unscheduled.' });
    } catch (failure) {
      setState({ busy: false, error: failure instanceof ApiError ? failure : new ApiError('internal', String(failure), 0), done: null });
    }
    schedules.reload();
  };
  return (
    <>
    {schedules.data?.schedules.length ? (
      <ul className="plain-list schedule-list">
        {schedules.data.schedules.map((schedule) => (
          <li key={schedule.schedule_id} className="row-between">
            <span>
              <strong>{schedule.cadence}</strong>, {schedule.format.toUpperCase()} to {[schedule.slack_channel, ...schedule.emails].filter(Boolean).join(', ')}
              {schedule.next_run_at ? <span className="muted small"> · next {formatInstant(schedule.next_run_at)}</span> : null}
            </span>
            <button type="button" className="button button-quiet" onClick={() => void unschedule(schedule.schedule_id)}>Unschedule</button>
          </li>
        ))}
      </ul>
    ) : null}
    <form className="schedule-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <label className="field"><span>Every</span>
        <select value={every} onChange={(event) => setEvery(event.target.value as typeof every)}>
          <option value="day">Day</option><option value="week">Week</option><option value="month">Month</option>
        </select>
      </label>
      {every === 'week' ? (
        <label className="field"><span>On</span>
          <select value={weekday} onChange={(event) => setWeekday(event.target.value as Weekday)}>
            {WEEKDAYS.map((day) => <option key={day} value={day}>{day[0]!.toUpperCase() + day.slice(1)}</option>)}
          </select>
        </label>
      ) : null}
      {every === 'month' ? (
        <label className="field"><span>Day of month</span>
          <input type="number" min={1} max={28} value={dayOfMonth} onChange={(event) => setDayOfMonth(Number(event.target.value))} />
        </label>
      ) : null}
      <label className="field"><span>At</span><input type="time" value={at} onChange={(event) => setAt(event.target.value)} /></label>
      <label className="field"><span>Slack channel</span><input value={channel} placeholder="#marketing" onChange={(event) => setChannel(event.target.value)} />
        <FieldIssues issues={issuesFor(issues, 'slack_channel')} />
      </label>
      <label className="field"><span>Emails</span><input value={emails} placeholder="ana@label.com, team@label.com" onChange={(event) => setEmails(event.target.value)} />
        <FieldIssues issues={issuesFor(issues, 'emails')} />
      </label>
      <label className="field"><span>Format</span>
        <select value={format} onChange={(event) => setFormat(event.target.value as typeof format)}>
          <option value="pdf">PDF</option><option value="csv">CSV</option><option value="inline">In the message</option>
        </select>
      </label>
      <button type="submit" className="button" disabled={state.busy}>{state.busy ? 'Scheduling…' : 'Schedule'}</button>
      <FieldIssues issues={issuesFor(issues, 'cadence')} />
      {state.error && !issues.length ? <p className="field-error" role="alert">{state.error.message}</p> : null}
      {state.done ? <p className="tone-good" role="status">{state.done}</p> : null}
    </form>
    </>
  );
}
