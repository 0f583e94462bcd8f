// The selection panel: a school's enrolment by grade, classes, largest class and open items; an area's students and schools.
import { SchoolPart } from "./gen/planning/v1/common_pb";
import type { ResidentialArea } from "./gen/planning/v1/schools_pb";
import { ViolationKind, type AreaAssignment, type Violation } from "./gen/planning/v1/simulation_pb";
import { STATUS_COLOURS } from "./colors";
import {
  fmt, gradeCapacity, gradeOver, kindLabel, levelLabel, partStudents, STATUS_LABELS, teachesGrade, termLabel,
  tracksOfGrade, type Limits, type SchoolFigures, type SchoolStatus,
} from "./domain";

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Items the figures show: for a run, the server's own violations of the school (size, grades over
 * tracks × class limit, seats short); for the base data, size and grades against the standard's limits.
 */
export function figureItems(f: SchoolFigures, violations: Violation[], limits: Limits): string[] {
  if (f.source === "run") {
    const prefix: Record<number, string> = {
      [ViolationKind.SCHOOL_SIZE]: "规模 size",
      [ViolationKind.CLASS_SIZE]: "班额 classes",
      [ViolationKind.SEATS_SHORT]: "缺学位 seats short",
    };
    return violations.filter((v) => v.schoolCode === f.code).map((v) => `${prefix[v.kind] ?? "—"}: ${v.message}`);
  }
  const items: string[] = [];
  if (f.total > f.sizeLimit) {
    items.push(`规模 size: ${fmt(f.total)} students > ${fmt(f.sizeLimit)}`);
  }
  for (const g of f.gradesOver) {
    items.push(
      `班额 grade ${g}: ${fmt(f.enrolment[g - 1])} students need ${f.classes[g - 1]} classes of ≤ ${limits.classLimit(g)}, ` +
        `${tracksOfGrade(f, g, limits)} tracks (${fmt(gradeCapacity(f, g, limits))} seats)`,
    );
  }
  return items;
}

export function schoolInfoHtml(
  f: SchoolFigures,
  status: SchoolStatus,
  context: { term: string; runLabel: string; areas: number; catchmentStudents: number | null },
  limits: Limits,
): string {
  const grades = limits.grades.filter((g) => teachesGrade(f.level, g, limits));
  const head = grades.map((g) => `<th>${g}</th>`).join("");
  const row = (title: string, key: string, values: number[], over: (g: number) => boolean) =>
    `<tr data-row="${key}"><td>${title}</td>` +
    grades.map((g) => `<td data-grade="${g}"${over(g) ? ' class="over"' : ""}>${fmt(values[g - 1] ?? 0)}</td>`).join("") +
    "</tr>";
  const capacity = limits.grades.map((g) => gradeCapacity(f, g, limits));
  const share = f.sizeLimit > 0 ? Math.min(100, (100 * f.total) / f.sizeLimit) : 0;
  const overSize = f.total > f.sizeLimit;
  return `
    <h3 data-school="${esc(f.code)}">${esc(f.name)} <small>${esc(f.code)}</small></h3>
    <div class="meta">${levelLabel(f.level)} · ${kindLabel(f.kind)} ·
      <span class="badge" style="background:${status === "closed" ? "#888" : STATUS_COLOURS[status]}">${STATUS_LABELS[status]}</span></div>
    <div class="meta">${esc(termLabel(context.term))} (${esc(context.term)}) · ${esc(context.runLabel)}</div>
    <div class="meta">在校生 Students: <b id="school-total" class="${overSize ? "bad" : ""}">${fmt(f.total)}</b> / <span id="school-size-limit">${fmt(f.sizeLimit)}</span> ·
      轨 tracks ${f.primaryTracks ? `小学 ${f.primaryTracks}` : ""}${f.primaryTracks && f.juniorTracks ? " + " : ""}${f.juniorTracks ? `初中 ${f.juniorTracks}` : ""}${!f.primaryTracks && !f.juniorTracks ? "0" : ""}</div>
    <div class="meter${overSize ? " over" : ""}"><div style="width:${share.toFixed(1)}%"></div></div>
    <table class="grades" id="school-grades" data-grade-count="${limits.grades.length}">
      <thead><tr><th>年级 Grade</th>${head}</tr></thead>
      <tbody>
        ${row("学生 students", "enrolment", f.enrolment, (g) => gradeOver(f, g))}
        ${row("班级 classes", "classes", f.classes, (g) => f.classes[g - 1] > tracksOfGrade(f, g, limits) && f.enrolment[g - 1] > 0)}
        ${row("最大班额 largest", "largest", f.largestClass, (g) => gradeOver(f, g))}
        ${row("学位 seats", "capacity", capacity, () => false)}
      </tbody>
    </table>
    <div class="meta">${f.source === "base" ? `基础数据 base data: classes = ⌈students / class limit⌉, the limit ${esc(limits.classLimitsText)}; largest = ⌈students / classes⌉` : "模拟结果 from the run's term result"} ·
      学位 seats = tracks × class limit (${esc(limits.classLimitsText)})</div>
    <div class="meta">学区 catchment: ${context.areas} areas${context.catchmentStudents !== null ? `, ${fmt(context.catchmentStudents)} students of this level living there` : ""}</div>
    <h4>待整改事项 Open items</h4>
    <div id="school-items"><p class="hint">…</p></div>
    <h4>国家标准七项指标 The standard's seven indicators</h4>
    <div id="school-standard"><p class="hint">…</p></div>`;
}

/** The open items: the figures' items and the standard's unmet items (null: not assessed, with why in `note`). */
export function itemsHtml(local: string[], remote: string[] | null, note: string): string {
  const all = [...local, ...(remote ?? [])];
  const list = all.length
    ? `<ul>${all.map((i) => `<li class="bad">${esc(i)}</li>`).join("")}</ul>`
    : `<p class="good">无 none — every item met${remote === null ? " (size and classes)" : ""}</p>`;
  return list + (note ? `<p class="hint">${esc(note)}</p>` : "");
}

export function areaInfoHtml(
  area: ResidentialArea,
  assignment: AreaAssignment | null,
  schoolName: (code: string) => string,
  adminName: string,
  term: string,
  limits: Limits,
): string {
  const students = assignment ? assignment.students : area.students;
  const { grades } = limits;
  const known = students.length === grades.length;
  const primary = assignment ? assignment.schoolPrimaryCode : area.schoolPrimaryCode;
  const junior = assignment ? assignment.schoolJuniorCode : area.schoolJuniorCode;
  const link = (code: string) =>
    code ? `<a data-goto-school="${esc(code)}">${esc(schoolName(code))}</a> <small>${esc(code)}</small>` : `<span class="bad">无 none</span>`;
  return `
    <h3 data-area="${esc(area.code)}">${esc(area.name)} <small>${esc(area.code)}</small></h3>
    <div class="meta">${area.kind === 1 ? "小区 compound" : "村 village"} · ${esc(adminName)} · 人口 ${fmt(area.population)} residents${area.occupiedFrom ? ` · 入住 from ${esc(area.occupiedFrom)}` : ""}</div>
    <div class="meta">${esc(termLabel(term))} (${esc(term)})</div>
    <h4>学生 Students by grade</h4>
    ${
      known
        ? `<table class="grades" id="area-grades" data-grade-count="${grades.length}"><thead><tr><th>年级</th>${grades.map((g) => `<th>${g}</th>`).join("")}</tr></thead>
           <tbody><tr data-row="students"><td>学生</td>${grades.map((g) => `<td data-grade="${g}">${fmt(students[g - 1])}</td>`).join("")}</tr></tbody></table>
           <div class="meta">${[SchoolPart.PRIMARY, SchoolPart.JUNIOR].map((p) => `${esc(limits.partLabel(p))} ${fmt(partStudents(students, p, limits))}`).join(" · ")}</div>`
        : `<p class="hint">未知 not known in the base data: the simulation estimates them from the population (千人指标).</p>`
    }
    <h4>学校 Schools</h4>
    <div>小学 primary: ${link(primary)}${assignment && assignment.distancePrimaryM ? ` · ${fmt(assignment.distancePrimaryM)} m` : ""}</div>
    <div>初中 junior: ${link(junior)}${assignment && assignment.distanceJuniorM ? ` · ${fmt(assignment.distanceJuniorM)} m` : ""}</div>`;
}
