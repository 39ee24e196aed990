// A second reading of the same words, learnt rather than written: a logistic model over the
// words and word pairs of the new text and the subject, trained on every labelled message (the
// development corpus and the sets written by other hands; `scripts/second-reader.ts`). It can
// only withhold: a confirmation the rules propose is sent only when this reader, too, finds the
// words those of a firm signup. The rules fail on a doubt worded in a way no rule foresaw; the
// words of doubt, conditions and questions are what this reader weighs, whatever their order.
import type { Catalogue } from '../catalogue/catalogue.js';
import { WEIGHTS, BIAS } from './second-reader-weights.js';
import { fold } from './text.js';

/**
 * Below this the words do not read as a firm signup and a proposed confirmation goes to a
 * person. Chosen by leave-one-set-out measurement (`scripts/second-reader.ts cv`): on the
 * earlier code's first readings of 36 unseen sets it withheld 17 of 24 wrong confirmations and
 * cost 10 right ones in 7,151 messages; above it no more were withheld.
 */
export const THRESHOLD = 0.3;

const placesOf = new WeakMap<Catalogue, ReadonlySet<string>>();
/** The session cities, folded: the words the second reader reads as "<stad>". */
export function sessionPlaces(catalogue: Catalogue): ReadonlySet<string> {
  let places = placesOf.get(catalogue);
  if (!places) placesOf.set(catalogue, (places = new Set(catalogue.sessions.map((s) => fold(s.city)))));
  return places;
}

/**
 * The words of a text as the second reader sees them: folded words, numbers as "#". Not the
 * question mark: a practical question rides along with a signup (corpus README); what a
 * question asks is in its words.
 */
function words(folded: string, places: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(/[a-z\u00c0-\u024f]+|\d+/g)) {
    const w = m[0];
    out.push(w.charCodeAt(0) <= 57 ? '#' : places.has(w) ? '<stad>' : w);
  }
  return out;
}

/**
 * The features of a mail: the new text's words and pairs of adjacent words, and the subject's
 * words (prefixed "s:"). Session cities become "<stad>", so that no city leans a verdict.
 * Both texts folded (`fold()`).
 */
export function wordFeatures(subjectFolded: string, bodyFolded: string, places: ReadonlySet<string>): string[] {
  const body = words(bodyFolded, places);
  const seen = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    seen.add(body[i]!);
    if (i + 1 < body.length) seen.add(`${body[i]} ${body[i + 1]}`);
  }
  for (const w of words(subjectFolded, places)) seen.add(`s:${w}`);
  return [...seen];
}

export interface SecondReading {
  /** How likely the words are those of a firm signup (0..1). */
  p: number;
  /** The words that weigh most against it, strongest first. */
  against: string[];
}

/** Weigh the features with the trained model. */
export function secondReading(features: readonly string[], weights: Readonly<Record<string, number>> = WEIGHTS, bias = BIAS): SecondReading {
  let z = bias;
  const contrary: [string, number][] = [];
  for (const f of features) {
    const w = weights[f];
    if (w === undefined) continue;
    z += w;
    if (w < -0.25) contrary.push([f, w]);
  }
  contrary.sort((a, b) => a[1] - b[1]);
  return { p: 1 / (1 + Math.exp(-z)), against: contrary.slice(0, 4).map(([f]) => f) };
}
