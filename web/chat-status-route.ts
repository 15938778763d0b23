import { Router } from 'express';
import type { Agent } from '../agent/create-agent.ts';
import { NO_MODEL_HELP } from '../agent/model/model-config.ts';

/**
 * GET /api/chat: whether the assistant can answer, before anyone types: `{model}` when a model is
 * configured, else `{model: null, help}` with what an administrator must set (`crescendo chat`
 * through a running server says so at once, as it does on its own database).
 */
export function chatStatusRoute(agent: Agent) {
  const router = Router();
  router.get('/chat', (_request, response) => {
    response.json(agent.modelId ? { model: agent.modelId } : { model: null, help: NO_MODEL_HELP });
  });
  return router;
}
