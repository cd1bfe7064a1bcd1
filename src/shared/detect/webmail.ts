/** Personal mailbox providers common in the Netherlands and Belgium, and the big international ones. */
export const WEBMAIL_DOMAINS =
  'gmail.com,googlemail.com,hotmail.com,hotmail.nl,hotmail.be,hotmail.co.uk,outlook.com,outlook.nl,' +
  'outlook.be,live.com,live.nl,live.be,msn.com,yahoo.com,yahoo.nl,yahoo.co.uk,ymail.com,icloud.com,' +
  'me.com,mac.com,aol.com,gmx.com,gmx.net,gmx.de,web.de,t-online.de,mail.com,proton.me,' +
  'protonmail.com,pm.me,tutanota.com,tuta.io,zoho.com,yandex.com,ziggo.nl,kpnmail.nl,kpnplanet.nl,' +
  'planet.nl,home.nl,hetnet.nl,chello.nl,casema.nl,upcmail.nl,xs4all.nl,telfort.nl,tele2.nl,' +
  'online.nl,quicknet.nl,zeelandnet.nl,caiway.nl,solcon.nl,freeler.nl,onsbrabantnet.nl,' +
  'telenet.be,skynet.be,proximus.be';
