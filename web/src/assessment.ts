// The national standard (AssessmentService): the district's coefficients per indicator and level with
// the verdict, a school's seven values against their norms, and the rectification list of a run.
import { api } from "./api";
import {
  Indicator, type DistrictAssessment, type RectificationItem, type RectificationList, type SchoolAssessment,
} from "./gen/planning/v1/assessment_pb";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import type { Rules } from "./gen/planning/v1/rules_pb";
import { fmt, termLabel } from "./domain";
import { esc } from "./info";
import { app, cached } from "./state";

/** An indicator as the server's rules name it (GetRules: the standard's Chinese name, English name and unit). */
function ruleOf(rules: Rules, indicator: Indicator) {
  return rules.indicators.find((x) => x.indicator === indicator);
}

export function indicatorName(rules: Rules, indicator: Indicator, english = true): string {
  const r = ruleOf(rules, indicator);
  if (!r) return `indicator ${indicator}`;
  return english ? `${r.nameZh} ${r.nameEn}` : r.nameZh;
}

/** Decimals to show: none for amounts in the thousands (yuan), two otherwise. */
function digitsOf(rules: Rules, indicator: Indicator): number {
  const r = ruleOf(rules, indicator);
  return r && Math.min(r.primaryNorm, r.juniorNorm) >= 100 ? 0 : 2;
}

export function partName(part: SchoolPart): string {
  if (part === SchoolPart.JUNIOR) return "初中 junior";
  if (part === SchoolPart.SHARED) return "共用 shared";
  return "小学 primary";
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
export function districtHtml(d: DistrictAssessment, rules: Rules): string {
  const verdict = d.passes
    ? `<p id="standard-verdict" class="good" data-passes="true">通过 The district passes in ${esc(termLabel(d.term))} (${esc(d.term)})</p>`
    : `<p id="standard-verdict" class="bad" data-passes="false">未通过 The district does not pass in ${esc(termLabel(d.term))} (${esc(d.term)})</p>`;
  const parts = d.parts.map((p) => {
    const part = p.part === SchoolPart.JUNIOR ? "junior" : "primary";
    const rows = p.coefficients
      .map(
        (c) => `<tr data-indicator="${c.indicator}">
          <td>${c.indicator}. ${esc(indicatorName(rules, c.indicator))}</td>
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
export function schoolStandardHtml(a: SchoolAssessment, rules: Rules): string {
  return a.parts
    .map((p) => {
      const part = p.part === SchoolPart.JUNIOR ? "junior" : "primary";
      const rows = p.indicators
        .map(
          (i) => `<tr data-indicator="${i.indicator}"${i.met ? "" : ' class="unmet"'}>
            <td title="${esc(ruleOf(rules, i.indicator)?.unit ?? "")}">${i.indicator}. ${esc(indicatorName(rules, i.indicator, false))}</td>
            <td class="num" data-col="value" data-value="${i.value}">${fmt(i.value, digitsOf(rules, i.indicator))}</td>
            <td class="num" data-col="threshold" data-value="${i.threshold}">≥ ${fmt(i.threshold, digitsOf(rules, i.indicator))}</td>
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
export function unmetItems(a: SchoolAssessment, rules: Rules): string[] {
  const out: string[] = [];
  for (const part of a.parts) {
    const p = part.part === SchoolPart.JUNIOR ? "初中" : "小学";
    for (const i of part.indicators.filter((x) => !x.met)) {
      out.push(`${p} ${i.gapText || `${indicatorName(rules, i.indicator)}: ${fmt(i.value, 2)} < ${fmt(i.threshold, 2)}`}`);
    }
    if (!part.sixOfSeven) {
      out.push(`${p}: 七项指标未达到 ${rules.minimumIndicatorsMet} 项 — fewer than ${rules.minimumIndicatorsMet} of ${rules.indicators.length} ` +
        `indicators met (or one not met below ${fmt(rules.floorShare * 100)} % of its norm)`);
    }
  }
  return out;
}

function itemName(item: RectificationItem, rules: Rules): string {
  if (item.indicator !== Indicator.UNSPECIFIED) return `${item.indicator}. ${indicatorName(rules, item.indicator, false)}`;
  if (item.item === "size") return "规模 school size";
  if (item.item === "classes") return "班额 class size";
  return item.item;
}

/** The rectification list: every open item per school, the term it opens and the term it closes. */
export function rectificationHtml(list: RectificationList, rules: Rules, term: string, termKey: (t: string) => number): string {
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
        <td data-col="item">${esc(itemName(i, rules))}</td>
        <td data-col="opened">${esc(i.openedTerm)}</td>
        <td data-col="closed">${i.closedTerm ? esc(i.closedTerm) : `<span class="bad">未销号 not closed by the horizon</span>`}</td></tr>`,
    )
    .join("");
  return `<p><b id="rectification-count">${fmt(items.length)}</b> 项 items, <b>${fmt(open)}</b> 项到期末仍未销号 still open at the horizon;
      highlighted: open in ${esc(term)}.</p>
    <table class="data" id="rectification-table"><thead><tr><th>学校 School</th><th>学段</th><th>事项 Item</th><th>出现 opens</th><th>销号 closes</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}
