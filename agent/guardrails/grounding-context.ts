import type { ModelMessage } from 'ai';
import { toolOutputValue } from './data-envelope.ts';

/**
 * What else the model saw this turn that an answer's figures may come from: the thread's summary,
 * earlier questions, tool inputs and results still in the history, and the instructions (the
 * glossary's constants). Earlier answers are not included: a figure is only as good as its source.
 */
export function groundingContext(history: readonly ModelMessage[], summary: string | null, glossary: string): unknown[] {
  const context: unknown[] = [glossary];
  if (summary) context.push(summary);
  for (const message of history) {
    if (message.role === 'user') context.push(typeof message.content === 'string' ? message.content : message.content.map((part) => (part.type === 'text' ? part.text : '')));
    if (message.role === 'tool' || message.role === 'assistant') {
      if (typeof message.content === 'string') continue;
      for (const part of message.content) {
        if (part.type === 'tool-result') context.push(toolOutputValue(part.output));
        if (part.type === 'tool-call') context.push(part.input);
      }
    }
  }
  return context;
}
