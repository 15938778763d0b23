import { useState } from 'react';

/** A record field to split by that no dimension names yet: payload.<field>. */
export function PayloadDimension({ onAdd }: { onAdd(key: string): void }) {
  const [field, setField] = useState('');
  const key = field.trim().replace(/^payload\./, '');
  const valid = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(key);
  const add = () => {
    if (!valid) return;
    onAdd(`payload.${key}`);
    setField('');
  };
  return (
    <div className="payload-dimension">
      <label className="field">
        <span>Record field</span>
        <span className="input-prefix">
          <span aria-hidden="true">payload.</span>
          <input value={field} placeholder="placement" onChange={(event) => setField(event.target.value)}
            onKeyDown={(event) => { if (event.key === 'Enter') { event.preventDefault(); add(); } }} />
        </span>
      </label>
      <button type="button" className="button" onClick={add} disabled={!valid}>Add field</button>
    </div>
  );
}
