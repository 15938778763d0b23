import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'local-credential';

/** Where the CLI presents the credential: the token exchange, and the administrative commands. */
export const LOCAL_TOKEN_PATH = '/local/cli-token';
export const LOCAL_ADMIN_PATH = '/local/admin';

/**
 * A fresh secret for this run of `crescendo start`, readable only by its user (mode 0600): whoever
 * can read the data folder could open the embedded database anyway, so the CLI on this machine
 * proves it with this file. The server accepts it only from loopback; it never travels further.
 * The returned function removes it when the server stops.
 */
export function issueLocalCredential(dataDir: string): { secret: string; forget(): void } {
  const path = join(dataDir, FILE);
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  // writeFileSync keeps an existing file's mode: a file left by an older run must not stay readable.
  chmodSync(path, 0o600);
  return {
    secret,
    forget: () => {
      if (readLocalCredential(dataDir) === secret) rmSync(path, { force: true });
    },
  };
}

/** The running server's secret, or null when there is none (or this user may not read it). */
export function readLocalCredential(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, FILE), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
