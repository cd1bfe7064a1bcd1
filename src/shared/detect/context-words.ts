/**
 * Labels that say what a nearby value is, in Dutch and English. Comma-separated; several words
 * match with up to two non-word characters between them, `*` matches a word's start.
 */

export const BSN_LABELS =
  'bsn,bsnnummer*,burgerservicenummer*,burgerservicenr,burger service nummer,' +
  'burgerservice nummer,sofinummer*,sofi nummer,sofinr,sofi nr,persoonsgebonden nummer,pgn,' +
  'citizen service number*,social security number*,ssn,fiscaal nummer,fiscal number,' +
  'tax identification number';

export const OTHER_NUMBER_LABELS =
  'order,orders,ordernummer*,ordernr,bestelnummer*,bestelling,bestelnr,factuur,facturen,' +
  'factuurnummer*,factuurnr,invoice,invoices,klantnummer*,klantnr,customer,' +
  'referentie,referentienummer*,reference,ref,kenmerk,' +
  'zaaknummer*,zaaknr,dossiernummer*,dossiernr,artikelnummer*,artikelnr,article,sku,tracking,' +
  'track,trace,zending,zendingnummer*,pakket,pakketnummer*,verzendnummer*,transactie*,' +
  'transaction*,ticket,ticketnummer*,polisnummer*,polis,policy number,contract*,' +
  'relatienummer*,lidnummer*,lidmaatschapsnummer*,debiteurnummer*,' +
  'crediteurnummer*,kvk,chamber of commerce,btw,vat,' +
  'tel,telefoon*,phone,mobiel,mobile,fax,bedrag,amount,totaal,total,eur,euro,euros,postcode,' +
  'zip,serienummer*,serial,ean,isbn,batch,account number,rekeningnummer*,' +
  'meldingsnummer*,aanvraagnummer*,registratienummer*,vergunningnummer*,pincode,personeelsnummer*,' +
  'medewerkernummer*,employee,staff number,lotnummer*,lot number,versie,version';

export const CARD_LABELS =
  'creditcard*,credit card*,debit card*,kaartnummer*,card number,card no,visa,mastercard,' +
  'maestro,amex,american express,cvc,cvv,vervaldatum,expiry,expiration,betaalkaart,bankpas';

export const PHONE_LABELS =
  'tel,telefoon*,telefonisch,phone,mobiel,mobile,mob,gsm,bel,bellen,belt,call,whatsapp,sms,fax,' +
  'bereikbaar,reachable,cell';

export const DOCUMENT_LABELS =
  'paspoort*,documentnummer*,document number,document no,identiteitskaart*,id-kaart*,idkaart*,' +
  'id kaart,identiteitsbewijs*,id-bewijs,idbewijs,reisdocument*,passport*,identity card*,' +
  'id card,id-card,identity document*,travel document*';

export const BIRTH_LABELS =
  'geboortedatum,geb,geb datum,gebdatum,geboren,geboortedag,date of birth,d o b,dob,birth date,' +
  'birthdate,born,birthday,verjaardag';

export const PERSON_LABELS =
  'dhr,mevr,mevrouw,meneer,de heer,mw,mr,mrs,ms,miss,patient,patiente,client,clienten,' +
  'clients,naam,name,cliente,zoon,dochter,kind,son,daughter,child';
