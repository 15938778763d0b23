import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ChatTranscript } from './chat-transcript.tsx';

const HINT = 'The agent has no language model configured, so it cannot answer. Set ANTHROPIC_API_KEY (and optionally CRESCENDO_MODEL).';

describe('chat without a language model', () => {
  it('speaks to the person, and keeps the configuration for an admin behind "For admins"', async () => {
    render(<ChatTranscript turns={[
      { id: 't1', role: 'user', text: 'How are my campaigns doing?', tools: [], status: 'done' },
      { id: 't2', role: 'assistant', text: '', tools: [], status: 'failed', setupHint: HINT },
    ]} />);
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toMatch(/^The assistant isn't set up yet; ask your admin\./);
    const details = notice.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(screen.getByText('For admins')).toBeTruthy();
    await userEvent.click(screen.getByText('For admins'));
    expect(details.open).toBe(true);
    expect(details.textContent).toContain('ANTHROPIC_API_KEY');
  });
});
