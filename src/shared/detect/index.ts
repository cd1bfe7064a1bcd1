/**
 * Sealpost's detection engine: one pass of normalisation, identifier detectors with checksums and
 * context, Dutch and English word lists, custom keywords and patterns, recipient checks, and one
 * pure `decide` that the task pane, the on-send handler and the service share.
 *
 * The TypeBox schemas for the service live in `./schema` and are deliberately not re-exported
 * here, so that the on-send bundle does not carry TypeBox.
 *
 * @example
 * const policy = resolvePolicy(await fetchPolicy()); // or defaultPolicy() when offline
 * const scan = scanMessage({ subject, bodyHtml, attachments, from, to, cc, bcc }, policy, { history });
 * const decision = decide(scan, policy, { locale: 'nl' });
 * if (decision.action === 'require') { ... }
 */
export { decide, type Decision, type DecisionAction, type DecideInput, type Reason } from './decide';
export type { Locale } from './messages';
export { normalise, type Normalised, type NormaliseOptions } from './normalise';
export { normaliseWithMap } from './normalise-map';
export { defaultPolicy, resolvePolicy, ACTIONS, CONFIDENCES, type Action, type Policy, type RecipientLimits, type Rule } from './policy';
export { compilePolicy, type CompiledPolicy } from './compile';
export { describePatternProblem, type CustomPattern, type PatternProblem } from './custom';
export { scanText, type ScanTextOptions } from './scan-text';
export {
  scanContent, scanMessage, scanPlainMessage, type AttachmentInput, type MessageInput, type PlainMessageInput, type ScanMessageOptions,
} from './scan-message';
export { checkRecipients, type RecipientHistory, type RecipientsInput } from './misdirection';
export { isValidBsn } from './bsn';
export { isValidIban } from './iban';
export { isCardNumber, passesLuhn } from './card';
export {
  RECIPIENT_CHECKS, RULE_IDS, TEXT_DETECTORS,
  type Confidence, type Finding, type MessageScan, type PartKind, type RecipientCheckId, type RecipientFinding,
  type RuleId, type TextDetectorId, type UnscannedPart, type UnscannedReason,
} from './types';
