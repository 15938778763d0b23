import { useId } from 'react';
import { useTool } from '../../../api/use-tool.ts';
import { platformLabel, type Platform } from '../platforms.ts';

export interface PublishChoice {
  accountId: string;
  /** The chosen account's display name, for the preview. */
  accountName?: string;
  /** YYYY-MM-DDTHH:MM in the organisation's time zone; empty when not chosen. */
  localTime: string;
}

/** Where and when: the connected account (list_social_accounts) and the time in the organisation's zone. */
export function PublishFields({ platform, timeZone, value, onChange }: { platform: Platform; timeZone: string; value: PublishChoice; onChange(value: PublishChoice): void }) {
  const accounts = useTool('list_social_accounts', { platform });
  const ids = { account: useId(), time: useId() };
  const options = accounts.state === 'ready' ? accounts.data.accounts : [];
  return (
    <div className="generator-row">
      <label className="field" htmlFor={ids.account}>
        {platformLabel(platform)} account
        <select id={ids.account} value={value.accountId} onChange={(event) => onChange({ ...value, accountId: event.target.value, accountName: options.find((account) => account.social_account_id === event.target.value)?.display_name })}>
          <option value="">{accounts.state === 'loading' ? 'Loading accounts…' : options.length ? 'Choose an account' : 'No account connected'}</option>
          {options.map((account) => (
            <option key={account.social_account_id} value={account.social_account_id} disabled={account.status !== 'connected'}>
              {account.display_name}{account.status === 'connected' ? '' : ` (${account.status}: reconnect it)`}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={ids.time}>
        Publish at ({timeZone})
        <input id={ids.time} type="datetime-local" value={value.localTime} onChange={(event) => onChange({ ...value, localTime: event.target.value })} />
      </label>
    </div>
  );
}
