// A tiny RFC 5545 reader for the tests: unfolds lines and nests components. Enough to check
// what buildInvite writes; not a general parser.
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}
export interface IcsComponent {
  type: string;
  props: IcsProperty[];
  components: IcsComponent[];
}

function splitOutsideQuotes(line: string): { head: string; value: string } {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return { head: line.slice(0, i), value: line.slice(i + 1) };
  }
  throw new Error(`no value in content line: ${line}`);
}

function parseParams(parts: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const p of parts) {
    const eq = p.indexOf('=');
    params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  return params;
}

export function parseIcs(text: string): IcsComponent {
  if (!text.endsWith('\r\n')) throw new Error('the last content line must end with CRLF');
  if (/[^\r]\n/.test(text)) throw new Error('bare LF in iCalendar text');
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
  const stack: IcsComponent[] = [];
  let root: IcsComponent | null = null;
  for (const line of lines) {
    if (Buffer.byteLength(line) === 0) continue;
    const { head, value } = splitOutsideQuotes(line);
    const [name = '', ...paramParts] = head.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    if (name === 'BEGIN') {
      const c: IcsComponent = { type: value, props: [], components: [] };
      stack.at(-1)?.components.push(c);
      stack.push(c);
      root ??= c;
    } else if (name === 'END') {
      const c = stack.pop();
      if (c?.type !== value) throw new Error(`END:${value} closes ${c?.type}`);
    } else {
      const top = stack.at(-1);
      if (!top) throw new Error(`property outside a component: ${line}`);
      top.props.push({ name: name.toUpperCase(), params: parseParams(paramParts), value });
    }
  }
  if (!root || stack.length) throw new Error('unbalanced BEGIN/END');
  return root;
}

export function prop(c: IcsComponent, name: string): IcsProperty {
  const p = c.props.find((x) => x.name === name);
  if (!p) throw new Error(`${c.type} has no ${name}`);
  return p;
}

export function component(c: IcsComponent, type: string): IcsComponent {
  const found = c.components.find((x) => x.type === type);
  if (!found) throw new Error(`${c.type} has no ${type}`);
  return found;
}

/** TEXT values: \n, \, \; \\ unescaped. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
