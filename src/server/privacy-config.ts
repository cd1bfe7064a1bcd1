/**
 * Who the privacy notice names: the controller, its DPO, where requests go, which processors get
 * data, and how long logs are kept. Read once at start-up with the rest of the configuration.
 *
 * In production every value is required: a public notice that names nobody, or leaves out the SMS
 * provider that receives phone numbers, is worse than not starting. Outside production, example
 * values fill the gaps and the notice says at the top which settings are still missing.
 */
import type { ControllerConfig, Processor, ProcessorRole } from '../shared/privacy';

export type PrivacyConfig = ControllerConfig;

type Env = Record<string, string | undefined>;

const ROLES: readonly ProcessorRole[] = ['hosting', 'sms', 'mail', 'other'];
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

export const DEVELOPMENT_CONTROLLER = {
  name: 'Sealpost development installation',
  address: 'address not configured',
  dpoEmail: 'dpo@sealpost.example',
  contactEmail: 'privacy@sealpost.example',
} as const;

/**
 * `role=name` entries separated by `;`, e.g.
 * `hosting=Example Cloud B.V., Amsterdam (NL); sms=Example SMS B.V. (NL)`, or `none`.
 */
export function parseProcessors(raw: string, problems: string[]): Processor[] {
  if (raw.trim().toLowerCase() === 'none') return [];
  const processors: Processor[] = [];
  for (const part of raw.split(';').map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf('=');
    const role = part.slice(0, Math.max(at, 0)).trim().toLowerCase() as ProcessorRole;
    const name = part.slice(at + 1).trim();
    if (at < 1 || !ROLES.includes(role) || !name || name.length > 200) {
      problems.push(`SEALPOST_PROCESSORS has "${part.slice(0, 60)}"; use role=name with role one of ${ROLES.join(', ')}`);
      continue;
    }
    processors.push({ role, name });
  }
  if (processors.length > 20) problems.push('SEALPOST_PROCESSORS lists more than 20 processors');
  return processors;
}

export function readPrivacyConfig(env: Env, production: boolean, problems: string[]): PrivacyConfig {
  const placeholders: string[] = [];
  const text = (name: string, fallback: string, max: number, check?: RegExp): string => {
    const value = env[name]?.trim();
    if (!value) {
      if (production) problems.push(`${name} is required in production: the privacy notice must name it`);
      placeholders.push(name);
      return fallback;
    }
    if (value.length > max || (check && !check.test(value))) problems.push(`${name} is not valid (got "${value.slice(0, 60)}")`);
    return value;
  };

  const name = text('SEALPOST_CONTROLLER_NAME', DEVELOPMENT_CONTROLLER.name, 200);
  const address = text('SEALPOST_CONTROLLER_ADDRESS', DEVELOPMENT_CONTROLLER.address, 300);
  const dpoEmail = text('SEALPOST_DPO_EMAIL', DEVELOPMENT_CONTROLLER.dpoEmail, 254, EMAIL);
  const contactEmail = text('SEALPOST_PRIVACY_CONTACT_EMAIL', DEVELOPMENT_CONTROLLER.contactEmail, 254, EMAIL);

  const rawProcessors = env.SEALPOST_PROCESSORS?.trim();
  let processors: Processor[] = [];
  if (rawProcessors) processors = parseProcessors(rawProcessors, problems);
  else {
    if (production) problems.push('SEALPOST_PROCESSORS is required in production (role=name; ... or none)');
    placeholders.push('SEALPOST_PROCESSORS');
  }
  // Whoever receives phone numbers or addresses must be named in the notice.
  const sms = env.SEALPOST_SMS_PROVIDER?.trim() || 'outbox';
  const mail = env.SEALPOST_MAIL_TRANSPORT?.trim() || 'outbox';
  if (production && rawProcessors) {
    if (sms !== 'outbox' && !processors.some((p) => p.role === 'sms')) problems.push(`SEALPOST_PROCESSORS must name the SMS provider (sms=...) when SEALPOST_SMS_PROVIDER is ${sms}`);
    if (mail !== 'outbox' && !processors.some((p) => p.role === 'mail')) problems.push('SEALPOST_PROCESSORS must name the mail provider (mail=...) when SEALPOST_MAIL_TRANSPORT is smtp');
  }

  const rawDays = env.SEALPOST_LOG_RETENTION_DAYS?.trim();
  let logRetentionDays = 14;
  if (rawDays) {
    const n = Number(rawDays);
    if (!Number.isSafeInteger(n) || n < 1 || n > 365) problems.push(`SEALPOST_LOG_RETENTION_DAYS must be an integer from 1 to 365 (got "${rawDays}")`);
    else logRetentionDays = n;
  }
  return { name, address, dpoEmail, contactEmail, processors, logRetentionDays, placeholders };
}
