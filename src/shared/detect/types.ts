/**
 * The shapes the detection engine hands out. A finding never holds the matched value: only where
 * it is (offsets into the normalised text of one part) and a masked preview.
 */

/** Detectors that look at text. */
export const TEXT_DETECTORS = [
  'bsn',
  'iban',
  'card',
  'phone',
  'passport',
  'dob',
  'health',
  'finance',
  'keyword',
  'pattern',
] as const;
export type TextDetectorId = (typeof TEXT_DETECTORS)[number];

/** Checks that look at the recipients rather than the text. */
export const RECIPIENT_CHECKS = [
  'external',
  'first-time',
  'lookalike',
  'many-domains',
  'long-list',
  'reply-all',
  'webmail',
] as const;
export type RecipientCheckId = (typeof RECIPIENT_CHECKS)[number];

/** Every id a policy rule can be attached to; `unscanned` covers attachments the engine cannot read. */
export const RULE_IDS = [...TEXT_DETECTORS, ...RECIPIENT_CHECKS, 'unscanned'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * How sure a detector is: `high` means checksum plus context (or an unambiguous format), `low`
 * means the value only has the right shape and checksum, as a random number sometimes does.
 */
export type Confidence = 'low' | 'medium' | 'high';

/** Where in a message a finding was made. */
export type PartKind = 'subject' | 'body' | 'attachment-name' | 'attachment';

export interface Finding {
  detector: TextDetectorId;
  /** Offset (UTF-16 code units) of the first character in the part's normalised text. */
  start: number;
  /** Offset just past the last character in the part's normalised text. */
  end: number;
  /** A masked form such as `NL91 **** **** 4300`, or the list term for word detectors. */
  preview: string;
  confidence: Confidence;
  part: PartKind;
  /** Index into `attachments` for the attachment parts. */
  attachment?: number;
  /** For `pattern` findings: the pattern's name from the policy. */
  label?: string;
}

export interface RecipientFinding {
  check: RecipientCheckId;
  /** Indexes into the flat To, Cc, Bcc list the caller passed, in that order. */
  recipients: number[];
  /** Plain words naming the issue, e.g. `examp1e.nl looks like example.nl`; never an address. */
  preview: string;
}

export type UnscannedReason = 'unsupported-type' | 'no-content' | 'too-large' | 'truncated' | 'unreadable';

export interface UnscannedPart {
  attachment: number;
  reason: UnscannedReason;
}

export interface MessageScan {
  findings: Finding[];
  recipients: RecipientFinding[];
  unscanned: UnscannedPart[];
}
