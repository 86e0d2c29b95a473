import type { CorridorStats } from '@glocal/contracts';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useLocale } from '../../../lib/i18n';
import { formatPercent, formatPeriod } from '../utils/format';

const WIDTH = 640;
const HEIGHT = 280;
const PAD = { top: 16, right: 36, bottom: 36, left: 56 };
const TARGET = 3;
const CEILING = 5;

interface CorridorChartProps {
  quarters: CorridorStats[];
}

/**
 * The corridor's average total cost (USD 200) quarter by quarter, against the SDG 10.c target
 * (3 %) and ceiling (5 %), with SmaRT. A plain SVG: the figures are few, a chart library would
 * weigh more than the page. The same figures follow as a table for screen readers and print.
 */
export function CorridorChart({ quarters }: CorridorChartProps) {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { locale } = useLocale();
  const id = useId();
  const values = quarters.flatMap((q) => [q.averageTotalCost.usd200, q.smart].filter((v): v is number => v !== null));
  const top = Math.ceil(Math.max(CEILING + 1, ...values));
  const bottom = Math.min(0, Math.floor(Math.min(0, ...values)));
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (quarters.length <= 1 ? innerWidth / 2 : (index * innerWidth) / (quarters.length - 1));
  const y = (value: number) => PAD.top + ((top - value) * innerHeight) / (top - bottom);
  const line = (pick: (q: CorridorStats) => number | null) =>
    quarters
      .map((q, index) => ({ value: pick(q), index }))
      .filter((point): point is { value: number; index: number } => point.value !== null)
      .map((point, n) => `${n === 0 ? 'M' : 'L'}${x(point.index).toFixed(1)},${y(point.value).toFixed(1)}`)
      .join(' ');
  const ticks = Array.from({ length: top - bottom + 1 }, (_, i) => bottom + i).filter((tick) => (top - bottom > 10 ? tick % 2 === 0 : true));

  return (
    <figure className="corridor-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} direction="ltr">
        <title id={`${id}-title`}>{formatMessage({ id: 'remittances.corridor.chart_title' })}</title>
        <desc id={`${id}-desc`}>{formatMessage({ id: 'remittances.corridor.chart_description' })}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="corridor-chart__grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="corridor-chart__label">
              {formatPercent(locale, tick, 0)}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(CEILING)} y2={y(CEILING)} className="corridor-chart__ceiling" />
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(TARGET)} y2={y(TARGET)} className="corridor-chart__target" />
        <path d={line((q) => q.smart)} className="corridor-chart__smart" />
        <path d={line((q) => q.averageTotalCost.usd200)} className="corridor-chart__average" />
        {quarters.map((q, index) => (
          <g key={q.period}>
            {q.averageTotalCost.usd200 !== null && <circle cx={x(index)} cy={y(q.averageTotalCost.usd200)} r={4} className="corridor-chart__point" />}
            <text x={x(index)} y={HEIGHT - 12} textAnchor="middle" className="corridor-chart__label">
              {formatPeriod(intl, q.period)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="corridor-chart__legend">
          <li className="corridor-chart__key corridor-chart__key--average">{formatMessage({ id: 'remittances.corridor.legend_average' })}</li>
          <li className="corridor-chart__key corridor-chart__key--smart">{formatMessage({ id: 'remittances.corridor.legend_smart' })}</li>
          <li className="corridor-chart__key corridor-chart__key--target">{formatMessage({ id: 'remittances.corridor.legend_target' })}</li>
          <li className="corridor-chart__key corridor-chart__key--ceiling">{formatMessage({ id: 'remittances.corridor.legend_ceiling' })}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
