// Hand-drawn SVG charts: a bar chart of a few counts and a line of a daily series.
// A dozen lines each instead of a chart library; they draw with attributes only, so the
// page's style policy (no inline styles) holds.

const PALETTE = ['#2f6fde', '#17a673', '#f0a202', '#d64545', '#7a52cc', '#1aa3b8'];

export function BarChart({ title, items }) {
  const width = 360;
  const height = 200;
  const top = 20;
  const bottom = 36;
  const max = Math.max(1, ...items.map((i) => i.value));
  const slot = width / Math.max(1, items.length);
  const barWidth = Math.min(48, slot * 0.6);
  return (
    <figure class="chart" data-chart={title}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <line x1="0" y1={height - bottom} x2={width} y2={height - bottom} stroke="#c8ccd4" />
        {items.map((item, index) => {
          const barHeight = ((height - top - bottom) * item.value) / max;
          const x = index * slot + (slot - barWidth) / 2;
          const y = height - bottom - barHeight;
          return (
            <g key={item.label}>
              <rect x={x} y={y} width={barWidth} height={barHeight} fill={PALETTE[index % PALETTE.length]} rx="3" />
              <text x={x + barWidth / 2} y={y - 4} text-anchor="middle" font-size="12" fill="#333">
                {item.value}
              </text>
              <text x={x + barWidth / 2} y={height - bottom + 16} text-anchor="middle" font-size="12" fill="#555">
                {item.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function LineChart({ title, points }) {
  const width = 360;
  const height = 200;
  const pad = 28;
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const xy = points.map((p, i) => [pad + i * step, height - pad - ((height - 2 * pad) * p.value) / max]);
  return (
    <figure class="chart" data-chart={title}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#c8ccd4" />
        <polyline points={xy.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke={PALETTE[0]} stroke-width="2" />
        {xy.map(([x, y], i) => (
          <g key={points[i].label}>
            <circle cx={x} cy={y} r="3" fill={PALETTE[0]} />
            <text x={x} y={height - pad + 14} text-anchor="middle" font-size="10" fill="#555">
              {points[i].label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

// A share of a whole (e.g. active among all users) as a ring.
export function RingChart({ title, part, whole, partLabel, restLabel }) {
  const radius = 60;
  const circumference = 2 * Math.PI * radius;
  const share = whole > 0 ? Math.min(1, part / whole) : 0;
  return (
    <figure class="chart" data-chart={title}>
      <figcaption>{title}</figcaption>
      <svg viewBox="0 0 200 200" role="img" aria-label={title}>
        <circle cx="100" cy="100" r={radius} fill="none" stroke="#e4e7ec" stroke-width="24" />
        <circle
          cx="100"
          cy="100"
          r={radius}
          fill="none"
          stroke={PALETTE[1]}
          stroke-width="24"
          stroke-dasharray={`${circumference * share} ${circumference}`}
          transform="rotate(-90 100 100)"
        />
        <text x="100" y="106" text-anchor="middle" font-size="20" fill="#333">
          {Math.round(share * 100)}%
        </text>
        <text x="100" y="190" text-anchor="middle" font-size="11" fill="#555">
          {partLabel} {part} / {restLabel} {whole}
        </text>
      </svg>
    </figure>
  );
}
