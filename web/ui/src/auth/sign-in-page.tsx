import { useEffect, useRef } from 'react';
import { mountSignInForm, SESSION_ENDED } from './sign-in-form.ts';
import { useSession } from './session.tsx';

/**
 * The sign-in form when a session ends inside the app (signed out, or the token was refused): the
 * same plain-DOM form a first visit gets, so there is one sign-in page.
 */
export function SignInPage() {
  const { signIn, expired } = useSession();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => mountSignInForm(host.current!, { message: expired ? SESSION_ENDED : undefined, onSignedIn: signIn }), [signIn, expired]);
  return <div ref={host} />;
}
