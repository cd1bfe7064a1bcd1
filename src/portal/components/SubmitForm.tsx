import type * as React from 'react';

export interface SubmitFormProps {
  className?: string;
  /** Runs on submit, instead of the browser's own submission and its validation bubbles. */
  onSubmit: () => unknown;
  children: React.ReactNode;
}

/** A form whose fields the page checks itself: Enter submits, nothing reloads the page. */
export function SubmitForm({ className, onSubmit, children }: SubmitFormProps) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
