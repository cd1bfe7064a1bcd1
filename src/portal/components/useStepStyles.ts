import { makeStyles, tokens } from '@fluentui/react-components';

export const useStepStyles = makeStyles({
  step: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  // Headings take focus only by script (tabIndex -1) to guide screen readers; they are not
  // controls, so a focus ring on them would only suggest otherwise.
  heading: {
    margin: 0,
    outlineStyle: 'none',
  },
  paragraph: { margin: 0 },
});
