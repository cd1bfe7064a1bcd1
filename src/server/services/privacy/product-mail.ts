/**
 * Objection to product e-mails, and the one way such e-mails leave the service.
 *
 * Product e-mails are the ones a person can do without (today: "your secure message was opened"
 * to the sender). Codes are not product e-mails and ignore the flag: without them nobody could
 * read a message or prove an address. The flag is kept as a keyed hash of the address, so the
 * list of people who objected is not a list of addresses.
 *
 * Every product e-mail carries a one-click unsubscribe link (RFC 8058). Its token is the address
 * hash with a MAC, so the link neither shows the address nor can be made up for another one.
 */
import { AppError } from '../../../shared/errors';
import { routes } from '../../../shared/protocol/routes';
import { messageOpenedEmail } from '../../notify/messages';
import { hmac, safeEqual } from '../../secrets';
import type { ServiceDeps } from '../deps';
import { normaliseAddress } from './challenges';

export class ProductMail {
  constructor(private readonly deps: ServiceDeps) {}

  private addressHash(address: string): Buffer {
    return hmac(this.deps.config.codeKey, 'opt-out', normaliseAddress(address));
  }

  async isOff(address: string): Promise<boolean> {
    const row = await this.deps.db.kysely
      .selectFrom('mail_opt_outs')
      .select('created_at')
      .where('address_hash', '=', this.addressHash(address))
      .executeTakeFirst();
    return row !== undefined;
  }

  async setOff(address: string, off: boolean): Promise<void> {
    await this.setHash(this.addressHash(address), off);
  }

  private async setHash(hash: Buffer, off: boolean): Promise<void> {
    const db = this.deps.db.kysely;
    if (off) {
      await db
        .insertInto('mail_opt_outs')
        .values({ address_hash: hash, created_at: this.deps.now() })
        .onConflict((oc) => oc.column('address_hash').doNothing())
        .execute();
    } else {
      await db.deleteFrom('mail_opt_outs').where('address_hash', '=', hash).execute();
    }
  }

  /** The MAC that makes an unsubscribe link for this address hash, and no other, valid. */
  private linkMac(hash: Buffer): Buffer {
    return hmac(this.deps.config.codeKey, 'unsubscribe-link', hash.toString('base64url')).subarray(0, 16);
  }

  unsubscribeToken(address: string): string {
    const hash = this.addressHash(address);
    return `${hash.toString('base64url')}.${this.linkMac(hash).toString('base64url')}`;
  }

  /** The one-click unsubscribe: a valid token switches product e-mails off for its address. */
  async unsubscribe(token: string): Promise<void> {
    const [hash64, mac64] = token.split('.');
    const hash = Buffer.from(hash64 ?? '', 'base64url');
    const given = Buffer.from(mac64 ?? '', 'base64url');
    if (hash.length !== 32 || !safeEqual(this.linkMac(hash), given)) throw new AppError('not_found', 'This unsubscribe link is not valid.');
    await this.setHash(hash, true);
  }

  /** Tells the sender that a recipient opened their message, unless they switched such e-mails off. */
  async messageOpened(messageId: string): Promise<'sent' | 'off' | 'gone'> {
    if (!this.deps.config.productMail.openedNotices) return 'off';
    const row = await this.deps.db.kysely
      .selectFrom('messages')
      .innerJoin('senders', 'senders.id', 'messages.sender_id')
      .select(['senders.email', 'messages.locale', 'messages.created_at'])
      .where('messages.id', '=', messageId)
      .executeTakeFirst();
    if (!row || !row.email) return 'gone';
    if (await this.isOff(row.email)) return 'off';
    const unsubscribeUrl = `${this.deps.config.publicUrl}${routes.unsubscribe(this.unsubscribeToken(row.email))}`;
    const content = messageOpenedEmail(row.locale === 'en' ? 'en' : 'nl', { sentAt: new Date(row.created_at), unsubscribeUrl });
    await this.deps.notifiers.mail.send({ to: row.email, ...content, unsubscribeUrl });
    return 'sent';
  }
}
