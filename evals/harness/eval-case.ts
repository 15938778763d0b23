import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { AgentReply, AgentStatus } from '../../agent/agent-events.ts';
import type { AgentContext } from '../../agent/context/question-context.ts';
import type { AgentLimits } from '../../agent/create-agent.ts';
import type { Role } from '../../tools/registry/roles.ts';

/** The ground truth a case checks against: tools run directly as the organisation's owner. */
export interface Truth {
  call<T = any>(tool: string, input?: Record<string, unknown>): Promise<T>;
}

/** Values a case's setup prepared (names and ids to ask about). */
export type CaseVars = Record<string, string>;

/** A figure or name the answer must state. Numbers match within `tolerance` (relative), or as a percentage. */
export interface Fact {
  label: string;
  value: (truth: Truth, vars: CaseVars) => Promise<number | string>;
  tolerance?: number;
}

/** The latest output of each tool in the scripted run. */
export interface ScriptResults {
  out<T = any>(tool: string): T;
}

export interface ToolCallSpec {
  tool: string;
  input?: Record<string, unknown>;
}

/**
 * How the scripted model plays the case when no model is configured: one model step per entry
 * (its tool calls), then an answer composed from the results. It checks tools and harness only.
 */
export interface CaseScript {
  steps: Array<ToolCallSpec | ToolCallSpec[] | ((results: ScriptResults, vars: CaseVars) => ToolCallSpec | ToolCallSpec[])>;
  answer: (results: ScriptResults, vars: CaseVars) => string;
}

/** The tool areas cases exercise; `guardrails` and `conversation` are behaviour cases. */
export const EVAL_AREAS = [
  'access', 'approvals', 'campaigns', 'vendors', 'clients', 'playlists', 'allocation', 'milestones',
  'attribution', 'imports', 'usage', 'alerts', 'content', 'reports', 'guardrails', 'conversation', 'crm', 'creators', 'ads',
] as const;
export type EvalArea = (typeof EVAL_AREAS)[number];

/** An earlier question in the same thread, asked (and its changes confirmed) before the scored one. */
export interface EarlierTurn {
  question: string | ((vars: CaseVars) => string);
  script: CaseScript;
}

/** A question and answer written into the thread as history (no model call), e.g. to make a thread long. */
export interface SeededTurn {
  user: string;
  assistant: string;
}

/** What a case's own check may read after the turn: the database and the thread it ran in. */
export interface VerifyContext {
  prisma: PrismaClient;
  orgId: string;
  threadId: string | null;
  reply: AgentReply;
  truth: Truth;
  vars: CaseVars;
}

export interface EvalCase {
  id: string;
  area: EvalArea;
  /** Default MANAGER. */
  role?: Role;
  /** The surface the person asks from (default WEB). SLACK answers must suit Slack (no markdown tables or headings). */
  surface?: 'WEB' | 'SLACK' | 'CLI';
  /** Where the question comes from (the page and record on screen, the Slack thread), as a surface would say. */
  context?: (vars: CaseVars) => AgentContext;
  /** Agent limits for this case (a small step limit, a small history budget to force a summary). */
  limits?: Partial<AgentLimits>;
  /** History written into the thread before the earlier turns and the question. */
  seedHistory?: (vars: CaseVars) => SeededTurn[];
  /** Questions asked first in the same thread; the scored question may depend on them ("and the one before?"). */
  before?: EarlierTurn[];
  question: string | ((vars: CaseVars) => string);
  /** Prepares data (as the owner) and returns names or ids the question uses. */
  setup?: (truth: Truth, tools: SetupTools) => Promise<CaseVars>;
  expect: {
    /** Tools the answer needs (all must be called). */
    tools: string[];
    /** The expected tools must first be called in this order. */
    ordered?: boolean;
    /** Tools that are reasonable extra calls (do not lower precision). */
    allowed?: string[];
    facts?: Fact[];
    /**
     * Tools that must not be called at all (actions it must not take). Calling one fails the case.
     * On top of these, decide_approval is always forbidden, and a case whose expected and allowed
     * tools are all reads (a question) forbids every write and approval tool.
     */
    mustNotCall?: string[];
    /** The turn's status may be one of these (default: answered). */
    statuses?: AgentStatus[];
    /** Checks of the database or thread after the turn; each returned string is a failure. */
    verify?: (context: VerifyContext) => Promise<string[]>;
    /** The answer must be a clarifying question and change nothing. */
    clarifies?: boolean;
    /** The answer must say "pending approval" with the link, never "done". */
    pendingApproval?: boolean;
    /** Words the answer must contain (case-insensitive), e.g. that the role cannot act. */
    mentions?: RegExp[];
  };
  script: CaseScript;
}

/** Setup helpers that are not tools (raw lookups the tools do not offer). */
export interface SetupTools {
  firstCustomerId(): Promise<string>;
  /** Runs a tool as a member with this role (a second person approving the owner's request). */
  callAs<T = any>(role: Role, tool: string, input?: Record<string, unknown>): Promise<T>;
  /** Waits for queued jobs (an approved action's execution) to finish. */
  settle(): Promise<void>;
}
