import { describe, expect, it } from 'vitest';
import { mountSignInForm, SESSION_ENDED } from './sign-in-form.ts';

function mount(message?: string) {
  const container = document.createElement('div');
  document.body.append(container);
  const signedIn: string[] = [];
  const remove = mountSignInForm(container, { message, onSignedIn: (token) => signedIn.push(token) });
  return { container, signedIn, remove, input: container.querySelector('input')!, alert: container.querySelector('[role="alert"]') as HTMLElement };
}

describe('the plain-DOM sign-in form', () => {
  it('labels its field and focuses it, with no error shown', () => {
    const { container, input, alert } = mount();
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('API token');
    expect(input.type).toBe('password');
    expect(document.activeElement).toBe(input);
    expect(alert.hidden).toBe(true);
  });

  it('asks for a token instead of sending an empty one', () => {
    const { container, input, alert, signedIn } = mount();
    container.querySelector('form')!.requestSubmit();
    expect(alert.hidden).toBe(false);
    expect(alert.textContent).toMatch(/^Enter an API token/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(signedIn).toEqual([]);
  });

  it('says why when a session ended, and goes away when removed', () => {
    const { container, alert, remove } = mount(SESSION_ENDED);
    expect(alert.textContent).toBe(SESSION_ENDED);
    remove();
    expect(container.querySelector('form')).toBeNull();
  });
});
