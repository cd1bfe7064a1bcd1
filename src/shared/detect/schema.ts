/**
 * TypeBox schemas for the service: the stored policy, and the authenticated "test this policy on
 * this text" call of the policy page. Kept out of `./index` so the on-send bundle stays small.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Decision } from './decide';
import type { Policy } from './policy';
import { RULE_IDS, TEXT_DETECTORS, type Finding } from './types';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const ActionSchema = literals(['off', 'notify', 'secure', 'require'] as const);
export const ConfidenceSchema = literals(['low', 'medium', 'high'] as const);

export const RuleSchema = Type.Object(
  {
    action: ActionSchema,
    minConfidence: ConfidenceSchema,
    minCount: Type.Integer({ minimum: 1, maximum: 1000 }),
    onlyWithSensitive: Type.Boolean(),
  },
  { additionalProperties: false },
);

const Domain = Type.String({ minLength: 1, maxLength: 253, pattern: '^[^\\s@]+$' });

export const CustomPatternSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    /** Checked again with `describePatternProblem` before it is stored. */
    regex: Type.String({ minLength: 1, maxLength: 200 }),
    caseSensitive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const ruleEntries: Record<string, typeof RuleSchema> = {};
for (const id of RULE_IDS) ruleEntries[id] = RuleSchema;

export const PolicySchema = Type.Object(
  {
    version: Type.Literal(1),
    rules: Type.Object(ruleEntries as { [K in (typeof RULE_IDS)[number]]: typeof RuleSchema }, { additionalProperties: false }),
    keywords: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500 }),
    patterns: Type.Array(CustomPatternSchema, { maxItems: 50 }),
    ownDomains: Type.Array(Domain, { maxItems: 200 }),
    webmailDomains: Type.Array(Domain, { maxItems: 500 }),
    limits: Type.Object(
      {
        manyDomains: Type.Integer({ minimum: 2, maximum: 100 }),
        longList: Type.Integer({ minimum: 2, maximum: 500 }),
        replyAll: Type.Integer({ minimum: 2, maximum: 500 }),
        lookalikeDistance: Type.Integer({ minimum: 0, maximum: 3 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const FindingSchema = Type.Object({
  detector: literals(TEXT_DETECTORS),
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
  preview: Type.String(),
  confidence: ConfidenceSchema,
  part: literals(['subject', 'body', 'attachment-name', 'attachment'] as const),
  attachment: Type.Optional(Type.Integer({ minimum: 0 })),
  label: Type.Optional(Type.String()),
});

export const DecisionSchema = Type.Object({
  action: literals(['allow', 'notify', 'secure', 'require'] as const),
  reasons: Type.Array(
    Type.Object({
      rule: literals(RULE_IDS),
      action: literals(['notify', 'secure', 'require'] as const),
      count: Type.Integer({ minimum: 1 }),
      label: Type.Optional(Type.String()),
      message: Type.String(),
    }),
  ),
  sensitive: Type.Boolean(),
});

/** The policy page's test call: a text (at most 1 MiB) and, optionally, a draft policy to try. */
export const ScanRequestSchema = Type.Object(
  {
    text: Type.String({ maxLength: 1024 * 1024 }),
    html: Type.Optional(Type.Boolean()),
    policy: Type.Optional(PolicySchema),
    locale: Type.Optional(literals(['nl', 'en'] as const)),
  },
  { additionalProperties: false },
);

export const ScanResponseSchema = Type.Object({ findings: Type.Array(FindingSchema), decision: DecisionSchema });

export type ScanRequest = Static<typeof ScanRequestSchema>;
export type ScanResponse = Static<typeof ScanResponseSchema>;

// Compile-time guarantee that the schemas and the engine's hand-written types describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const policyMatches: Same<Static<typeof PolicySchema>, Policy> = true;
const findingMatches: Same<Static<typeof FindingSchema>, Finding> = true;
const decisionMatches: Same<Static<typeof DecisionSchema>, Decision> = true;
export const SCHEMAS_MATCH_TYPES: readonly boolean[] = [policyMatches, findingMatches, decisionMatches];
