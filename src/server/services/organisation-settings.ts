/**
 * The organisation's settings, kept as one JSON document on the organisation row. A missing or
 * unreadable document means the safe defaults, never an error on the send path.
 */
import { AppError } from '../../shared/errors';
import { defaultPolicy, describePatternProblem, resolvePolicy } from '../../shared/detect';
import type { OrganisationSettings } from '../../shared/protocol/api';
import type { ServiceDeps } from './deps';

export function defaultSettings(): OrganisationSettings {
  return { policy: defaultPolicy(), failClosed: false };
}

export class OrganisationSettingsService {
  constructor(private readonly deps: ServiceDeps) {}

  async get(organisationId: string): Promise<OrganisationSettings> {
    const row = await this.deps.db.kysely
      .selectFrom('organisations')
      .select('settings')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (!row?.settings) return defaultSettings();
    try {
      const stored = JSON.parse(row.settings) as Partial<OrganisationSettings>;
      return { policy: resolvePolicy(stored.policy), failClosed: stored.failClosed === true };
    } catch (err) {
      this.deps.log.warn({ organisationId, err: (err as Error).name }, 'organisation settings unreadable; using defaults');
      return defaultSettings();
    }
  }

  async set(organisationId: string, settings: OrganisationSettings): Promise<OrganisationSettings> {
    for (const pattern of settings.policy.patterns) {
      const problem = describePatternProblem(pattern.regex);
      if (problem) throw new AppError('bad_request', `Pattern "${pattern.name}" cannot be used (${problem}).`, { pattern: pattern.name, problem });
    }
    const clean: OrganisationSettings = { policy: resolvePolicy(settings.policy), failClosed: settings.failClosed };
    await this.deps.db.kysely
      .updateTable('organisations')
      .set({ settings: JSON.stringify(clean) })
      .where('id', '=', organisationId)
      .execute();
    return clean;
  }
}
