// Lets an admin try a detection policy on real text without sending anything anywhere:
//   npm run scan -- <file|-> [--html|--text|--document docx|xlsx|pptx|odt|ods|odp] [--policy policy.json] [--locale nl|en]
// Prints {"findings": [...], "decision": {...}} on standard output. Findings carry masked previews
// only; `start`/`end` are offsets into the normalised text (for plain text without invisible
// characters, the file itself; for a Word, Excel, PowerPoint or OpenDocument file, the text read out of it, as
// the task pane reads attachments), as docs/detection.md explains. A document that could only be
// read in part adds "truncated": true.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { decide, defaultPolicy, resolvePolicy, scanText, type Locale, type Policy } from '../src/shared/detect/index';
import { decodeText } from '../src/shared/detect/decode';
import { OfficeDocumentError, officeDocumentText, officeKindOf, type OfficeKind } from '../src/shared/detect/office-documents';

const DOCUMENT_KINDS: OfficeKind[] = ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'];
const USAGE = 'usage: npm run scan -- <file|-> [--html|--text|--document docx|xlsx|pptx|odt|ods|odp] [--policy policy.json] [--locale nl|en]';

interface Options {
  source: string;
  html?: boolean;
  document?: OfficeKind;
  policyFile?: string;
  locale: Locale;
}

function parseArgs(args: string[]): Options {
  const options: Partial<Options> = { locale: 'en' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--html') options.html = true;
    else if (arg === '--text') options.html = false;
    else if (arg === '--document') {
      const kind = args[++i];
      if (!DOCUMENT_KINDS.includes(kind as OfficeKind)) throw new Error(`--document takes ${DOCUMENT_KINDS.join(', ')}\n${USAGE}`);
      options.document = kind as OfficeKind;
    } else if (arg === '--policy') options.policyFile = args[++i];
    else if (arg === '--locale') options.locale = args[++i] === 'nl' ? 'nl' : 'en';
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else if (options.source === undefined && (arg === '-' || !arg.startsWith('-'))) options.source = arg;
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (options.source === undefined) throw new Error(USAGE);
  return options as Options;
}

function readSource(source: string): Buffer {
  return source === '-' ? readFileSync(0) : readFileSync(source);
}

function looksLikeHtml(source: string, text: string): boolean {
  if (/^\.x?html?$/i.test(extname(source))) return true;
  return /^\s*<(!doctype html|html|head|body|div|p|table|span)\b/i.test(text);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const bytes = new Uint8Array(readSource(options.source));
  let policy: Policy = defaultPolicy();
  if (options.policyFile) policy = resolvePolicy(JSON.parse(readFileSync(options.policyFile, 'utf8')) as unknown);
  const document = options.document ?? (options.source === '-' ? null : officeKindOf(options.source));
  const read = document ? await officeDocumentText(bytes, document) : { text: decodeText(bytes), truncated: false };
  const html = !document && (options.html ?? looksLikeHtml(options.source, read.text));
  const findings = scanText(read.text, policy, { html });
  const decision = decide({ findings }, policy, { locale: options.locale });
  process.stdout.write(`${JSON.stringify(read.truncated ? { findings, decision, truncated: true } : { findings, decision })}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof OfficeDocumentError ? `cannot read the document: ${message}` : message);
  process.exitCode = 2;
});
