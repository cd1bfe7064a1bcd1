/**
 * The first screen's busy sign ("Loading", "Signing in"): an SVG ring turned by SMIL, so it needs
 * neither Fluent's Spinner nor a stylesheet, and keeps about 3 KB gzip out of what the pane runs
 * before its first render. Announced as a status with its label, as Fluent's Spinner is.
 */
import { tokens } from '@fluentui/react-components';

export interface PaneSpinnerProps {
  label: string;
  size?: 'tiny' | 'medium';
}

export function PaneSpinner({ label, size = 'medium' }: PaneSpinnerProps) {
  const px = size === 'tiny' ? 20 : 32;
  return (
    <div role="status" style={{ display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: size === 'tiny' ? 'flex-start' : 'center' }}>
      <svg width={px} height={px} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <circle cx="16" cy="16" r="13" fill="none" stroke={tokens.colorBrandStroke2} strokeWidth="3" />
        <circle cx="16" cy="16" r="13" fill="none" stroke={tokens.colorBrandStroke1} strokeWidth="3" strokeLinecap="round" strokeDasharray="20 62">
          <animateTransform attributeName="transform" type="rotate" from="0 16 16" to="360 16 16" dur="1.2s" repeatCount="indefinite" />
        </circle>
      </svg>
      <span style={{ fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1 }}>{label}</span>
    </div>
  );
}
