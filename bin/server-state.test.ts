import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { webUiUrl } from './runtime.ts';
import { readRunningServer, recordRunningServer } from './server-state.ts';

describe('where approval links point', () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'crescendo-state-'));
    folders.push(dir);
    return dir;
  };
  afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('at the server running on the data folder, on its real port, not a guessed one', () => {
    const dataDir = folder();
    const config = loadConfig({ CRESCENDO_DATA_DIR: dataDir, PORT: '3000' });
    expect(webUiUrl(config)).toBeNull();
    const forget = recordRunningServer(dataDir, 'http://localhost:4123');
    expect(webUiUrl(config)).toBe('http://localhost:4123');
    forget();
    expect(webUiUrl(config)).toBeNull();
  });

  it('never at a server that is gone, and always at the configured public URL', () => {
    const dataDir = folder();
    writeFileSync(join(dataDir, 'server.json'), JSON.stringify({ pid: 2 ** 22 + 12345, url: 'http://localhost:9999', startedAt: '2026-12-01T00:00:00Z' }));
    expect(readRunningServer(dataDir)).toBeNull();
    const configured = loadConfig({ CRESCENDO_DATA_DIR: dataDir, CRESCENDO_PUBLIC_URL: 'https://crescendo.example.com/' });
    expect(webUiUrl(configured)).toBe('https://crescendo.example.com');
  });
});
