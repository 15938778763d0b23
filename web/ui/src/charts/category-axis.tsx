import { LABEL_ANGLE, LINE_HEIGHT_PX, type CategoryLabels } from './labels.ts';
import { AXIS_TEXT } from './chart-colours.ts';

/** Category names under their bands: wrapped onto lines, or angled, as `layoutCategoryLabels` decided. */
export function CategoryAxisLabels({ layout, centres, y }: { layout: CategoryLabels; centres: readonly number[]; y: number }) {
  return (
    <g className="chart-axis-labels" fill={AXIS_TEXT}>
      {layout.lines.map((lines, index) => layout.mode === 'wrap' ? (
        <text key={index} x={centres[index]} y={y + 12} textAnchor="middle">
          {lines.map((line, row) => <tspan key={row} x={centres[index]} dy={row ? LINE_HEIGHT_PX : 0}>{line}</tspan>)}
        </text>
      ) : (
        <text key={index} textAnchor="end" transform={`translate(${centres[index]! + 4},${y + 8}) rotate(-${LABEL_ANGLE})`}>{lines[0]}</text>
      ))}
    </g>
  );
}
