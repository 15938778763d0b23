import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Watches this process's event loop (Node's own delay histogram) until `stop`, which answers the
 * longest stall seen, in milliseconds: how long any other request would have waited to start.
 */
export function watchEventLoopStalls(): { stop(): number } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      return histogram.max / 1e6;
    },
  };
}
