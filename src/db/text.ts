// PostgreSQL text and jsonb cannot hold NUL (U+0000); mail from the wild sometimes does, in a
// header, a display name or a line the understanding quotes as evidence. Dropped at the door.

export function withoutNul(value: string): string;
export function withoutNul(value: string | null | undefined): string | null | undefined;
export function withoutNul(value: string | null | undefined): string | null | undefined {
  return typeof value === 'string' && value.includes('\0') ? value.replace(/\0/g, '') : value;
}

/** The same, through a JSON value (for jsonb columns). */
export function jsonWithoutNul<T>(value: T): T {
  if (typeof value === 'string') return withoutNul(value) as T;
  if (Array.isArray(value)) return value.map(jsonWithoutNul) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutNul(k), jsonWithoutNul(v)])) as T;
  }
  return value;
}
