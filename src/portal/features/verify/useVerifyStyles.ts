import { makeStyles, tokens } from '@fluentui/react-components';

export const useVerifyStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    maxWidth: '420px',
  },
  field: { alignSelf: 'stretch' },
  codeInput: {
    fontFamily: tokens.fontFamilyMonospace,
    letterSpacing: '0.3em',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  privacy: {
    color: tokens.colorNeutralForeground3,
    maxWidth: '60ch',
    margin: 0,
  },
});
