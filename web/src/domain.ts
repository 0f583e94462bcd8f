// Rules of the national standard the page needs to colour and explain (docs/DOMAIN.md).
import { SchoolKind, SchoolLevel, SchoolPart } from "./gen/planning/v1/common_pb";
import type { School } from "./gen/planning/v1/schools_pb";
import type { SchoolTermResult, Violation } from "./gen/planning/v1/simulation_pb";
import { ViolationKind } from "./gen/planning/v1/simulation_pb";

/** The base term of the data: base-data views (no run) show this term. */
export const BASE_TERM = "2020-autumn";

export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** 45 in grades 1–6, 50 in grades 7–9. */
export function classLimit(grade: number): number {
  return grade <= 6 ? 45 : 50;
}

/** 2,000 students; nine-year schools 2,500 over grades 1–9. */
export function sizeLimit(level: SchoolLevel): number {
  return level === SchoolLevel.NINE_YEAR ? 2500 : 2000;
}

export function partOfGrade(grade: number): SchoolPart {
  return grade <= 6 ? SchoolPart.PRIMARY : SchoolPart.JUNIOR;
}

/** Does a school of this level teach grades of this part? */
export function servesPart(level: SchoolLevel, part: SchoolPart): boolean {
  if (level === SchoolLevel.NINE_YEAR) return true;
  return part === SchoolPart.PRIMARY ? level === SchoolLevel.PRIMARY : level === SchoolLevel.JUNIOR;
}

export function teachesGrade(level: SchoolLevel, grade: number): boolean {
  return servesPart(level, partOfGrade(grade));
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
  /** Where the figures come from: a run's term result or the base data. */
  source: "run" | "base";
}

/** Classes needed ⌈students / limit⌉ and the largest class ⌈students / classes⌉, as the engine reports them. */
export function baseFigures(school: School, term: string = BASE_TERM): SchoolFigures {
  const tracks = tracksIn(school, term);
  const enrolment = GRADES.map((g) => school.enrolment[g - 1] ?? 0);
  const classes = enrolment.map((s, i) => (s > 0 ? Math.ceil(s / classLimit(i + 1)) : 0));
  const largestClass = enrolment.map((s, i) => (classes[i] > 0 ? Math.ceil(s / classes[i]) : 0));
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
    sizeLimit: sizeLimit(school.level),
    primaryTracks: tracks.primary,
    juniorTracks: tracks.junior,
    source: "base",
  };
}

export function runFigures(school: School | undefined, r: SchoolTermResult): SchoolFigures {
  const pad = (a: number[]) => GRADES.map((g) => a[g - 1] ?? 0);
  return {
    code: r.schoolCode,
    name: r.schoolName || school?.name || r.schoolCode,
    level: r.level || school?.level || SchoolLevel.UNSPECIFIED,
    kind: school?.kind ?? SchoolKind.UNSPECIFIED,
    open: r.open,
    enrolment: pad(r.enrolment),
    classes: pad(r.classes),
    largestClass: pad(r.largestClass),
    total: r.total,
    sizeLimit: r.sizeLimit || sizeLimit(r.level || school?.level || SchoolLevel.PRIMARY),
    primaryTracks: r.primaryTracks,
    juniorTracks: r.juniorTracks,
    source: "run",
  };
}

/** Capacity of a grade: tracks × class limit. */
export function gradeCapacity(f: SchoolFigures, grade: number): number {
  return (grade <= 6 ? f.primaryTracks : f.juniorTracks) * classLimit(grade);
}

/** A grade is over its limit when its students need more classes than the school has tracks, or a class is too large. */
export function gradeOver(f: SchoolFigures, grade: number): boolean {
  const s = f.enrolment[grade - 1];
  if (s === 0) return false;
  return s > gradeCapacity(f, grade) || f.largestClass[grade - 1] > classLimit(grade);
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
export function schoolStatus(f: SchoolFigures, violations: Violation[] = []): SchoolStatus {
  if (!f.open) return "closed";
  const violated = violations.some(
    (v) => v.schoolCode === f.code && (v.kind === ViolationKind.SCHOOL_SIZE || v.kind === ViolationKind.CLASS_SIZE),
  );
  if (violated || f.total > f.sizeLimit || GRADES.some((g) => gradeOver(f, g))) return "over";
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

export function partLabel(part: SchoolPart): string {
  return part === SchoolPart.JUNIOR ? "初中 junior (7–9)" : "小学 primary (1–6)";
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("zh-CN", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
