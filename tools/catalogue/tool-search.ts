import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import type { AnyTool } from '../registry/define-tool.ts';

/** Words that say nothing about which tool is meant. */
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from get give how i in is it me my of on or our show the their them there this to us we what when which who why will with you your please tell all any'.split(' '),
);

/** Words marketers use for the same thing; each maps to the words the tools' texts use. */
const SYNONYMS: Record<string, string[]> = {
  roas: ['return', 'spend'],
  return: ['roas', 'roi'],
  cheap: ['cost', 'price'],
  cheapest: ['cost', 'price'],
  expensive: ['cost', 'price'],
  owed: ['remaining', 'goal'],
  earn: ['earnings', 'revenue'],
  money: ['revenue', 'spend'],
  book: ['placement', 'commit'],
  curator: ['vendor'],
  curators: ['vendor'],
  promoter: ['vendor'],
  credit: ['attribution'],
  approve: ['approval'],
  waiting: ['pending', 'approval'],
  csv: ['export', 'import'],
  spreadsheet: ['export', 'csv'],
  yesterday: ['day', 'digest'],
  trend: ['timeline'],
};

function stem(term: string): string {
  return stemmer(term);
}

function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** A searchable term, or null for stop words and single characters. */
function processTerm(term: string): string | null {
  return term.length > 1 && !STOP_WORDS.has(term) ? stem(term) : null;
}

function expandQuery(query: string): string {
  const words = tokenize(query);
  const expanded = words.flatMap((word) => [word, ...(SYNONYMS[word] ?? [])]);
  return expanded.join(' ');
}

export interface ToolMatch {
  tool: AnyTool;
  score: number;
}

/**
 * Ranked search over tools by what they do: BM25 over the tool's name, title, keywords,
 * description and input field names, with stemming, domain synonyms and prefix matching, so
 * "which vendor gives the cheapest real streams" finds vendor_performance by its description.
 */
export class ToolSearch {
  private readonly index: MiniSearch;
  private readonly byName: Map<string, AnyTool>;

  constructor(tools: readonly AnyTool[]) {
    this.byName = new Map(tools.map((tool) => [tool.name, tool]));
    this.index = new MiniSearch({
      idField: 'name',
      fields: ['words', 'title', 'keywords', 'description', 'fields'],
      tokenize,
      processTerm,
      searchOptions: { boost: { words: 3, title: 3, keywords: 2.5, description: 1, fields: 0.5 }, prefix: (term) => term.length > 4, fuzzy: (term) => (term.length > 6 ? 0.15 : false), combineWith: 'OR' },
    });
    this.index.addAll(tools.map(toDocument));
  }

  search(query: string, accept: (tool: AnyTool) => boolean, limit: number): ToolMatch[] {
    const results = this.index.search(expandQuery(query));
    const matches: ToolMatch[] = [];
    for (const result of results) {
      const tool = this.byName.get(String(result.id));
      if (tool && accept(tool)) matches.push({ tool, score: result.score });
      if (matches.length >= limit) break;
    }
    return matches;
  }
}

function toDocument(tool: AnyTool) {
  const fields = Object.keys(tool.input.shape ?? {}).join(' ');
  return {
    name: tool.name,
    words: tool.name.replace(/_/g, ' '),
    title: tool.title,
    keywords: (tool.keywords ?? []).join(' '),
    description: tool.description,
    fields: fields.replace(/_/g, ' '),
  };
}

const searches = new WeakMap<object, ToolSearch>();

/** One index per catalogue, built on first use. */
export function toolSearchFor(catalogue: { list(): AnyTool[] }): ToolSearch {
  let search = searches.get(catalogue);
  if (!search) {
    search = new ToolSearch(catalogue.list());
    searches.set(catalogue, search);
  }
  return search;
}
