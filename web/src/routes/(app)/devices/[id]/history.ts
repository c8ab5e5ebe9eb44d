import { graphql } from '$lib/graphql/generated/index.js';

export const NumericAttributesQuery = graphql(`
  query NumericAttributes($id: ID!) {
    device(id: $id) {
      id
      numericAttributes
    }
  }
`);

export const AttributeHistoryQuery = graphql(`
  query AttributeHistory($id: ID!, $name: String!, $range: HistoryRange!) {
    device(id: $id) {
      id
      attributeHistory(name: $name, range: $range) {
        name
        range
        unit
        min
        max
        latest
        points {
          at
          min
          max
          average
        }
      }
    }
  }
`);

export interface ChartPoint {
  at: string;
  min: number;
  max: number;
  average: number;
}

/** SVG paths of a chart `width` × `height`: the mean as a line, the min–max spread as a band. */
export function chartPaths(points: readonly ChartPoint[], width: number, height: number) {
  if (points.length === 0) return { line: '', band: '' };
  const times = points.map((p) => new Date(p.at).getTime());
  const low = Math.min(...points.map((p) => p.min));
  const high = Math.max(...points.map((p) => p.max));
  const [first, last] = [times[0]!, times.at(-1)!];
  const x = (t: number) => (last === first ? width / 2 : ((t - first) / (last - first)) * width);
  const y = (v: number) => (high === low ? height / 2 : height - ((v - low) / (high - low)) * height);
  const xy = (t: number, v: number) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`;
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${xy(times[i]!, p.average)}`).join(' ');
  const upper = points.map((p, i) => xy(times[i]!, p.max));
  const lower = points.map((p, i) => xy(times[i]!, p.min)).reverse();
  return { line, band: `M${[...upper, ...lower].join(' L')} Z` };
}
