import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { readMigrations } from '../db/migrate/migrate.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { LOCAL_ADMIN_PATH } from './local-credential.ts';
import { localAdminRoute } from './local-admin-route.ts';

describe('the local administrative commands on a running server', () => {
  let database: Database;
  let server: Server;
  let url: string;
  const secret = 'a-local-secret-of-enough-length-0123456789';
  const post = (path: string, body: unknown, credential = secret) =>
    fetch(`${url}${LOCAL_ADMIN_PATH}/${path}`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    database = await openTestDatabase();
    server = express().use(localAdminRoute(database, secret, silentLogger)).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await database.close();
  });

  it('takes the local credential and nothing else: an API token or a wrong secret changes nothing', async () => {
    const wrong = await post('org/create', { name: 'Intruder', slug: 'intruder' }, 'cre_an-api-token-is-not-the-secret');
    expect(wrong.status).toBe(401);
    expect(await database.prisma.organization.count({ where: { slug: 'intruder' } })).toBe(0);
  });

  it('runs the command with its flags and answers what the CLI prints', async () => {
    const created = await post('org/create', { name: 'Local Label', slug: 'local-label', currency: 'gbp' });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ output: { slug: 'local-label', base_currency: 'GBP', owner: 'owner@local-label.local' } });
    const token = await post('token/create', { org: 'local-label', role: 'viewer', user: 'viv@local.example' });
    expect(await token.json()).toMatchObject({ output: { organization: 'local-label', user: 'viv@local.example', role: 'VIEWER' }, notice: 'Store this token now: it cannot be shown again.' });
  });

  it('answers bad flags as the CLI words them, and unknown commands as not found', async () => {
    const missing = await post('token/create', { org: 'local-label', user: 'viv@local.example' });
    expect([missing.status, await missing.json()]).toEqual([400, { error: { code: 'invalid_input', message: '--role is required' } }]);
    const notText = await post('org/create', { name: 'X', slug: 7 });
    expect(await notText.json()).toEqual({ error: { code: 'invalid_input', message: '--slug needs a value' } });
    const unknownFlag = await post('org/create', { name: 'X', slug: 'x', colour: 'red' });
    expect(await unknownFlag.json()).toEqual({ error: { code: 'invalid_input', message: 'unknown flag --colour' } });
    const taken = await post('org/create', { name: 'Local Label', slug: 'local-label' });
    expect([taken.status, await taken.json()]).toEqual([409, { error: { code: 'conflict', message: 'An organisation with slug "local-label" already exists.' } }]);
    for (const path of ['org/delete', 'worker/run', 'constructor/name', 'org/__proto__']) expect((await post(path, {})).status).toBe(404);
  });

  it('db migrate reports the schema the server applied, and refuses to migrate under it', async () => {
    const migrations = readMigrations();
    const latest = migrations.at(-1)!.name;
    const current = await post('db/migrate', {});
    expect(await current.json()).toMatchObject({ output: { applied: [], alreadyApplied: migrations.length, modified: [], latest }, notice: `The running server applied every migration when it started: the schema is current (latest ${latest}).` });

    // As if the files had moved on (a `git pull`) since this server started.
    await database.sql.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [latest]);
    const behind = await post('db/migrate', {});
    expect(behind.status).toBe(409);
    expect(((await behind.json()) as { error: { message: string } }).error.message).toBe(
      `1 migration is newer than the running server's schema (${latest}). Stop \`crescendo start\` (Ctrl-C) and start it again: it applies them before serving (or run \`crescendo db migrate\` while it is stopped).`,
    );
  });
});
