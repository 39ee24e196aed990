import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger };

// Secrets and message bodies never reach the log: pino drops these paths wherever they appear.
export const redactedPaths = [
  'password', '*.password', '*.*.password', 'pass', '*.pass', 'auth', '*.auth', 'accessToken', '*.accessToken',
  'clientSecret', '*.clientSecret', '*.*.clientSecret', 'refreshToken', '*.refreshToken', '*.*.refreshToken',
  'raw', '*.raw', 'text', '*.text', 'html', '*.html', 'body', '*.body', 'source', '*.source',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'dloket-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactedPaths, remove: true },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
