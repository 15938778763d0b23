import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Drawn at this width until the frame has been measured (and in DOMs without layout, as in component tests). */
const FALLBACK_WIDTH = 640;

/**
 * The box a chart draws in: it measures its own width (and follows it as the window resizes) and
 * hands it to `children`. `data-drawn` is set once the chart has been drawn at the measured width,
 * so browser tests and `npm run bench ui` know the chart is on screen, whatever it is made of.
 */
export function ChartFrame({ name, label, children }: {
  name: string;
  label: string;
  children: (width: number) => ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = box.current!;
    const measure = () => setWidth(Math.floor(element.getBoundingClientRect().width));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="chart" data-chart={name} data-drawn={width > 0 ? 'true' : undefined} role="img" aria-label={label}>
      {children(width || FALLBACK_WIDTH)}
    </div>
  );
}
