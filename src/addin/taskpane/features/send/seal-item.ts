/**
 * Turns the compose item into the e-mail that carries only the link: the body becomes the
 * notice, the encrypted attachments go, and the sealed marks are set for the on-send handler.
 * Safe to run again after a failure halfway.
 */
import { OfficeError, type OfficeAdapter } from '../../../office/office-adapter';
import { markSealed } from '../../../office/sealed';

export async function sealItem(office: OfficeAdapter, messageId: string, html: string, attachmentIds: readonly string[]): Promise<void> {
  await office.setBodyHtml(html);
  // One at a time: Outlook runs at most three async calls at once.
  for (const id of attachmentIds) {
    await office.removeAttachment(id).catch((error: unknown) => {
      // Already removed by an earlier attempt (or by the sender): what we wanted anyway.
      if (!(error instanceof OfficeError && error.code === 'InvalidAttachmentId')) throw error;
    });
  }
  // Last, so that a half-rewritten item is never marked as sealed.
  await markSealed(office, messageId);
}
