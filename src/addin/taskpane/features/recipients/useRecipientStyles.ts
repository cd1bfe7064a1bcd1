import { makeStyles, tokens } from '@fluentui/react-components';

export const useRecipientStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  address: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  privacy: { color: tokens.colorNeutralForeground3 },
});
