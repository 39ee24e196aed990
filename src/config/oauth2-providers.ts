// What an admin would otherwise look up: the token endpoint and scopes of the two hosted mail
// services, so OAUTH2_PROVIDER (and for Microsoft the tenant) is enough.

export type OAuth2Provider = 'microsoft' | 'google';

export interface ProviderPreset {
  tokenUrl(tenant: string | undefined): string;
  /** Scope for app-only access (client-credentials grant); null when the provider has none for mail. */
  clientCredentialsScope: string | null;
  /** Scope for access on behalf of the mailbox user (refresh-token grant). */
  refreshTokenScope: string;
  needsTenant: boolean;
}

export const providerPresets: Record<OAuth2Provider, ProviderPreset> = {
  microsoft: {
    tokenUrl: (tenant) => `https://login.microsoftonline.com/${encodeURIComponent(tenant ?? '')}/oauth2/v2.0/token`,
    // App-only tokens carry the application permissions granted to the app
    // (IMAP.AccessAsApp, SMTP.SendAsApp); ".default" asks for all of them.
    clientCredentialsScope: 'https://outlook.office365.com/.default',
    refreshTokenScope: 'https://outlook.office365.com/IMAP.AccessAsUser.All https://outlook.office365.com/SMTP.Send offline_access',
    needsTenant: true,
  },
  google: {
    tokenUrl: () => 'https://oauth2.googleapis.com/token',
    // Gmail has no app-only grant for a plain OAuth client (that takes a service account with
    // domain-wide delegation): only a user's refresh token.
    clientCredentialsScope: null,
    refreshTokenScope: 'https://mail.google.com/',
    needsTenant: false,
  },
};
