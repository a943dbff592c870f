/** A chart with the table behind it: its accessible alternative, and its CSV download. */
import type { Chart } from '../../core/charts/types.ts';
import type { Table } from './table.ts';

export interface ChartView {
  chart: Chart;
  table: Table;
}
