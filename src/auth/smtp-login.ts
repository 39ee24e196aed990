// XOAUTH2 for nodemailer's SMTP connection, fed by the shared token source.
//
// nodemailer's XOAuth2 with a provisionCallback is its documented hook for tokens from
// elsewhere. When the server refuses a token, SMTPConnection asks once more with renew=true
// on the same connection: the refused token is dropped and a new one fetched.
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { TokenSource } from './oauth2.js';

/**
 * Login data for one SMTP connection (a fresh object each time: it remembers the token it used).
 * `renewAt()` says when that token is due for renewal: a pooled connection is retired then, as
 * a server may end a session whose token expired.
 */
export function xoauth2Login(user: string, tokens: TokenSource): { user: string; oauth2: XOAuth2; renewAt(): number } {
  let used: string | null = null;
  let renewAt = Infinity;
  const oauth2 = new XOAuth2({
    user,
    provisionCallback(_user, renew, callback) {
      if (renew && used) tokens.rejected(used);
      tokens.get().then(
        (token) => {
          used = token.value;
          renewAt = token.renewAt;
          callback(null, token.value, token.expiresAt);
        },
        (err: Error) => callback(err),
      );
    },
  }, false);
  return { user, oauth2, renewAt: () => renewAt };
}
