// Rules of the national standard the page needs to colour and explain (docs/DOMAIN.md).
import { SchoolKind, SchoolLevel, SchoolPart } from "./gen/planning/v1/common_pb";
import type { Rules } from "./gen/planning/v1/rules_pb";
import type { School } from "./gen/planning/v1/schools_pb";
import type { SchoolTermResult, Violation } from "./gen/planning/v1/simulation_pb";
import { ViolationKind } from "./gen/planning/v1/simulation_pb";

/** The base term of the data: base-data views (no run) show this term. */
export const BASE_TERM = "2020-autumn";

/**
 * The limits in force on the server (RulesService.GetRules): the page writes none of its own. A run's
 * results carry the server's judgement already (SchoolTermResult.size_limit, Violation.limit); these
 * serve the base data, which has no result, and the seats shown (tracks × class limit).
 */
export interface Limits {
  classLimit: (grade: number) => number;
  sizeLimit: (level: SchoolLevel) => number;
  /** "45 (1–6) / 50 (7–9)", for notes. */
  classLimitsText: string;
  /** Every grade of the bands, in order (1–9); per-grade arrays are indexed grade − 1. */
  grades: number[];
  /** The grades of a part, in order: its band's first to last grade. */
  gradesOf: (part: SchoolPart) => number[];
  partOfGrade: (grade: number) => SchoolPart;
  /** "小学 primary (1–6)": the part's name and its band's grades. */
  partLabel: (part: SchoolPart) => string;
}

/** The grade bands (GetRules) are the page's only source of which grades belong to which part. */
export function limitsOf(rules: Rules): Limits {
  const bands = [...rules.gradeBands].sort((a, b) => a.firstGrade - b.firstGrade);
  const band = (grade: number) => bands.find((b) => grade >= b.firstGrade && grade <= b.lastGrade);
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const bandOf = (part: SchoolPart) => bands.find((b) => b.part === part);
  const gradesOf = (part: SchoolPart) => {
    const b = bandOf(part);
    return b ? range(b.firstGrade, b.lastGrade) : [];
  };
  return {
    classLimit: (grade) => band(grade)?.classLimit ?? 0,
    sizeLimit: (level) => (level === SchoolLevel.NINE_YEAR ? rules.nineYearSizeLimit : rules.schoolSizeLimit),
    classLimitsText: bands.map((b) => `${b.classLimit} (${b.firstGrade}–${b.lastGrade})`).join(" / "),
    grades: bands.flatMap((b) => range(b.firstGrade, b.lastGrade)),
    gradesOf,
    partOfGrade: (grade) => band(grade)?.part ?? SchoolPart.UNSPECIFIED,
    partLabel: (part) => {
      const b = bandOf(part);
      return `${partName(part)}${b ? ` (${b.firstGrade}–${b.lastGrade})` : ""}`;
    },
  };
}

/** The sum of a per-grade array (index grade − 1) over a part's grades. */
export function partStudents(students: number[], part: SchoolPart, limits: Limits): number {
  return limits.gradesOf(part).reduce((a, g) => a + (students[g - 1] ?? 0), 0);
}

/** Does a school of this level teach grades of this part? */
export function servesPart(level: SchoolLevel, part: SchoolPart): boolean {
  if (level === SchoolLevel.NINE_YEAR) return true;
  return part === SchoolPart.PRIMARY ? level === SchoolLevel.PRIMARY : level === SchoolLevel.JUNIOR;
}

export function teachesGrade(level: SchoolLevel, grade: number, limits: Limits): boolean {
  return servesPart(level, limits.partOfGrade(grade));
}

/** Tracks in force for a grade's part. */
export function tracksOfGrade(f: SchoolFigures, grade: number, limits: Limits): number {
  return limits.partOfGrade(grade) === SchoolPart.PRIMARY ? f.primaryTracks : f.juniorTracks;
}

/** Sortable key of a term string "YYYY-autumn" / "YYYY-spring" (spring follows the autumn of the year before). */
export function termKey(term: string): number {
  const m = /^(\d{4})-(autumn|spring)$/.exec(term);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  return m[2] === "autumn" ? year * 2 : (year - 1) * 2 + 1;
}

/** "2020-autumn" → "2020 秋季学期"; the contract's string stays visible in titles. */
export function termLabel(term: string): string {
  const m = /^(\d{4})-(autumn|spring)$/.exec(term);
  if (!m) return term;
  return `${m[1]}年${m[2] === "autumn" ? "秋季" : "春季"}`;
}

/** Tracks in force in a term: the last capacity step starting at or before it (0 before the school opens). */
export function tracksIn(school: School, term: string): { primary: number; junior: number; open: boolean } {
  const key = termKey(term);
  let found: { primary: number; junior: number; open: boolean } = { primary: 0, junior: 0, open: false };
  const steps = [...school.capacity].sort((a, b) => termKey(a.fromTerm) - termKey(b.fromTerm));
  for (const step of steps) {
    if (termKey(step.fromTerm) <= key) {
      found = { primary: step.primaryTracks, junior: step.juniorTracks, open: true };
    }
  }
  return found;
}

/** One school's figures in one term, from a run or computed from the base data. */
export interface SchoolFigures {
  code: string;
  name: string;
  level: SchoolLevel;
  kind: SchoolKind;
  open: boolean;
  enrolment: number[];
  classes: number[];
  largestClass: number[];
  total: number;
  sizeLimit: number;
  primaryTracks: number;
  juniorTracks: number;
  /** Grades over their limit: the run's CLASS_SIZE violations, or for the base data tracks × class limit. */
  gradesOver: number[];
  /** Students without a seat within the limits (the run's SEATS_SHORT violation); 0 for the base data. */
  seatsShort: number;
  /** Where the figures come from: a run's term result or the base data. */
  source: "run" | "base";
}

/** Classes needed ⌈students / limit⌉ and the largest class ⌈students / classes⌉, as the engine reports them. */
export function baseFigures(school: School, limits: Limits, term: string = BASE_TERM): SchoolFigures {
  const tracks = tracksIn(school, term);
  const { classLimit, grades } = limits;
  const enrolment = grades.map((g) => school.enrolment[g - 1] ?? 0);
  const classes = enrolment.map((s, i) => (s > 0 ? Math.ceil(s / classLimit(grades[i])) : 0));
  const largestClass = enrolment.map((s, i) => (classes[i] > 0 ? Math.ceil(s / classes[i]) : 0));
  const capacity = (g: number) => (limits.partOfGrade(g) === SchoolPart.PRIMARY ? tracks.primary : tracks.junior) * classLimit(g);
  const gradesOver = grades.filter((g) => {
    const n = enrolment[g - 1];
    return n > 0 && (n > capacity(g) || largestClass[g - 1] > classLimit(g));
  });
  return {
    code: school.code,
    name: school.name,
    level: school.level,
    kind: school.kind,
    open: tracks.open,
    enrolment,
    classes,
    largestClass,
    total: enrolment.reduce((a, b) => a + b, 0),
    sizeLimit: limits.sizeLimit(school.level),
    primaryTracks: tracks.primary,
    juniorTracks: tracks.junior,
    gradesOver,
    seatsShort: 0,
    source: "base",
  };
}

/**
 * A school's figures in a run's term, judged by the server: its size limit and its violations. The
 * per-grade arrays stay as the server sent them (one value a grade); a missing grade reads as 0.
 */
export function runFigures(school: School | undefined, r: SchoolTermResult, violations: Violation[]): SchoolFigures {
  const mine = violations.filter((v) => v.schoolCode === r.schoolCode);
  return {
    code: r.schoolCode,
    name: r.schoolName || school?.name || r.schoolCode,
    level: r.level || school?.level || SchoolLevel.UNSPECIFIED,
    kind: school?.kind ?? SchoolKind.UNSPECIFIED,
    open: r.open,
    enrolment: [...r.enrolment],
    classes: [...r.classes],
    largestClass: [...r.largestClass],
    total: r.total,
    sizeLimit: r.sizeLimit,
    primaryTracks: r.primaryTracks,
    juniorTracks: r.juniorTracks,
    gradesOver: [...new Set(mine.filter((v) => v.kind === ViolationKind.CLASS_SIZE).map((v) => v.grade))].sort((a, b) => a - b),
    seatsShort: mine.filter((v) => v.kind === ViolationKind.SEATS_SHORT).reduce((a, v) => a + (v.value - v.limit), 0),
    source: "run",
  };
}

/** Capacity of a grade: tracks × class limit. */
export function gradeCapacity(f: SchoolFigures, grade: number, limits: Limits): number {
  return tracksOfGrade(f, grade, limits) * limits.classLimit(grade);
}

/** A grade is over its limit (as the figures' source judged it). */
export function gradeOver(f: SchoolFigures, grade: number): boolean {
  return f.gradesOver.includes(grade);
}

export type SchoolStatus = "over" | "new" | "expanded" | "within" | "closed";

export const STATUS_LABELS: Record<SchoolStatus, string> = {
  within: "达标 within limits",
  over: "超标 over limits",
  new: "新建 new school",
  expanded: "扩建 expanded",
  closed: "未开办 not open this term",
};

/** Over limits wins over new/expanded; a school not yet open is shown hollow. */
export function schoolStatus(f: SchoolFigures): SchoolStatus {
  if (!f.open) return "closed";
  if (f.total > f.sizeLimit || f.gradesOver.length > 0) return "over";
  if (f.kind === SchoolKind.NEW) return "new";
  if (f.kind === SchoolKind.EXPANDED) return "expanded";
  return "within";
}

export function levelLabel(level: SchoolLevel): string {
  switch (level) {
    case SchoolLevel.PRIMARY:
      return "小学 primary";
    case SchoolLevel.JUNIOR:
      return "初中 junior";
    case SchoolLevel.NINE_YEAR:
      return "九年一贯制 nine-year";
    default:
      return "—";
  }
}

export function kindLabel(kind: SchoolKind): string {
  switch (kind) {
    case SchoolKind.EXISTING:
      return "现有 existing";
    case SchoolKind.NEW:
      return "新建 new";
    case SchoolKind.EXPANDED:
      return "扩建 expanded";
    default:
      return "—";
  }
}

/** A part's name without its grades ("小学 primary"); Limits.partLabel adds the band's grades. */
export function partName(part: SchoolPart): string {
  return part === SchoolPart.JUNIOR ? "初中 junior" : "小学 primary";
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("zh-CN", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
