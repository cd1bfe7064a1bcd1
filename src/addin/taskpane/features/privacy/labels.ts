import type { PrivacyRequestType } from '../../../../shared/protocol/privacy-api';
import type { TextKey as MessageKey } from './texts';

export const REQUEST_TYPES: Record<PrivacyRequestType, MessageKey> = {
  access: 'privacyTypeAccess',
  rectify: 'privacyTypeRectify',
  erase: 'privacyTypeErase',
  object: 'privacyTypeObject',
};
