/** The reports' colours: one per number of stars (1 → 5, red to green), and "not rated". */
export const STAR_COLORS = ["#b42318", "#e04f16", "#ca8a04", "#12b76a", "#027a48"] as const;
export const UNRATED_COLOR = "#94a3b8";

/** A bar for an average rating: green from 4, amber from 3, red below. */
export function averageColor(average: number | null): string {
  if (average === null) return UNRATED_COLOR;
  return average >= 4 ? STAR_COLORS[4] : average >= 3 ? STAR_COLORS[2] : STAR_COLORS[0];
}
