// Fluent's dark theme, a chunk of its own: most panes are light and never load it.
export { webDarkTheme } from '@fluentui/react-components';
