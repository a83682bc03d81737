/** One measured figure, with its budget when the issue sets one. */
export interface Figure {
  scenario: string;
  measure: string;
  value: number;
  unit: 'ms' | 's' | 'KB' | 'MB' | '%' | '×' | 'count';
  /** Which statistic and over how many measurements, e.g. "p95 of 200". */
  stat: string;
  /** Passes when value ≤ max. */
  budget?: { max: number; text: string };
  pass?: boolean;
  note?: string;
}

export function figure(input: Omit<Figure, 'pass'>): Figure {
  const pass = input.budget ? Number.isFinite(input.value) && input.value <= input.budget.max : undefined;
  return { ...input, pass };
}

export function formatValue(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 || unit === 'count' ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toFixed(digits);
  return unit === '×' ? `${text}×` : unit === 'count' ? text : `${text} ${unit}`;
}
