/** The data inventory and everything generated from it: the privacy notice and the record of processing. */
export * from './types';
export { DATABASE_INVENTORY, type DatabaseInventory } from './database-inventory';
export {
  INVENTORY,
  INVENTORY_VERSION,
  BLOB_FIELDS,
  LOG_FIELDS,
  MEMORY_FIELDS,
  DEVELOPMENT_FIELDS,
  ADDIN_FIELDS,
  PORTAL_FIELDS,
  declaredColumns,
  isDeclaredLogKey,
} from './inventory';
export { LEGAL_BASES, LOCATIONS, NOTICE_ITEMS, PERIODS, PURPOSES, RETENTION, SHARED_WITH, PROCESSOR_ROLES } from './catalogue';
export { privacyNotice, noticeText, type PrivacyNotice, type NoticeSection, type Block, type Inline } from './notice';
export { noticeHtml, NOTICE_STYLE, escapeHtml } from './notice-html';
export { recordOfProcessing } from './record';
