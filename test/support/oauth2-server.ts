// A small OAuth2 authorisation server for the tests, in the role Microsoft Entra ID or Google
// play for a real mailbox: a token endpoint (client-credentials and refresh-token grants,
// client_secret_post or Basic client authentication, RFC 6749) issuing short-lived opaque
// tokens, and an introspection endpoint (RFC 7662) that Dovecot's oauth2 passdb and the SMTP
// sink ask whether a token is valid. Everything it did is recorded for assertions.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestClient {
  id: string;
  /** Unset: a public client (no secret, refresh-token grant only). */
  secret?: string;
  /** The mailbox the client's tokens act for (what introspection reports as username). */
  username: string;
  /** Accepted for the refresh-token grant. */
  refreshToken?: string;
  /** Hand out a new refresh token with every refresh and accept only the newest (as Microsoft does). */
  rotateRefreshToken?: boolean;
}

export interface IssuedToken {
  value: string;
  clientId: string;
  username: string;
  grant: string;
  scope: string | null;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface TokenRequest {
  at: number;
  clientId: string | null;
  grant: string | null;
  scope: string | null;
  /** How the client authenticated. */
  clientAuth: 'post' | 'basic' | 'none';
  /** The OAuth error code sent back, or null when a token was issued. */
  error: string | null;
}

export interface OAuth2TestServer {
  tokenUrl: string;
  introspectionUrl: string;
  /** Lifetime of new tokens (expires_in). */
  ttlSeconds: number;
  addClient(client: TestClient): void;
  /** Replaces a client's secret: the old one is refused from now on (a revoked secret). */
  setSecret(clientId: string, secret: string): void;
  /** Tokens introspect as inactive from now on. Without an argument: every token issued so far. */
  revoke(token?: string): void;
  /** The next `count` introspections answer inactive whatever the token (a server that refuses a login). */
  refuseNextIntrospections(count: number): void;
  readonly issued: IssuedToken[];
  readonly tokenRequests: TokenRequest[];
  readonly introspections: Array<{ at: number; token: string; active: boolean }>;
  close(): Promise<void>;
}

export async function startOAuth2Server(opts: { ttlSeconds?: number } = {}): Promise<OAuth2TestServer> {
  const clients = new Map<string, TestClient>();
  const issued: IssuedToken[] = [];
  const tokenRequests: TokenRequest[] = [];
  const introspections: Array<{ at: number; token: string; active: boolean }> = [];
  let refusals = 0;

  const state = {
    ttlSeconds: opts.ttlSeconds ?? 3600,
  };

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  }

  async function form(req: IncomingMessage): Promise<URLSearchParams> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  }

  function token(req: IncomingMessage, res: ServerResponse, params: URLSearchParams): void {
    let clientId = params.get('client_id');
    let secret = params.get('client_secret');
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const [id, pass] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':').map(decodeURIComponent);
      clientId = id ?? null;
      secret = pass ?? null;
    }
    const grant = params.get('grant_type');
    const clientAuth = basic ? 'basic' : secret ? 'post' : 'none';
    const request: TokenRequest = { at: Date.now(), clientId, grant, scope: params.get('scope'), clientAuth, error: null };
    tokenRequests.push(request);
    const fail = (status: number, error: string, description: string) => {
      request.error = error;
      json(res, status, { error, error_description: description });
    };
    const client = clientId ? clients.get(clientId) : undefined;
    if (!client || (client.secret ?? null) !== (secret || null)) return fail(401, 'invalid_client', 'Invalid client secret provided.');
    if (!client.secret && grant !== 'refresh_token') return fail(400, 'unauthorized_client', 'a public client has no app-only access');
    if (grant === 'refresh_token') {
      if (!client.refreshToken || params.get('refresh_token') !== client.refreshToken) {
        return fail(400, 'invalid_grant', 'The refresh token has expired or was revoked.');
      }
    } else if (grant !== 'client_credentials') {
      return fail(400, 'unsupported_grant_type', `grant ${grant ?? '(none)'} is not supported`);
    }
    const now = Date.now();
    const t: IssuedToken = {
      value: `at-${randomBytes(24).toString('base64url')}`, clientId: client.id, username: client.username, grant,
      scope: params.get('scope'), issuedAt: now, expiresAt: now + state.ttlSeconds * 1000, revoked: false,
    };
    issued.push(t);
    const rotated = grant === 'refresh_token' && client.rotateRefreshToken ? `rt-${randomBytes(16).toString('base64url')}` : null;
    if (rotated) client.refreshToken = rotated;
    json(res, 200, {
      access_token: t.value, token_type: 'Bearer', expires_in: state.ttlSeconds, ...(t.scope ? { scope: t.scope } : {}),
      ...(rotated ? { refresh_token: rotated } : {}),
    });
  }

  function introspect(res: ServerResponse, value: string): void {
    const t = issued.find((i) => i.value === value);
    let active = Boolean(t && !t.revoked && Date.now() < t.expiresAt);
    if (refusals > 0) {
      refusals--;
      active = false;
    }
    introspections.push({ at: Date.now(), token: value, active });
    json(res, 200, active && t
      ? { active: true, username: t.username, client_id: t.clientId, token_type: 'Bearer', exp: Math.floor(t.expiresAt / 1000) }
      : { active: false });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    (async () => {
      if (req.method === 'POST' && url.pathname === '/token') return token(req, res, await form(req));
      if (url.pathname === '/introspect') {
        // RFC 7662 posts token=...; Dovecot's other modes send a bearer header or a query parameter.
        const params = req.method === 'POST' ? await form(req) : url.searchParams;
        const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
        return introspect(res, params.get('token') ?? bearer ?? '');
      }
      json(res, 404, { error: 'not_found' });
    })().catch(() => json(res, 500, { error: 'server_error' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    tokenUrl: `${base}/token`,
    introspectionUrl: `${base}/introspect`,
    get ttlSeconds() {
      return state.ttlSeconds;
    },
    set ttlSeconds(value: number) {
      state.ttlSeconds = value;
    },
    addClient(client) {
      clients.set(client.id, { ...client });
    },
    setSecret(clientId, secret) {
      const client = clients.get(clientId);
      if (!client) throw new Error(`no test client ${clientId}`);
      client.secret = secret;
    },
    revoke(value) {
      for (const t of issued) if (value === undefined || t.value === value) t.revoked = true;
    },
    refuseNextIntrospections(count) {
      refusals += count;
    },
    issued,
    tokenRequests,
    introspections,
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
