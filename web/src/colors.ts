// One fill colour per school, chosen so that neighbouring schools' catchments differ.
import type { School } from "./gen/planning/v1/schools_pb";

// Qualitative fill colours (ColorBrewer Set3 without its grey, and three from Set2); no pure
// red: red is kept for schools over their limits.
const PALETTE = [
  "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
  "#bc80bd", "#ccebc5", "#ffed6f", "#e5c494", "#8da0cb", "#e78ac3",
];

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

// "Redmean" approximation of perceived colour difference.
function distance(a: Rgb, b: Rgb): number {
  const r = (a[0] + b[0]) / 2;
  const dr = a[0] - b[0], dg = a[1] - b[1], db = a[2] - b[2];
  return Math.sqrt((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db);
}

/** What the colouring needs of a residential area: where it is and its current schools. */
export interface AreaForColouring {
  centroidLon: number;
  centroidLat: number;
  schoolPrimaryCode: string;
  schoolJuniorCode: string;
}

const AREA_NEIGHBOURS = 6;
const SCHOOL_NEIGHBOURS = 4;

/**
 * One colour per school such that schools whose catchments touch get clearly different colours.
 * Touching is estimated from the base data: two schools are neighbours when some of their areas
 * are among each other's nearest areas (by centroid), weighted by how often; schools close to
 * each other (e.g. new schools without areas yet) are neighbours too. Colours are then chosen
 * greedily, most-connected school first, each taking the palette colour farthest from its
 * neighbours' colours. Deterministic, so a school keeps its colour across runs, terms and levels.
 */
export function assignSchoolColours(schools: School[], areas: AreaForColouring[]): Map<string, string> {
  const cos = Math.cos((39.7 * Math.PI) / 180);
  const weight = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, w: number) => {
    if (!a || !b || a === b) return;
    for (const [x, y] of [[a, b], [b, a]]) {
      let m = weight.get(x);
      if (!m) weight.set(x, (m = new Map()));
      m.set(y, (m.get(y) ?? 0) + w);
    }
  };
  // Areas: k nearest by centroid, on a coarse grid to stay fast.
  const cell = 0.02;
  const grid = new Map<string, number[]>();
  const px = areas.map((a) => [a.centroidLon * cos, a.centroidLat] as const);
  px.forEach(([x, y], i) => {
    const k = `${Math.floor(x / cell)}|${Math.floor(y / cell)}`;
    (grid.get(k) ?? grid.set(k, []).get(k)!).push(i);
  });
  px.forEach(([x, y], i) => {
    const gx = Math.floor(x / cell), gy = Math.floor(y / cell);
    const near: { j: number; d: number }[] = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(`${gx + dx}|${gy + dy}`) ?? []) {
          if (j !== i) near.push({ j, d: (px[j][0] - x) ** 2 + (px[j][1] - y) ** 2 });
        }
      }
    }
    near.sort((a, b) => a.d - b.d);
    for (const { j } of near.slice(0, AREA_NEIGHBOURS)) {
      add(areas[i].schoolPrimaryCode, areas[j].schoolPrimaryCode, 1);
      add(areas[i].schoolJuniorCode, areas[j].schoolJuniorCode, 1);
    }
  });
  // Schools: a few nearest schools, so that schools without areas are placed too.
  const sp = schools.map((s) => [s.lon * cos, s.lat] as const);
  schools.forEach((s, i) => {
    schools
      .map((o, j) => ({ o, d: (sp[i][0] - sp[j][0]) ** 2 + (sp[i][1] - sp[j][1]) ** 2 }))
      .filter((x) => x.o.code !== s.code)
      .sort((a, b) => a.d - b.d)
      .slice(0, SCHOOL_NEIGHBOURS)
      .forEach((x, rank) => add(s.code, x.o.code, 2 / (rank + 1)));
  });

  const strength = (code: string) => [...(weight.get(code)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const order = [...schools].sort((a, b) => strength(b.code) - strength(a.code) || a.code.localeCompare(b.code));
  const colours = PALETTE.map(rgb);
  const chosen = new Map<string, string>();
  const used = new Map<string, number>();
  for (const school of order) {
    const neighbours = [...(weight.get(school.code) ?? new Map<string, number>())].filter(([c]) => chosen.has(c));
    let best = 0;
    let bestScore = -Infinity;
    PALETTE.forEach((hex, c) => {
      // The weakest separation from any neighbour, stronger neighbours counting more.
      let score = 1e6;
      for (const [code, w] of neighbours) {
        const d = distance(colours[c], rgb(chosen.get(code)!));
        score = Math.min(score, d / Math.log2(2 + w));
      }
      score -= (used.get(hex) ?? 0) * 0.25;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    });
    chosen.set(school.code, PALETTE[best]);
    used.set(PALETTE[best], (used.get(PALETTE[best]) ?? 0) + 1);
  }
  return chosen;
}

/** The colour with an alpha, for fills. */
export function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = rgb(hex);
  return `rgba(${r},${g},${b},${alpha})`;
}

/** A darker shade of the colour, for outlines. */
export function darker(hex: string, factor = 0.6): string {
  const [r, g, b] = rgb(hex);
  return `rgb(${Math.round(r * factor)},${Math.round(g * factor)},${Math.round(b * factor)})`;
}

export const STATUS_COLOURS = {
  within: "#2e9d4f",
  over: "#d7191c",
  new: "#1f6fd1",
  expanded: "#8e44ad",
  closed: "#ffffff",
} as const;

export const FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
