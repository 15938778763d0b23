import { useEffect, useState } from 'react';

type Charts = typeof import('./overview-charts.ts');

/**
 * The charts library is the largest chunk: the sign-in page never loads it (index.html preloads
 * nothing beyond the app), and the overview runs it only once a chart has data: run earlier, it
 * competes for the CPU with the overview's requests (measured with `npm run bench ui`). A chart waits for the module in
 * plain state, not in Suspense, whose reveal delay would hold a finished chart back.
 */
let charts: Promise<Charts> | undefined;
let loaded: Charts | undefined;

function loadCharts(): Promise<Charts> {
  return (charts ??= import('./overview-charts.ts').then((module) => (loaded = module)));
}

export function useCharts(): Charts | undefined {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (module) return;
    let current = true;
    void loadCharts().then((ready) => {
      if (current) setModule(ready);
    });
    return () => {
      current = false;
    };
  }, [module]);
  return module;
}
