"use client";
import { Group } from "@visx/group";
import { Bar } from "@visx/shape";
import { scaleBand, scaleLinear } from "@visx/scale";

export interface BarDatum {
  label: string;
  /** Null: nothing to judge (no bar, shown as "–" in the table beside the chart). */
  value: number | null;
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 8, bottom: 48, left: 40 };

/**
 * A plain bar chart (visx: scales and SVG shapes, no runtime of its own). The chart is a picture
 * of the table beside it, which screen readers read instead: the SVG is labelled by the section's
 * heading and its texts are hidden from them.
 */
export function BarChart({ data, max, unit, labelledBy }: { data: BarDatum[]; max?: number; unit: string; labelledBy: string }) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = max ?? Math.max(1, ...data.map((d) => d.value ?? 0));
  const x = scaleBand<string>({ domain: data.map((d) => d.label), range: [0, innerWidth], padding: 0.25 });
  const y = scaleLinear<number>({ domain: [0, top], range: [innerHeight, 0], nice: true });
  const ticks = y.ticks(4);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-2xl" role="img" aria-labelledby={labelledBy}>
      <Group left={MARGIN.left} top={MARGIN.top} aria-hidden="true">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={0} x2={innerWidth} y1={y(t)} y2={y(t)} stroke="#d0d5dd" />
            <text x={-6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={11} fill="#475467">
              {`${t}${unit}`}
            </text>
          </g>
        ))}
        {data.map((d) => {
          const barX = x(d.label) ?? 0;
          const value = d.value ?? 0;
          return (
            <g key={d.label}>
              {d.value !== null ? <Bar x={barX} y={y(value)} width={x.bandwidth()} height={innerHeight - y(value)} fill="#1d4f91" /> : null}
              <text x={barX + x.bandwidth() / 2} y={innerHeight + 14} textAnchor="middle" fontSize={10} fill="#344054">
                {d.label}
              </text>
            </g>
          );
        })}
      </Group>
    </svg>
  );
}
