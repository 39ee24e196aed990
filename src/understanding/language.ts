// Dutch or English: which of the two languages' small function words the sender uses more.
import type { Language } from './types.js';

const EN = /\b(the|and|i|i'm|i'd|would|like|to|for|please|my|our|you|your|session|attend|register|thank|thanks|regards|dear|hello|will|be|can|are|on|at|with|this|that)\b/g;
const NL = /\b(de|het|een|en|ik|wij|graag|voor|van|met|aan|op|naar|zijn|u|mij|mijn|niet|wel|sessie|ontwerpsessie|aanmelden|groet|beste|geachte|hierbij|dank|bij|ook|kan|wil)\b/g;

/** 'en' when the text is mostly English, else 'nl'. */
export function detectLanguage(text: string): Language {
  const t = text.slice(0, 800).toLowerCase();
  const en = t.match(EN)?.length ?? 0;
  // Fewer than three English words is Dutch whatever the Dutch count: most mail never needs it.
  if (en < 3) return 'nl';
  const nl = t.match(NL)?.length ?? 0;
  return en > nl * 1.5 ? 'en' : 'nl';
}
