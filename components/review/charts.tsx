/**
 * Server-rendered SVG charts for 统计: no chart library and no JavaScript reach the browser, nothing is fetched.
 * Each chart is an image with a text alternative, and the page shows the same numbers in a table beside it.
 */

// Colours come from the design tokens through classes in review.css (.chart-bar, .chart-bar-2, .chart-axis): SVG
// presentation attributes cannot read CSS custom properties.

/** Horizontal bars, one per category (by type, by status). */
export function BarChart({ title, data }: { title: string; data: { label: string; count: number }[] }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const rowH = 28;
  const labelW = 150;
  const barW = 320;
  const height = Math.max(1, data.length) * rowH + 8;
  const alt = `${title}：${data.map((d) => `${d.label}${d.count}件`).join("，") || "暂无数据"}`;
  return (
    <svg
      role="img"
      aria-label={alt}
      viewBox={`0 0 ${labelW + barW + 60} ${height}`}
      width={labelW + barW + 60}
      className="chart"
    >
      {data.map((d, i) => {
        const y = i * rowH + 4;
        const w = Math.max(d.count > 0 ? 2 : 0, Math.round((d.count / max) * barW));
        return (
          <g key={d.label}>
            <text x={labelW - 8} y={y + 17} textAnchor="end" fontSize="13">
              {d.label}
            </text>
            <rect x={labelW} y={y + 3} width={w} height={rowH - 10} className="chart-bar" rx="2" />
            <text x={labelW + w + 6} y={y + 17} fontSize="13">
              {d.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Paired columns per month: submitted and decided. */
export function MonthChart({
  title,
  data,
}: {
  title: string;
  data: { month: string; submitted: number; decided: number }[];
}) {
  const max = Math.max(1, ...data.flatMap((d) => [d.submitted, d.decided]));
  const colW = 44;
  const plotH = 160;
  const left = 36;
  const width = left + data.length * colW + 10;
  const height = plotH + 50;
  const y = (v: number) => 10 + plotH - Math.round((v / max) * plotH);
  const alt = `${title}：${data.map((d) => `${d.month}申报${d.submitted}件、办结${d.decided}件`).join("，")}`;
  return (
    <svg role="img" aria-label={alt} viewBox={`0 0 ${width} ${height}`} width={width} className="chart">
      <line x1={left} y1={10 + plotH} x2={width - 6} y2={10 + plotH} className="chart-axis" />
      <text x={left - 6} y={14} textAnchor="end" fontSize="11" className="chart-axis">
        {max}
      </text>
      <text x={left - 6} y={10 + plotH} textAnchor="end" fontSize="11" className="chart-axis">
        0
      </text>
      {data.map((d, i) => {
        const x = left + i * colW + 6;
        return (
          <g key={d.month}>
            <rect x={x} y={y(d.submitted)} width={14} height={10 + plotH - y(d.submitted)} className="chart-bar" />
            <rect x={x + 16} y={y(d.decided)} width={14} height={10 + plotH - y(d.decided)} className="chart-bar-2" />
            <text x={x + 15} y={plotH + 26} textAnchor="middle" fontSize="11">
              {d.month.slice(2).replace("-", ".")}
            </text>
          </g>
        );
      })}
      <rect x={left} y={plotH + 36} width={10} height={10} className="chart-bar" />
      <text x={left + 14} y={plotH + 45} fontSize="11">
        申报
      </text>
      <rect x={left + 56} y={plotH + 36} width={10} height={10} className="chart-bar-2" />
      <text x={left + 70} y={plotH + 45} fontSize="11">
        办结
      </text>
    </svg>
  );
}
