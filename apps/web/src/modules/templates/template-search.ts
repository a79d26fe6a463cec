import type { Template } from '@parley/contracts';
import { fuzzyMatch } from './fuzzy-match.ts';

/** A template found by a picker search, with the matched characters of its name. */
export interface TemplateHit {
  template: Template;
  score: number;
  nameIndices: number[];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Templates matching the query, best first: fuzzy on the name (strongest), fuzzy on a tag name,
 * or the query as a phrase in the text (weakest). An empty query keeps the given order (by name).
 */
export function searchTemplates(templates: readonly Template[], query: string): TemplateHit[] {
  const q = query.trim();
  if (q === '') return templates.map((template) => ({ template, score: 0, nameIndices: [] }));
  const phrase = fold(q);
  const hits: TemplateHit[] = [];
  for (const template of templates) {
    const name = fuzzyMatch(q, template.name);
    const tagScores = template.tags.map(
      (t) => (fuzzyMatch(q, t.name)?.score ?? Number.NEGATIVE_INFINITY) * 0.6,
    );
    const inText = fold(template.text).includes(phrase) ? 4 * phrase.length : Number.NEGATIVE_INFINITY;
    const score = Math.max(name?.score ?? Number.NEGATIVE_INFINITY, ...tagScores, inText);
    if (score === Number.NEGATIVE_INFINITY) continue;
    hits.push({ template, score, nameIndices: name?.indices ?? [] });
  }
  return hits.sort((a, b) => b.score - a.score || a.template.name.localeCompare(b.template.name));
}
