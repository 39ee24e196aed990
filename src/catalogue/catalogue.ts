import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import shipped from './sessions-2018.json' with { type: 'json' };

// The catalogue format is the one of ../shared/data/sessions-2018.json; organisers
// may add `signupDeadline` (ISO date-time) per session to close signups early.
const hhmm = z.string().regex(/^\d{2}:\d{2}$/, 'expected HH:MM');

export const sessionSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/, 'slug: lowercase letters, digits and dashes'),
  region: z.string().min(1),
  city: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  start: hhmm,
  end: hhmm,
  venue: z.string().min(1),
  address: z.string().min(1),
  capacity: z.number().int().positive(),
  programme: z.array(z.object({ from: hhmm, to: hhmm, item: z.string() })).optional(),
  signupDeadline: z.string().datetime({ offset: true }).optional(),
});

export const catalogueSchema = z.object({
  series: z.string().min(1),
  organiser: z.string().optional(),
  mailbox: z.string().optional(),
  timezone: z.string().default('Europe/Amsterdam'),
  sessions: z.array(sessionSchema).min(1),
  source: z.string().optional(),
});

export type Session = z.infer<typeof sessionSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

export class CatalogueError extends Error {}

export function parseCatalogue(data: unknown, origin = 'catalogue'): Catalogue {
  const result = catalogueSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new CatalogueError(`${origin} is not a valid session catalogue:\n  ${problems.join('\n  ')}`);
  }
  const slugs = new Set<string>();
  for (const s of result.data.sessions) {
    if (slugs.has(s.slug)) throw new CatalogueError(`${origin}: slug "${s.slug}" appears twice`);
    slugs.add(s.slug);
  }
  return result.data;
}

export async function readCatalogueFile(path: string): Promise<Catalogue> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CatalogueError(`cannot read ${path}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CatalogueError(`${path} is not JSON: ${(err as Error).message}`);
  }
  return parseCatalogue(data, path);
}

/** The 2018 catalogue that ships with the bot. */
export const shippedCatalogue: Catalogue = parseCatalogue(shipped, 'shipped sessions-2018.json');
