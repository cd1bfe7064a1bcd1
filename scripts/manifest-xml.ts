/**
 * Reading the XML manifest: a namespace-aware parse (jsdom's DOMParser, so element order and
 * namespaces are exactly what an XML processor sees), the namespaces the manifest uses, and small
 * helpers shared by the structural check and the Sealpost contract check.
 */
import { createRequire } from 'node:module';

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  mailappor: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.0',
  vo10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  vo11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
} as const;

export type RuleName =
  | 'parse' | 'root' | 'order' | 'required' | 'resid' | 'length' | 'icons' | 'https' | 'runtime'
  | 'sendmode' | 'itemedit' | 'ids' | 'size' | 'handlers' | 'contract';

/** One problem the check found; `rule` groups findings so each test can ask about one rule. */
export interface Finding {
  rule: RuleName;
  message: string;
}

export type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** An entry of the inner VersionOverrides' Resources, by id. */
export interface Resource {
  kind: ResourceKind;
  element: Element;
  value: string;
  used: boolean;
}

// jsdom ships no type declarations; the DOM lib's DOMParser describes what we use.
const load = createRequire(import.meta.url);
const { JSDOM } = load('jsdom') as { JSDOM: new (html?: string) => { window: { DOMParser: typeof DOMParser } } };
let parser: DOMParser | undefined;

/** Parses `xml`; returns the document, or the parser's message when the XML is not well formed. */
export function parseXml(xml: string): { doc: Document } | { error: string } {
  parser ??= new new JSDOM().window.DOMParser();
  const doc = parser.parseFromString(xml, 'application/xml');
  const root = doc.documentElement;
  if (!root || root.localName === 'parsererror') return { error: root?.textContent?.trim() || 'not XML' };
  return { doc };
}

export function kids(el: Element): Element[] {
  return Array.from(el.children);
}

export function child(el: Element, name: string, ns: string): Element | undefined {
  return kids(el).find((c) => c.localName === name && c.namespaceURI === ns);
}

export function all(el: Element | Document, name: string, ns: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(ns, name));
}

export function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, 'type');
}

/** A readable address for messages, such as `Control#SealpostOpenPaneButton < Group#… < OfficeTab#…`. */
export function where(el: Element): string {
  const parts: string[] = [];
  for (let at: Element | null = el; at && parts.length < 4; at = at.parentElement) {
    const type = xsiType(at);
    const id = at.getAttribute('id');
    parts.push(`${at.localName}${type ? `[${type}]` : ''}${id ? `#${id}` : ''}`);
  }
  return parts.join(' < ');
}

/** Characters as a person counts them (code points), which is what the length limits mean. */
export function charCount(text: string): number {
  return [...text].length;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
