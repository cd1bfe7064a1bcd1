import { makeStyles, tokens } from '@fluentui/react-components';
import { cardStyle } from '../../components/card-style';

export const usePrivacyStyles = makeStyles({
  card: cardStyle,
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  /** Label and value side by side while they fit, the value under its label when the pane is narrow. */
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6rem, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: 'anywhere' },
  json: { fontFamily: tokens.fontFamilyMonospace, minHeight: '10rem' },
  subheading: { margin: 0 },
});
