import { makeStyles, tokens } from '@fluentui/react-components';

export const useFindingsStyles = makeStyles({
  reasons: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  reason: { marginBottom: tokens.spacingVerticalXS },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  preview: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});
