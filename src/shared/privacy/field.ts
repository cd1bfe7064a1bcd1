import { PURPOSES } from './catalogue';
import type { Category, FieldEntry, Form, NoticeItemId, PurposeId, RetentionId, SharedWith } from './types';

/**
 * One inventory entry. The legal basis follows from the purpose; data that is not personal
 * (category `none`) needs none, and saying so keeps the record honest.
 */
export function field(
  category: Category,
  purpose: PurposeId,
  retention: RetentionId,
  form: Form,
  holds: string,
  more: { item?: NoticeItemId; sharedWith?: readonly SharedWith[] } = {},
): FieldEntry {
  return {
    category,
    holds,
    form,
    purpose,
    basis: category === 'none' ? 'not-personal' : PURPOSES[purpose].basis,
    retention,
    ...more,
  };
}
