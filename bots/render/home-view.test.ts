import { describe, expect, it } from 'vitest';
import { homeView } from './home-view.ts';

describe('the App Home tab', () => {
  it('says when the requests could not be listed instead of "nothing is waiting"', () => {
    const failed = JSON.stringify(homeView({ decidable: [], moreWaiting: false, approvalsError: 'The database is unavailable.', digestHeadline: 'x', webUrl: null }).blocks);
    expect(failed).toContain('could not be listed right now: The database is unavailable.');
    expect(failed).not.toContain('Nothing is waiting');
    expect(JSON.stringify(homeView({ decidable: [], moreWaiting: false, digestHeadline: 'x', webUrl: null }).blocks)).toContain('Nothing is waiting for your decision.');
  });
});
