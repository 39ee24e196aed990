import municipalities from './municipalities.json' with { type: 'json' };

interface Place { lat: number; lon: number }

// Exact names and aliases only: this orders alternatives, it does not interpret mail.
const byName = new Map<string, Place>();
for (const m of municipalities as { name: string; lat: number; lon: number; aliases?: string[] }[]) {
  for (const n of [m.name, ...(m.aliases ?? [])]) byName.set(n.toLowerCase(), { lat: m.lat, lon: m.lon });
}

export function coordinatesOf(name: string | null | undefined): Place | null {
  return name ? byName.get(name.toLowerCase()) ?? null : null;
}

/** Great-circle distance in km. */
export function distanceKm(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
