import type { ReactNode } from 'react';
import { Link, useLocation } from '../../router.tsx';
import { chatHref } from './page-context.ts';

/**
 * A button-styled link from a record's page to the chat, which then asks about this page: "how is
 * this campaign doing?" means the campaign shown here. `about` is the record's name, for the chat to show.
 */
export function AskAboutLink({ about, children }: { about: string; children: ReactNode }) {
  const { path, query } = useLocation();
  const search = query.toString();
  return <Link className="button" href={chatHref(`${path}${search ? `?${search}` : ''}`, about)}>{children}</Link>;
}
