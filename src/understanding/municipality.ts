// The registrant's municipality (official CBS name valid on the message date), from what the
// sender says they are: "Gemeente X" in signature or text, a role with it ("raadslid D66
// Zeist", "griffier gemeente Texel"), a display name ("Griffie De Bilt"), else the mail
// domain. A city in a postal address or a province ("Provincie Utrecht") is not one.
import type { InboundMail } from './types.js';
import { flatMapOf } from './arrays.js';
import { findMunicipalities, municipalityByDomain, type MunicipalityRecord } from './places.js';
import { fold, tokenize } from './text.js';

export interface MunicipalityFinding {
  name: string | null;
  evidence: string | null;
}

const LABEL = new Set(['gemeente', 'gem', 'griffie', 'gemeenteraad', 'raad', 'college', 'namens', 'vanuit', 'fractie', 'municipality', 'council']);
const ROLE = new Set([
  'burgemeester', 'wethouder', 'raadslid', 'raadsleden', 'gemeenteraadslid', 'gemeenteraadsleden', 'griffier', 'raadsgriffier', 'gemeentesecretaris', 'secretaris',
  'fractievoorzitter', 'commissielid', 'burgerlid', 'steunfractielid', 'raadsadviseur', 'griffiemedewerker', 'councillor', 'mayor', 'alderman',
]);
// Between a label or role and the name: "gemeente", "van", party names, "c.a.".
const FILLER = new Set(['gemeente', 'gem', 'van', 'de', 'het', 'voor', 'te', 'in', 'of', 'the', 'namens', 'griffie',
  'vvd', 'cda', 'd66', 'pvda', 'sp', 'gl', 'groenlinks', 'christenunie', 'cu', 'sgp', 'pvv', '50plus', 'pvdd', 'denk', 'ja21',
  'fvd', 'lokaal', 'leefbaar', 'gemeentebelangen', 'dorpsbelangen', 'fractie', 'partij', 'onafhankelijk', 'lijst', 'fnp',
  'belang', 'belangen', 'burgerbelangen', 'inwonersbelang', 'gemeentebelang', 'onafhankelijke', 'progressief', 'groen', 'liberaal', 'sociaal',
  'christen', 'democraten', 'volkspartij', 'burgers', 'inwoners', 'samen', 'sterk', 'actief', 'open', 'echt', 'nieuw', 'beter', 'voor', 'ons']);
const NOT_MUNICIPAL = /\b(provincie|province|waterschap|hoogheemraadschap|ministerie|rijksoverheid|universiteit|hogeschool)\b/;

interface Hit {
  record: MunicipalityRecord;
  weight: number;
  where: string;
}

function hitsInLine(line: string, isoDate: string, where: string, bonus: number): Hit[] {
  const folded = fold(line);
  const tokens = tokenize(folded);
  const out: Hit[] = [];
  for (const m of findMunicipalities(tokens, isoDate)) {
    let k = m.first - 1;
    while (k >= 0 && FILLER.has(tokens[k]!.t) && !LABEL.has(tokens[k]!.t)) k--;
    // An upper-case word right before the name is a party ("Raadslid CU Urk").
    while (k >= 0 && /^[A-Z0-9]{2,6}$/.test(line.slice(tokens[k]!.s, tokens[k]!.e)) && !LABEL.has(tokens[k]!.t) && !ROLE.has(tokens[k]!.t)) k--;
    const word = k >= 0 ? tokens[k]!.t : '';
    if (!LABEL.has(word) && !ROLE.has(word)) continue;
    if (NOT_MUNICIPAL.test(folded.slice(0, tokens[m.first]!.s))) continue;
    out.push({ record: m.record, weight: (word === 'gemeente' || word === 'gem' ? 3 : 2) + bonus, where });
  }
  return out;
}

// Only lines with a label or role word can name the sender's municipality.
// (A group that captures nothing: it is only tested, see withoutCaptures() in matches.ts.)
const CANDIDATE_LINE = new RegExp(`\\b(?:${[...LABEL, ...ROLE].join('|')})\\b`, 'i');

function fromText(text: string, isoDate: string, where: string, bonus: number): Hit[] {
  // A text without any such word (most new texts) is passed over after one test instead of one per line.
  if (!CANDIDATE_LINE.test(text)) return [];
  // (Split no further than the 80 lines read: a long text is not cut up in full.)
  return flatMapOf(text.split('\n', 80).filter((l) => CANDIDATE_LINE.test(l)), (l) => hitsInLine(l, isoDate, where, bonus));
}

/** Which municipality the sender represents, or null when the mail does not say. */
export function findMunicipality(mail: InboundMail, body: string, signature: string, isoDate: string): MunicipalityFinding {
  const hits = [
    ...fromText(signature, isoDate, 'signature', 1),
    ...fromText(body, isoDate, 'text', 0),
    ...hitsInLine(mail.from?.name ?? '', isoDate, 'display name', 0),
  ];
  const address = mail.from?.address ?? '';
  const byDomain = municipalityByDomain(address, isoDate);
  if (hits.length === 0) {
    // A province or ministry signature with a municipal-looking domain is still not a municipality.
    if (byDomain && !NOT_MUNICIPAL.test(fold(signature))) return { name: byDomain.name, evidence: `domain ${address.split('@')[1]}` };
    return { name: null, evidence: null };
  }
  const score = new Map<string, { hit: Hit; total: number }>();
  for (const h of hits) {
    const cur = score.get(h.record.code);
    score.set(h.record.code, { hit: cur?.hit ?? h, total: (cur?.total ?? 0) + h.weight + (byDomain?.code === h.record.code ? 2 : 0) });
  }
  const best = [...score.values()].sort((a, b) => b.total - a.total)[0]!;
  return { name: best.hit.record.name, evidence: `${best.hit.where}: ${best.hit.record.name}` };
}
