// Access tokens for XOAUTH2 logins to IMAP and SMTP: one source per worker, shared by both.
//
// The token endpoint is spoken to through openid-client (panva; OpenID-certified, kept up to
// date, built on oauth4webapi): it does the client-credentials and refresh-token grants against
// a given endpoint, client authentication and the OAuth error responses, with no discovery step
// needed. simple-oauth2 would do the grants too, but brings @hapi/wreck and no typed errors.
//
// Tokens are cached and renewed a little before they expire (Microsoft 365 drops an IMAP
// session whose token expired: "BYE Session invalidated - AccessTokenExpired"). A server that
// refuses a token gets a fresh one at the next login. When the endpoint itself refuses (a
// revoked secret, a withdrawn consent) the source backs off and answers with the same error
// meanwhile, so no caller can make it hammer the endpoint. Tokens and secrets are never logged.
import * as client from 'openid-client';
import type { OAuth2Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';

export interface AccessToken {
  value: string;
  expiresAt: number; // ms since the epoch
  /** From then on connections should stop using it and log in again with a new one. */
  renewAt: number;
}

export interface TokenFailure {
  message: string;
  /** The OAuth error code (invalid_client, invalid_grant ...), when the endpoint gave one. */
  code: string | null;
  since: number;
}

export interface TokenSource {
  /** A token that stays valid for a while: the cached one, or a new one from the endpoint. Rejects with a TokenError. */
  get(): Promise<AccessToken>;
  /** A server refused this token: the next get() asks the endpoint for a new one. */
  rejected(value: string): void;
  /** Why no token can be had right now, or null while tokens come (for /readyz). */
  failure(): TokenFailure | null;
}

export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    message: string,
    readonly code: string | null,
    readonly status: number | null,
    /** The endpoint refused our credentials: only an admin can fix this. */
    readonly credentialsRefused: boolean,
  ) {
    super(message);
  }
}

export interface TokenSourceOptions {
  logger: Logger;
  /** Called after every request to the token endpoint (metrics). */
  onRequest?: (result: 'success' | 'failure') => void;
  now?: () => number;
  /** Waits between failed requests: initialMs, doubling up to maxMs. */
  retry?: { initialMs: number; maxMs: number };
}

/** Renew at most five minutes ahead, and never later than three quarters into a token's life. */
export function renewTime(obtainedAt: number, expiresAt: number): number {
  return expiresAt - Math.min(5 * 60_000, (expiresAt - obtainedAt) / 4);
}

// Providers give expires_in; if one does not, assume the usual hour (a refusal still renews).
const DEFAULT_LIFETIME_S = 3600;
const REQUEST_TIMEOUT_S = 30;
const defaultRetry = { initialMs: 5_000, maxMs: 5 * 60_000 };
// Codes that mean our client id, secret, refresh token or grant are not (or no longer) accepted.
const credentialCodes = new Set(['invalid_client', 'invalid_grant', 'unauthorized_client', 'invalid_scope', 'access_denied']);

export function createTokenSource(settings: OAuth2Config, opts: TokenSourceOptions): TokenSource {
  const log = opts.logger.child({ component: 'oauth2' });
  const now = opts.now ?? Date.now;
  const retry = opts.retry ?? defaultRetry;
  const grant = settings.refreshToken ? 'refresh_token' : 'client_credentials';
  const configuration = new client.Configuration(
    { issuer: new URL(settings.tokenUrl).origin, token_endpoint: settings.tokenUrl },
    settings.clientId,
    undefined,
    settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
  );
  configuration.timeout = REQUEST_TIMEOUT_S;
  // openid-client speaks https only; the config allows plain http just for this machine (tests).
  if (new URL(settings.tokenUrl).protocol === 'http:') client.allowInsecureRequests(configuration);

  let refreshToken = settings.refreshToken;
  let cached: AccessToken | null = null;
  let inflight: Promise<AccessToken> | null = null;
  let failure: (TokenFailure & { error: TokenError; retryAt: number; attempts: number }) | null = null;

  async function request(): Promise<AccessToken> {
    const started = now();
    try {
      const parameters: Record<string, string> = settings.scope ? { scope: settings.scope } : {};
      const response = refreshToken
        ? await client.refreshTokenGrant(configuration, refreshToken, parameters)
        : await client.clientCredentialsGrant(configuration, parameters);
      const obtainedAt = now();
      // The lifetime as the server gave it: openid-client's expiresIn() counts down on the wall
      // clock from the response's arrival, so a second passing before it is read (a busy machine)
      // would shorten it and mix real time into the injected clock.
      const given = Number(response.expires_in);
      const lifetime = Number.isFinite(given) && given > 0 ? given : DEFAULT_LIFETIME_S;
      const expiresAt = obtainedAt + lifetime * 1000;
      cached = { value: response.access_token, expiresAt, renewAt: renewTime(obtainedAt, expiresAt) };
      // Microsoft rotates refresh tokens: keep the newest for the next refresh (in memory only).
      const rotated = Boolean(refreshToken && response.refresh_token && response.refresh_token !== refreshToken);
      if (rotated) refreshToken = response.refresh_token!;
      if (failure) log.info({ event: 'oauth2.recovered', failedForMs: obtainedAt - failure.since }, 'the token endpoint issues tokens again');
      failure = null;
      opts.onRequest?.('success');
      log.info({
        event: 'oauth2.token_refreshed', grant, expiresInSeconds: Math.round((expiresAt - obtainedAt) / 1000), refreshTokenRotated: rotated,
      }, 'new access token');
      return cached;
    } catch (err) {
      const error = describe(err, grant);
      const attempts = (failure?.attempts ?? 0) + 1;
      const waitMs = Math.min(retry.maxMs, retry.initialMs * 2 ** (attempts - 1));
      failure = { message: error.message, code: error.code, since: failure?.since ?? started, error, retryAt: now() + waitMs, attempts };
      opts.onRequest?.('failure');
      log.error({
        event: 'oauth2.token_failed', grant, code: error.code, status: error.status, credentialsRefused: error.credentialsRefused,
        attempt: attempts, retryInSeconds: Math.round(waitMs / 1000),
      }, error.message);
      throw error;
    }
  }

  return {
    async get() {
      const t = now();
      if (cached && t < cached.renewAt) return cached;
      if (inflight) return inflight;
      if (failure && t < failure.retryAt) {
        // Still valid though due for renewal: better than nothing until the endpoint answers.
        if (cached && t < cached.expiresAt) return cached;
        throw failure.error;
      }
      inflight = request().catch((err: unknown) => {
        if (cached && now() < cached.expiresAt) return cached;
        throw err;
      }).finally(() => {
        inflight = null;
      });
      return inflight;
    },
    rejected(value) {
      if (cached?.value !== value) return; // already replaced
      cached = null;
      log.warn({ event: 'oauth2.token_rejected' }, 'a server refused the access token; the next login gets a new one');
    },
    failure() {
      if (!failure || (cached && now() < cached.expiresAt)) return null;
      return { message: failure.message, code: failure.code, since: failure.since };
    },
  };
}

/** Turns what openid-client throws into one clear sentence for the log, without secrets. */
function describe(err: unknown, grant: string): TokenError {
  if (err instanceof client.ResponseBodyError) {
    return refusal(err.error, err.status, err.error_description);
  }
  if (err instanceof client.WWWAuthenticateChallengeError) {
    const params = err.cause[0]?.parameters;
    return refusal(params?.error ?? 'invalid_client', err.status, params?.error_description);
  }
  const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
  const detail = e.cause?.code ?? e.cause?.message ?? e.code ?? e.message;
  return new TokenError(`could not get an access token from the token endpoint: ${detail}`, null, null, false);

  function refusal(code: string, status: number, description?: string): TokenError {
    const credentials = credentialCodes.has(code);
    const advice = !credentials ? 'the endpoint may be down; retrying'
      : grant === 'refresh_token' && code === 'invalid_grant'
        ? 'the refresh token is no longer accepted: obtain a new one and set OAUTH2_REFRESH_TOKEN'
        : 'check OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET (revoked or expired secrets need a new one), OAUTH2_SCOPE and the admin consent';
    const said = description ? `: ${description.split('\n')[0]!.slice(0, 200)}` : '';
    return new TokenError(`the token endpoint refused the ${grant} grant (${code}, HTTP ${status})${said}; ${advice}`, code, status, credentials);
  }
}
