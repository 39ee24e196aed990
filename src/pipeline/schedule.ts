// What the worker does on the clock rather than on mail: the organisers' daily digest, the
// reminders before each session, and retention. One tick checks all three against the injected
// clock; the worker ticks at start and every minute. Each job records what it did in the
// database (the digest's day, a registration's reminded_at, purged_at), so a restart never
// repeats one.
import { recordChange } from '../db/change-log.js';
import { lockSeries, markReminded, reminderCandidates } from '../db/registrations.js';
import { purgeEnded } from '../db/retention.js';
import { loadSeriesState } from '../db/sessions.js';
import type { ScheduleConfig } from '../config/config.js';
import { writeDigest } from '../organisers/digest.js';
import { localDay } from '../replies/digest.js';
import { planReminders } from '../rules/reminders.js';
import { deliverDue } from './deliver.js';
import type { PipelineDeps } from './deps.js';
import { writeReplies } from './write-replies.js';

/** Wall-clock "HH:MM" of an instant in a zone. */
function localTime(d: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

export interface Schedule {
  /** Runs whatever is due at the clock's now. Never throws: a failing job is logged and tried next tick. */
  tick(): Promise<void>;
}

export function createSchedule(deps: PipelineDeps, config: ScheduleConfig): Schedule {
  let retentionDay: string | null = null;

  async function digest(now: Date): Promise<void> {
    if (!config.digest || localTime(now, deps.catalogue.timezone) < config.digest.at) return;
    const settings = config.digest;
    const ids = await deps.database.db.transaction((tx) => writeDigest(tx, deps, settings, now));
    if (ids.length === 0) return;
    deps.logger.info({ event: 'digest.written', day: localDay(now, deps.catalogue.timezone), recipients: ids.length }, 'daily digest written');
    await deliverDue(deps, null, ids);
  }

  async function reminders(now: Date): Promise<void> {
    if (!config.reminderDays) return;
    const days = config.reminderDays;
    const series = deps.catalogue.series;
    const ids = await deps.database.db.transaction(async (tx) => {
      await lockSeries(tx, series);
      const sessions = await loadSeriesState(tx, series);
      const plan = planReminders(now, sessions, await reminderCandidates(tx, series, now), days);
      const reminded = plan.replies.map((r) => r.to as number);
      await markReminded(tx, [...plan.markOnly, ...reminded], now);
      for (const id of reminded) {
        await recordChange(tx, { at: now, origin: 'schedule', actor: null, action: 'reminded', registrationId: id, detail: {} });
      }
      return writeReplies(tx, plan.replies, {
        inboundId: null, mail: null, replyAddress: null, language: 'nl', createdId: null, senderRegistrationId: null,
        sessions, catalogue: deps.catalogue, mailConfig: deps.mail, templates: deps.templates, now,
      });
    });
    if (ids.length === 0) return;
    deps.logger.info({ event: 'reminders.written', count: ids.length }, 'reminders written');
    await deliverDue(deps, null, ids);
  }

  async function retention(now: Date): Promise<void> {
    const day = localDay(now, deps.catalogue.timezone);
    if (!config.retentionDays || retentionDay === day) return;
    const cutoff = new Date(now.getTime() - config.retentionDays * 86_400_000);
    const report = await deps.database.db.transaction(async (tx) => {
      await lockSeries(tx, deps.catalogue.series);
      return purgeEnded(tx, cutoff, now, true);
    });
    retentionDay = day;
    const registrations = report.sessions.reduce((n, s) => n + s.registrations, 0);
    if (registrations + report.otherMessages + report.otherReplies + report.sessions.reduce((n, s) => n + s.messages + s.replies, 0) > 0) {
      deps.logger.info({
        event: 'retention.purged', cutoff: cutoff.toISOString(), sessions: report.sessions.map((s) => s.slug), registrations,
        messages: report.sessions.reduce((n, s) => n + s.messages, report.otherMessages),
        replies: report.sessions.reduce((n, s) => n + s.replies, report.otherReplies),
      }, 'personal data of ended sessions removed');
    }
  }

  return {
    async tick() {
      const now = deps.clock();
      for (const [name, job] of [['digest', digest], ['reminders', reminders], ['retention', retention]] as const) {
        try {
          await job(now);
        } catch (err) {
          deps.logger.error({ event: 'schedule.failed', job: name, error: (err as Error).message }, `${name} failed; tried again at the next tick`);
        }
      }
    },
  };
}

/** Ticks now and then every `intervalMs` until stop(); a tick never overlaps the previous one. */
export function startSchedule(schedule: Schedule, intervalMs: number): { stop(): Promise<void> } {
  let busy = false;
  let running = Promise.resolve();
  const run = () => {
    if (busy) return;
    busy = true;
    running = schedule.tick().finally(() => {
      busy = false;
    });
  };
  run();
  const timer = setInterval(run, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
