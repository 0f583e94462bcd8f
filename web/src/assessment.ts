// The national standard (AssessmentService): the district's coefficients per indicator and level with
// the verdict, a school's seven values against their norms, and the rectification list of a run.
import { api } from "./api";
import {
  Indicator, type DistrictAssessment, type RectificationItem, type RectificationList, type SchoolAssessment,
} from "./gen/planning/v1/assessment_pb";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import { fmt, termLabel } from "./domain";
import { esc } from "./info";
import { app, cached } from "./state";

/** The seven indicators as the standard names them, with the unit of their value. */
export const INDICATORS: { indicator: Indicator; zh: string; en: string; unit: string; digits: number }[] = [
  { indicator: Indicator.DEGREE_TEACHERS, zh: "高于规定学历教师数", en: "teachers above the required degree", unit: "/100 students", digits: 2 },
  { indicator: Indicator.BACKBONE_TEACHERS, zh: "县级以上骨干教师数", en: "district-level backbone teachers", unit: "/100 students", digits: 2 },
  { indicator: Indicator.PE_ART_TEACHERS, zh: "体育、艺术专任教师数", en: "PE and art teachers", unit: "/100 students", digits: 2 },
  { indicator: Indicator.FLOOR_AREA, zh: "生均教学及辅助用房面积", en: "teaching floor area", unit: "m²/student", digits: 2 },
  { indicator: Indicator.SPORTS_AREA, zh: "生均体育运动场馆面积", en: "sports ground and hall area", unit: "m²/student", digits: 2 },
  { indicator: Indicator.EQUIPMENT_VALUE, zh: "生均教学仪器设备值", en: "teaching equipment value", unit: "yuan/student", digits: 0 },
  { indicator: Indicator.MULTIMEDIA_ROOMS, zh: "网络多媒体教室数", en: "networked multimedia classrooms", unit: "/100 students", digits: 2 },
];

export function indicatorName(indicator: Indicator): string {
  const i = INDICATORS.find((x) => x.indicator === indicator);
  return i ? `${i.zh} ${i.en}` : `indicator ${indicator}`;
}

function digitsOf(indicator: Indicator): number {
  return INDICATORS.find((x) => x.indicator === indicator)?.digits ?? 2;
}

export function partName(part: SchoolPart): string {
  return part === SchoolPart.JUNIOR ? "初中 junior" : "小学 primary";
}

const mark = (ok: boolean) => (ok ? `<span class="good">✓</span>` : `<span class="bad">✗</span>`);

export function districtAssessment(runId: string, term: string): Promise<DistrictAssessment> {
  return cached(app.cache.districtAssessments, `${runId}|${term}`, () => api.assessment.assessDistrict({ runId, term }));
}

export function schoolAssessment(runId: string, term: string, schoolCode: string): Promise<SchoolAssessment> {
  return cached(app.cache.schoolAssessments, `${runId}|${term}|${schoolCode}`, () =>
    api.assessment.assessSchool({ runId, term, schoolCode }),
  );
}

export function rectificationList(runId: string): Promise<RectificationList> {
  return cached(app.cache.rectification, runId, () => api.assessment.getRectificationList({ runId }));
}

/** The district's verdict and, per level, its coefficients against their ceilings. */
export function districtHtml(d: DistrictAssessment): string {
  const verdict = d.passes
    ? `<p id="standard-verdict" class="good" data-passes="true">通过 The district passes in ${esc(termLabel(d.term))} (${esc(d.term)})</p>`
    : `<p id="standard-verdict" class="bad" data-passes="false">未通过 The district does not pass in ${esc(termLabel(d.term))} (${esc(d.term)})</p>`;
  const parts = d.parts.map((p) => {
    const part = p.part === SchoolPart.JUNIOR ? "junior" : "primary";
    const rows = p.coefficients
      .map(
        (c) => `<tr data-indicator="${c.indicator}">
          <td>${c.indicator}. ${esc(indicatorName(c.indicator))}</td>
          <td class="num" data-col="value" data-value="${c.value}">${Number.isFinite(c.value) ? fmt(c.value, 3) : "—"}</td>
          <td class="num" data-col="ceiling" data-value="${c.ceiling}">≤ ${fmt(c.ceiling, 2)}</td>
          <td data-col="met" data-value="${c.met}">${mark(c.met)}</td>
          <td class="hint">${esc(c.topContributors.slice(0, 3).map((s) => app.data.schoolByCode.get(s)?.name ?? s).join("、"))}</td></tr>`,
      )
      .join("");
    return `<h4>${partName(p.part)}: <span data-part-schools="${part}" data-value="${p.schoolsMeetingAll}/${p.schools}">${fmt(p.schoolsMeetingAll)} / ${fmt(p.schools)}</span>
        所学校全部达标 school parts meet every item</h4>
      <table class="data" data-part="${part}"><thead><tr><th>指标 Indicator</th><th>差异系数 coefficient</th><th>上限 ceiling</th><th>达标</th><th>差异最大 largest spread</th></tr></thead>
      <tbody>${rows}</tbody></table>`;
  });
  return verdict + parts.join("") +
    `<p class="hint">差异系数按在校生加权 Coefficients are weighted by enrolment (S / X̄); the server computes them for every simulated term.</p>`;
}

/** A school's seven values against their norms, per level taught, with the 6-of-7, size and class verdicts. */
export function schoolStandardHtml(a: SchoolAssessment): string {
  return a.parts
    .map((p) => {
      const part = p.part === SchoolPart.JUNIOR ? "junior" : "primary";
      const rows = p.indicators
        .map(
          (i) => `<tr data-indicator="${i.indicator}"${i.met ? "" : ' class="unmet"'}>
            <td>${i.indicator}. ${esc(INDICATORS.find((x) => x.indicator === i.indicator)?.zh ?? String(i.indicator))}</td>
            <td class="num" data-col="value" data-value="${i.value}">${fmt(i.value, digitsOf(i.indicator))}</td>
            <td class="num" data-col="threshold" data-value="${i.threshold}">≥ ${fmt(i.threshold, digitsOf(i.indicator))}</td>
            <td data-col="met" data-value="${i.met}">${mark(i.met)}</td>
            <td class="gap">${i.met ? "" : esc(i.gapText)}</td></tr>`,
        )
        .join("");
      return `<div class="meta">${partName(p.part)} · ${fmt(p.students)} 学生 students ·
          七项达六项 6 of 7 ${mark(p.sixOfSeven)} · 规模 size ${mark(p.sizeOk)} · 班额 classes ${mark(p.classesOk)}</div>
        <table class="grades standard" data-part="${part}" data-six-of-seven="${p.sixOfSeven}">
          <thead><tr><th>指标</th><th>值 value</th><th>标准 norm</th><th></th><th>差距 gap</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join("");
}

/** The unmet items of a school's assessment, as lines for its open items. */
export function unmetItems(a: SchoolAssessment): string[] {
  const out: string[] = [];
  for (const part of a.parts) {
    const p = part.part === SchoolPart.JUNIOR ? "初中" : "小学";
    for (const i of part.indicators.filter((x) => !x.met)) {
      out.push(`${p} ${i.gapText || `${indicatorName(i.indicator)}: ${fmt(i.value, 2)} < ${fmt(i.threshold, 2)}`}`);
    }
    if (!part.sixOfSeven) out.push(`${p}: 七项指标未达到 6 项 — fewer than 6 of 7 indicators met (or the 7th below 85 %)`);
  }
  return out;
}

function itemName(item: RectificationItem): string {
  if (item.indicator !== Indicator.UNSPECIFIED) return `${item.indicator}. ${INDICATORS.find((x) => x.indicator === item.indicator)?.zh ?? ""}`;
  if (item.item === "size") return "规模 school size";
  if (item.item === "classes") return "班额 class size";
  return item.item;
}

/** The rectification list: every open item per school, the term it opens and the term it closes. */
export function rectificationHtml(list: RectificationList, term: string, termKey: (t: string) => number): string {
  if (list.items.length === 0) return `<p class="good">无整改事项 No open items in any term of this run.</p>`;
  const name = (c: string) => app.data.schoolByCode.get(c)?.name ?? c;
  const openNow = (i: RectificationItem) =>
    termKey(i.openedTerm) <= termKey(term) && (!i.closedTerm || termKey(i.closedTerm) > termKey(term));
  const items = [...list.items].sort(
    (x, y) => x.schoolCode.localeCompare(y.schoolCode) || x.part - y.part || x.indicator - y.indicator || x.item.localeCompare(y.item),
  );
  const open = items.filter((i) => !i.closedTerm).length;
  const rows = items
    .map(
      (i) => `<tr data-school="${esc(i.schoolCode)}"${openNow(i) ? ' class="open-now"' : ""}>
        <td><a data-goto-school="${esc(i.schoolCode)}">${esc(name(i.schoolCode))}</a> <small>${esc(i.schoolCode)}</small></td>
        <td>${partName(i.part)}</td>
        <td data-col="item">${esc(itemName(i))}</td>
        <td data-col="opened">${esc(i.openedTerm)}</td>
        <td data-col="closed">${i.closedTerm ? esc(i.closedTerm) : `<span class="bad">未销号 not closed by the horizon</span>`}</td></tr>`,
    )
    .join("");
  return `<p><b id="rectification-count">${fmt(items.length)}</b> 项 items, <b>${fmt(open)}</b> 项到期末仍未销号 still open at the horizon;
      highlighted: open in ${esc(term)}.</p>
    <table class="data" id="rectification-table"><thead><tr><th>学校 School</th><th>学段</th><th>事项 Item</th><th>出现 opens</th><th>销号 closes</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}
