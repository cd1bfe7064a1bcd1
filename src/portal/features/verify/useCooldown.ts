import * as React from 'react';

/**
 * A countdown in whole seconds, for the "send a new code" button: it keeps people from asking for
 * codes faster than they can arrive (the service rate-limits as well; this only avoids the error).
 */
export function useCooldown(seconds: number): { remaining: number; start: () => void } {
  const [deadline, setDeadline] = React.useState<number | null>(null);
  const [now, setNow] = React.useState(() => Date.now());

  React.useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline) setDeadline(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);

  const start = React.useCallback(() => {
    const current = Date.now();
    setNow(current);
    setDeadline(current + seconds * 1000);
  }, [seconds]);

  const remaining = deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
  return { remaining, start };
}
