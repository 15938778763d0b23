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

export interface EvalCase {
  id: string;
  /** The tool area it exercises, or `guardrails` for behaviour cases. */
  area: 'access' | 'approvals' | 'campaigns' | 'attribution' | 'guardrails';
  /** Default MANAGER. */
  role?: Role;
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
    /** Tools that must not be called at all (actions it must not take). */
    mustNotCall?: string[];
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
}
