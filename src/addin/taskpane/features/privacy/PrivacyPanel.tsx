import * as React from 'react';
import { AdminRequestsSection } from './AdminRequestsSection';
import { PersonalDataSection } from './PersonalDataSection';

/**
 * The pane's privacy tab, loaded when it is opened: the sender's own data ("Your data") and, for
 * the organisation's administrators, the data-subject requests to answer ("Privacy requests").
 */
export function PrivacyPanel() {
  // "Try again" reads both sections afresh, including whether the sender is an administrator.
  const [round, setRound] = React.useState(0);
  const retry = React.useCallback(() => setRound((n) => n + 1), []);
  return (
    <React.Fragment key={round}>
      <PersonalDataSection onRetry={retry} />
      <AdminRequestsSection />
    </React.Fragment>
  );
}
