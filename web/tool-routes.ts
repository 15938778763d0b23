import { Router, type Response } from 'express';
import { ERROR_SURFACE_MAP } from '../tools/registry/errors.ts';
import { publishTool } from '../tools/registry/published-tool.ts';
import type { Principal, ToolResult, ToolRunner } from '../tools/registry/runner.ts';
import type { ApprovalView } from '../tools/approvals/approval-view.ts';
import { awaitApprovalOutcome } from './approval-outcome.ts';
import type { AuthenticatedLocals } from './auth.ts';

function principalOf(response: Response): Principal {
  return (response.locals as AuthenticatedLocals).principal;
}

function send(response: Response, result: ToolResult): void {
  if (result.ok) {
    response.json(result.output);
    return;
  }
  response.status(ERROR_SURFACE_MAP[result.error.code].httpStatus).json({ error: result.error });
}

/** The tool API: generated from the registry, so every tool is reachable and none is re-declared. */
export function toolRoutes(runner: ToolRunner) {
  const router = Router();

  router.get('/tools', (_request, response) => {
    const { role, surface } = principalOf(response);
    const tools = runner.catalogue.list({ role, surface }).map(publishTool);
    response.json({
      tools: tools.map((tool) => ({
        name: tool.name,
        title: tool.title,
        description: tool.description,
        area: tool.area,
        access: tool.access,
        read_only: tool.annotations.readOnlyHint,
        input_schema: tool.inputSchema,
        output_schema: tool.outputSchema,
      })),
    });
  });

  router.post('/tools/:name', async (request, response) => {
    send(response, await runner.call(request.params.name, request.body ?? {}, principalOf(response)));
  });

  router.get('/approvals', async (request, response) => {
    const status = typeof request.query.status === 'string' ? request.query.status : undefined;
    send(response, await runner.call('list_approvals', status ? { status } : {}, principalOf(response)));
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(`/approvals/:id/${decision}`, async (request, response) => {
      const comment = typeof request.body?.comment === 'string' ? request.body.comment : undefined;
      const principal = principalOf(response);
      const result = await runner.call('decide_approval', { approval_id: request.params.id, decision, comment }, principal);
      // An approval answers with the outcome of the action it let run, as `crescendo approvals approve` prints it.
      if (result.ok && decision === 'approve') return send(response, { ok: true, output: await awaitApprovalOutcome(runner, principal, result.output as ApprovalView) });
      send(response, result);
    });
  }

  return router;
}
