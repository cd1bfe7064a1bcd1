import { makeStyles, tokens } from '@fluentui/react-components';
import { cardStyle } from '../../components/card-style';

export const useSentStyles = makeStyles({
  item: cardStyle,
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  recipients: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  recipient: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { overflowWrap: 'anywhere', minWidth: 0 },
});
