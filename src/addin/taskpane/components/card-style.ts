import { tokens } from '@fluentui/react-components';

/** One item of a list in the pane (a sent message, an account, a request): a framed column. */
export const cardStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXS,
  padding: tokens.spacingVerticalS,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
} as const;
