import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { fixtureCreateClient } from '../testing/fixture-tools.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import type { ToolRunner } from './runner.ts';

/** Issue 15 #3: text the database cannot store is refused before a tool runs, and a read is never answered unaudited. */
describe('registry: unstorable text and the audit of reads', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('storable', { tools: [fixtureCreateClient] }));
  });
  afterAll(async () => { await database.close(); });

  const auditRows = () => database.prisma.toolCall.findMany({ where: { organizationId: org.id }, orderBy: { id: 'asc' } });

  it.each([
    ['a lone surrogate', '\ud800'],
    ['a lone low surrogate', 'x\udc00y'],
    ['a NUL character', 'a\u0000b'],
  ])('refuses %s in a read tool input with invalid_input naming the field, and audits the refusal', async (_what, search) => {
    const before = (await auditRows()).length;
    const result = await runner.call('list_clients', { search }, org.as('OWNER'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'search' }] } });
    const rows = await auditRows();
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ tool: 'list_clients', outcome: 'ERROR', errorCode: 'invalid_input' });
  });

  it('names nested fields and writes nothing for a write tool', async () => {
    const result = await runner.call('fixture_create_client', { name: 'Fine \ud83d Co', emails: ['ok@example.com'] }, org.as('OWNER'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'name' }] } });
    expect(await database.prisma.client.count({ where: { name: { startsWith: 'Fine' } } })).toBe(0);
  });

  it('names the line of multi-line text such as a file', async () => {
    const content = 'date,artist,track_id,platform,streams\n2026-11-01,A\u0000,t1,spotify,5\n';
    const result = await runner.call('import_streams', { files: [{ name: 'streams.csv', content }] }, org.as('OWNER'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'files[0].content' }] } });
    if (!result.ok) expect(result.error.message).toMatch(/NUL character \(U\+0000\) on line 2/);
  });

  describe('when the audit row cannot be written', () => {
    // A real database fault: a trigger refuses the audit rows of whoami the first `times` times
    // (counted by a sequence, which the refusal's rollback does not undo).
    const refuseAudits = async (times: number) => {
      const statements = [
        'CREATE SEQUENCE IF NOT EXISTS audit_attempts',
        'ALTER SEQUENCE audit_attempts RESTART WITH 1',
        `CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF NEW.tool = 'whoami' AND nextval('audit_attempts') <= ${times} THEN
             RAISE EXCEPTION 'audit storage refused';
           END IF;
           RETURN NEW;
         END $$`,
        'DROP TRIGGER IF EXISTS refuse_audit ON "ToolCall"',
        'CREATE TRIGGER refuse_audit BEFORE INSERT ON "ToolCall" FOR EACH ROW EXECUTE FUNCTION refuse_audit()',
      ];
      for (const statement of statements) await database.prisma.$executeRawUnsafe(statement);
    };

    it('retries once, and answers when the retry is stored', async () => {
      await refuseAudits(1);
      const before = (await auditRows()).length;
      const result = await runner.call('whoami', {}, org.as('OWNER'));
      expect(result.ok).toBe(true);
      expect((await auditRows()).length).toBe(before + 1);
    });

    it('fails the read with a typed error instead of returning unaudited data', async () => {
      await refuseAudits(2);
      const result = await runner.call('whoami', {}, org.as('OWNER'));
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      if (!result.ok) {
        expect(result.error.message).toMatch(/audit/);
        expect(result.error.reference).toMatch(/^[0-9a-f]{8}$/);
        expect(result.error).not.toHaveProperty('output');
      }
    });
  });
});
