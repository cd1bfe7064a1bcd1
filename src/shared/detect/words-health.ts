/**
 * Health terms in Dutch and English: diagnoses, medication, care settings and care words. Chosen to
 * be unambiguous on their own; words that also mean something else ("arts" in English, "patient"
 * as in "be patient", "operatie" of a business) only appear in phrases or compounds that settle the
 * meaning ("de arts", "the patient", "heupoperatie").
 * Comma-separated; `*` lets a word run on (drug stems cover Dutch and English spellings).
 */
export const HEALTH_TERMS =
  // care settings, records and roles
  'huisarts*,huisartsenpost,de arts,uw arts,je arts,jouw arts,behandelend arts,behandelende arts,' +
  'bedrijfsarts,arbo-arts,verzekeringsarts,jeugdarts,kinderarts,schoolarts,oogarts,longarts,kno-arts,tandarts,' +
  'op de ic,intensive care,ziekenhuis*,polikliniek*,spoedeisende hulp,ggz,' +
  'psychiat*,psycholoog,psychologe,psychologist,psychotherap*,fysiotherap*,physiotherap*,' +
  'verpleegkundig*,verloskundig*,verpleeghuis*,nursing home,thuiszorg,wijkverpleg*,jeugdzorg,jeugdhulp,' +
  'revalidatie*,apotheek,apotheker,pharmacy,pharmacist,hospital,hospitals,hospitalised,' +
  'hospitalized,hospitalisation,hospitalization,outpatient,inpatient,emergency department,' +
  'de patient,onze patient,uw patient,the patient,a patient,our patient,your patient,patienten,' +
  'patients,patiente,patientdossier,medisch dossier,medische gegevens,medische informatie,' +
  'medische verklaring,medische keuring,medische voorgeschiedenis,medical record*,' +
  'medical history,medical condition*,medical certificate,health record*,patient record*,' +
  'zorgdossier,behandelplan,zorgplan,treatment plan,care plan,anamnese,ziektebeeld,' +
  'ziektegeschiedenis,ziekmelding*,ziekteverzuim,ziekteverlof,verzuimdossier,arbeidsongeschikt*,' +
  'sick leave,sick note,' +
  // diagnosis and tests
  'diagnosed,gediagnosticeerd,biopsie,biopsy,mri,ct scan,ct-scan,' +
  'rontgen*,x-ray,bloedonderzoek,blood test*,labuitslag*,lab results,' +
  // conditions
  'kanker,longkanker,borstkanker,darmkanker,huidkanker,prostaatkanker,cancer,tumor*,tumour*,' +
  'uitzaaiing*,metastas*,leukemie,leukemia,leukaemia,lymfoom,lymphoma,melanoom,melanoma,' +
  'oncolog*,chemotherap*,chemokuur,chemo,anesthesi*,anaesthe*,radiotherap*,bestraling*,diabet*,suikerziekte,insulin*,' +
  'hartinfarct,hartaanval,heart attack,hartfalen,heart failure,beroerte,herseninfarct,epilep*,' +
  'astma,asthma*,copd,longontsteking,pneumonia,hiv,aids-patient,hepatitis,tuberculose,' +
  'tuberculosis,soa,chlamydia,syfilis,syphilis,gonorroe,gonorrhoea,gonorrhea,covid,' +
  'depressie*,depressief,depression,depressive,angststoornis*,paniekstoornis*,anxiety disorder*,' +
  'panic disorder*,eetstoornis*,eating disorder*,persoonlijkheidsstoornis*,' +
  'personality disorder*,burn-out,burnout,ptss,ptsd,adhd,autisme,autistisch,autism,autistic,' +
  'bipola*,schizofren*,schizophren*,psychose,psychosis,psychotisch,psychotic,dementie,dementia,' +
  'alzheimer*,parkinson*,multiple sclerose,multiple sclerosis,reuma*,artrose,arthritis,' +
  'obesitas,obesity,anorexia,boulimia,bulimia,verslaving*,addiction*,suicid*,zelfmoord*,' +
  'zelfbeschadiging,self-harm,dialyse,dialysis,nierfalen,kidney failure,transplantatie*,' +
  'geopereerd,operatief,heupoperatie,knieoperatie,hartoperatie,staaroperatie,zwanger*,pregnan*,miskraam,miscarriage,abortus,abortion,ivf,' +
  // medication
  'medicatie*,medicijn*,geneesmiddel*,medication*,paracetamol,ibuprofen,metformin*,sertralin*,citalopram*,fluoxetin*,paroxetin*,' +
  'venlafaxin*,lithium,methylfenidaat,methylphenidate,ritalin*,quetiapin*,olanzapin*,risperido*,' +
  'haloperido*,oxazepam,diazepam,lorazepam,temazepam,omeprazo*,pantoprazo*,simvastatin*,' +
  'atorvastatin*,metoprolo*,amlodipin*,lisinopri*,losarta*,furosemid*,acenocoumarol,warfarin*,' +
  'clopidogre*,prednis*,morfine,morphine,oxycod*,tramado*,fentany*,methado*,amoxicill*,' +
  'antibiotic*,antidepressiv*,antipsychotic*,levothyrox*,salbutamol,lamotrigin*,levetiracetam,valpro*';

/**
 * Health words that are just as often about something else ("a diagnosis of the outage", "surgery
 * hours"). They only count in a text that also has one of the terms above.
 */
export const WEAK_HEALTH_TERMS =
  'diagnose,diagnoses,diagnosis,surgery,operatie,prescription*,dosering,dosage,bijwerking*,' +
  'side effect*';
