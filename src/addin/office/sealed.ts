/**
 * How an item is marked as sealed, shared by the task pane (which seals) and the on-send handler
 * (which lets sealed items go). Two marks: an internet header that travels with the message and
 * survives closing the draft, and session data for a cheap check in the event runtime. Either mark
 * counts only while the body still carries the secure link and no attachment was added back, so a
 * sender cannot seal a message and then paste the sensitive content back in.
 */
import { SEALED_HEADER, SEALED_SESSION_KEY, type OfficeAdapter } from './office-adapter';

export async function markSealed(office: OfficeAdapter, messageId: string): Promise<void> {
  await office.setInternetHeaders({ [SEALED_HEADER]: messageId });
  await office.setSessionData(SEALED_SESSION_KEY, messageId);
}

/** The sealed message id, or null when the item is not (or no longer) sealed. */
export async function sealedMessageId(office: OfficeAdapter): Promise<string | null> {
  const fromSession = await office.getSessionData(SEALED_SESSION_KEY).catch(() => null);
  const id = fromSession ?? (await office.getInternetHeaders([SEALED_HEADER]).catch(() => ({}) as Record<string, string>))[SEALED_HEADER] ?? null;
  if (!id || !/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
  const [body, attachments] = await Promise.all([office.getBodyHtml(), office.listAttachments()]);
  if (!body.includes(`/m/${id}`)) return null;
  if (attachments.some((a) => !a.isInline)) return null;
  return id;
}
