import { makeStyles } from '@fluentui/react-components';
import { paneLayout } from './pane-layout';

/**
 * The pane's frame and the layout every feature section shares, as classes, for the screens after
 * sign-in (they are loaded on demand, and Griffel's run-time compiler with them). The first screen
 * uses the same objects inline: see `pane-layout.ts`.
 */
export const usePaneStyles = makeStyles(paneLayout);
