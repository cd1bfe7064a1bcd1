/**
 * The short notice that replaces the e-mail's body: who sent a secure message, the link, until
 * when it can be opened, and that a code will be needed. It holds nothing of the content. Written
 * in the sender's language, with inline styles only, as mail clients drop style sheets.
 */
import type { I18n } from '../../i18n/I18nProvider';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface NoticeInput {
  sender: { name: string; email: string };
  link: string;
  expiresAt: string;
}

export function noticeHtml({ t, formatDate }: Pick<I18n, 't' | 'formatDate'>, { sender, link, expiresAt }: NoticeInput): string {
  const who = sender.name ? `${sender.name} (${sender.email})` : sender.email;
  const p = (text: string, style = '') => `<p style="margin:0 0 12px${style}">${text}</p>`;
  return [
    '<div style="font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:11pt;line-height:1.4">',
    p(escape(t('noticeIntro', { sender: who }))),
    // The address written out too: some clients show links without their target.
    p(`<a href="${escape(link)}">${escape(t('noticeOpen'))}</a><br><span style="font-size:9pt;word-break:break-all">${escape(link)}</span>`),
    p(escape(t('noticeExpiry', { date: formatDate(expiresAt) }))),
    p(escape(t('noticeCode', { sender: sender.name || sender.email }))),
    p(escape(t('noticeFooter')), ';color:#616161;font-size:9pt'),
    '</div>',
  ].join('');
}
