import { generateText, type LanguageModel } from 'ai';

const INSTRUCTIONS =
  'You write the opening of a daily marketing digest for a music label team. From the facts given, write one or two plain sentences ' +
  'saying what matters most today. Use only figures that appear in the facts, exactly as written; add no new numbers, no advice and no greeting.';

/**
 * The digest job's optional prose: the configured model writes the summary sentence from the
 * digest's facts (the figures themselves always come from the daily_digest tool).
 */
export function modelProseWriter(model: LanguageModel): (facts: string) => Promise<string> {
  return async (facts) => {
    const { text } = await generateText({ model, instructions: INSTRUCTIONS, prompt: facts, maxOutputTokens: 200, timeout: 60_000 });
    return text.trim();
  };
}
