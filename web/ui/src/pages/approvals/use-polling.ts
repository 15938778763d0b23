import { useEffect, useRef, useState } from 'react';

const FIRST_DELAY_MS = 1_500;
const MAX_DELAY_MS = 15_000;
const GIVE_UP_AFTER_MS = 5 * 60_000;

/**
 * Calls `refresh` while `active`, slower and slower, and not while the tab is hidden. After five
 * minutes it stops and reports `gaveUp`: the job runner is probably down (Redis mode without
 * `crescendo worker`), and polling on would only load the server.
 */
export function usePolling(active: boolean, refresh: () => void, tick: unknown): { gaveUp: boolean } {
  const started = useRef<number | null>(null);
  const delay = useRef(FIRST_DELAY_MS);
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    if (!active) {
      started.current = null;
      delay.current = FIRST_DELAY_MS;
      setGaveUp(false);
      return;
    }
    started.current ??= Date.now();
    if (Date.now() - started.current > GIVE_UP_AFTER_MS) {
      setGaveUp(true);
      return;
    }
    const timer = setTimeout(() => {
      delay.current = Math.min(MAX_DELAY_MS, delay.current * 1.5);
      if (document.hidden) {
        const resume = () => {
          document.removeEventListener('visibilitychange', resume);
          refresh();
        };
        document.addEventListener('visibilitychange', resume);
      } else refresh();
    }, delay.current);
    return () => clearTimeout(timer);
  }, [active, refresh, tick]);

  return { gaveUp };
}
