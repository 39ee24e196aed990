// Display names as Dutch offices write them: Outlook address books often give
// "Dijk, Marloes van" (surname first). A greeting wants "Marloes van Dijk".

export function personName(display: string | null | undefined): string | null {
  const name = (display ?? '').replace(/"/g, '').replace(/\s+/g, ' ').trim().replace(/^'(.*)'$/, '$1');
  if (!name || name.includes('@')) return null;
  const parts = name.split(',').map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1] && /^\p{L}/u.test(parts[1]) && !/\d/.test(name)) {
    return `${parts[1]} ${parts[0]}`;
  }
  return name;
}
