/**
 * The baseline of bench/taskpane.ts: a bare React 18 + Fluent UI v9 page, the "hello world" a task
 * pane starts from. A FluentProvider with the web light theme, a heading in Text and a primary
 * Button, rendered in StrictMode as soon as the script runs. It is built with the task pane's own
 * webpack settings and served from the same HTML template (so it loads the same Office.js first).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, Text, webLightTheme } from '@fluentui/react-components';

function Hello() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Text as="h1" id="bare-title" size={500} weight="semibold">
          Hello
        </Text>
        <Button appearance="primary">Sign in</Button>
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Hello />
    </StrictMode>,
  );
}
