/**
 * Terms for a person's financial situation in Dutch and English: income, debts, benefits, tax and
 * account statements. Business words such as "factuur" or "invoice" are left out on purpose: they
 * are in every company's mail and say nothing about a person; so is a bare "debt" ("technical
 * debt"), which only counts in phrases. Comma-separated; `*` lets a word run on.
 */
export const FINANCE_TERMS =
  'salaris,salarisstrook*,salarisspecificatie*,loonstrook*,loonstroken,loonspecificatie*,' +
  'jaaropgave*,brutoloon,nettoloon,bruto salaris,netto salaris,jaarinkomen,inkomensgegevens,' +
  'inkomensverklaring*,salary,salaries,payslip*,pay slip*,gross salary,net salary,annual income,' +
  'income statement*,belastingaangifte*,aangifte inkomstenbelasting,inkomstenbelasting,' +
  'belastingaanslag*,voorlopige aanslag,tax return*,tax assessment*,income tax,' +
  'schulden,schuldhulp*,schuldsanering,schuldeiser*,wsnp,bewindvoer*,beschermingsbewind,' +
  'budgetbeheer,beslaglegging,loonbeslag,derdenbeslag,beslag gelegd,deurwaarder*,incasso*,' +
  'betalingsachterstand*,huurachterstand*,aanmaning*,ingebrekestelling*,faillissement*,failliet,' +
  'bankruptcy,bankrupt,insolvency,insolvent,debt collect*,debt relief,debt counsel*,personal debt*,' +
  'outstanding debt*,arrears,garnishment*,betalingsregeling*,studieschuld*,belastingschuld*,p60,' +
  'hypotheek*,mortgage*,persoonlijke lening,kredietwaardigheid,bkr,bkr-registratie,credit score,' +
  'credit check,bankafschrift*,rekeningafschrift*,bank statement*,account statement*,banksaldo,' +
  'rekeningsaldo,spaargeld,uitkering*,bijstand*,ww-uitkering,wia-uitkering,wajong,aow,' +
  'zorgtoeslag,huurtoeslag,kinderopvangtoeslag,kindgebonden budget,toeslagen,' +
  'unemployment benefit*,welfare,social assistance,pensioenoverzicht,pension statement*,' +
  'alimentatie,alimony,child support,erfenis,inheritance';
