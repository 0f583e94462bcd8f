// The selected school or area: its panel over the map, its highlight, and clicks and tooltips on the maps.
import { fromLonLat } from "ol/proj";
import { renderSchoolAdditions } from "./additions";
import { describeError } from "./api";
import { schoolAssessment, schoolStandardHtml, unmetItems } from "./assessment";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import { baseFigures, fmt, schoolStatus, type Limits, type SchoolFigures } from "./domain";
import { $ } from "./dom";
import { areaInfoHtml, esc, figureItems, itemsHtml, schoolInfoHtml } from "./info";
import type { MapPanel } from "./mapview";
import { areaMoveHtml, schoolLockHtml } from "./planner";
import { runTitle } from "./runs";
import { app, panelA, runById, type ViewData } from "./state";
import { limits, loadAreaGeometry, rules } from "./viewdata";

/** The school whose catchment is highlighted: the selected school, or the selected area's school. */
export function selectedSchoolForHighlight(data: ViewData | null): string | null {
  const v = app.view;
  if (v.selectedSchool) return v.selectedSchool;
  if (v.selectedArea) {
    const a = data?.assignments?.get(v.selectedArea);
    const area = app.data.areaByCode.get(v.selectedArea);
    if (v.part === SchoolPart.PRIMARY) return a?.schoolPrimaryCode ?? area?.schoolPrimaryCode ?? null;
    return a?.schoolJuniorCode ?? area?.schoolJuniorCode ?? null;
  }
  return null;
}

export async function renderInfo(): Promise<void> {
  const el = $("info");
  const data = app.render.viewData[0];
  if (!data) return;
  const v = app.view;
  $("info-box").hidden = !(v.selectedArea || v.selectedSchool);
  if (!v.selectedArea && !v.selectedSchool) {
    el.innerHTML = "";
    return;
  }
  const { selectedArea, selectedSchool } = v;
  const l = await limits();
  if (v.selectedArea !== selectedArea || v.selectedSchool !== selectedSchool || app.render.viewData[0] !== data) return; // another choice meanwhile
  if (v.selectedArea) {
    const area = app.data.areaByCode.get(v.selectedArea);
    if (area) {
      const assignment = data.assignments?.get(area.code) ?? null;
      const school = data.spec.part === SchoolPart.PRIMARY
        ? assignment?.schoolPrimaryCode ?? area.schoolPrimaryCode
        : assignment?.schoolJuniorCode ?? area.schoolJuniorCode;
      el.innerHTML = areaInfoHtml(
        area,
        assignment,
        (c) => app.data.schoolByCode.get(c)?.name ?? c,
        app.data.adminNames.get(area.adminAreaCode) ?? area.adminAreaCode,
        data.spec.term,
        l,
      ) + areaMoveHtml(area.code, school);
      return;
    }
  }
  if (v.selectedSchool) {
    const code = v.selectedSchool;
    const school = app.data.schoolByCode.get(code);
    const figures = data.figures.get(code) ?? (school ? baseFigures(school, l, data.spec.term) : undefined);
    if (!figures) {
      el.innerHTML = `<p class="hint">${esc(code)}: not in this run.</p>`;
      return;
    }
    const catchment = data.catchments.find((f) => f.get("school_code") === code);
    const servedBy = (a: { schoolPrimaryCode: string; schoolJuniorCode: string }) =>
      (data.spec.part === SchoolPart.PRIMARY ? a.schoolPrimaryCode : a.schoolJuniorCode) === code;
    const areaCount = data.assignments ? [...data.assignments.values()].filter(servedBy).length : app.data.areas.filter(servedBy).length;
    el.innerHTML = schoolInfoHtml(figures, data.statuses.get(code) ?? schoolStatus(figures), {
      term: data.spec.term,
      runLabel: runTitle(runById(data.spec.runId)),
      areas: areaCount,
      catchmentStudents: catchment ? Number(catchment.get("students") ?? 0) : null,
    }, l) + `<div id="school-additions"></div>` + schoolLockHtml(code);
    if (data.spec.runId) void renderSchoolAdditions(code);
    await renderStandard(figures, data, l);
    return;
  }
  el.innerHTML = "";
  $("info-box").hidden = true;
}

/** The school's open items and its seven indicators against their norms (AssessSchool), for a run. */
async function renderStandard(figures: SchoolFigures, data: ViewData, l: Limits): Promise<void> {
  const local = figureItems(figures, data.violations, l);
  const items = () => document.getElementById("school-items");
  const standard = () => document.getElementById("school-standard");
  if (!data.spec.runId) {
    const note = "资源指标需选择模拟 · Pick a run to see the seven resource indicators.";
    items()!.innerHTML = itemsHtml(local, null, note);
    standard()!.innerHTML = `<p class="hint">${esc(note)}</p>`;
    return;
  }
  try {
    const [a, r] = await Promise.all([schoolAssessment(data.spec.runId, data.spec.term, figures.code), rules()]);
    if (app.view.selectedSchool !== figures.code || app.render.viewData[0] !== data) return; // another school or view meanwhile
    items()!.innerHTML = itemsHtml(local, unmetItems(a, r), "");
    standard()!.innerHTML = schoolStandardHtml(a, r);
  } catch (e) {
    if (app.view.selectedSchool !== figures.code) return;
    const text = `评估失败 assessment failed: ${describeError(e)}`;
    items()!.innerHTML = itemsHtml(local, null, text);
    standard()!.innerHTML = `<p class="bad">${esc(text)}</p>`;
    app.errors.push(text);
  }
}

export function selectSchool(code: string | null): Promise<void> {
  app.view.selectedSchool = code;
  app.view.selectedArea = null;
  panelA().select(code, null);
  app.panels.b?.select(code, null);
  return renderInfo();
}

export function selectArea(code: string): Promise<void> {
  app.view.selectedArea = code;
  app.view.selectedSchool = null;
  panelA().select(selectedSchoolForHighlight(app.render.viewData[0]), code);
  app.panels.b?.select(selectedSchoolForHighlight(app.render.viewData[1]), code);
  return renderInfo();
}

/** Centres the map on a school and selects it. */
export async function goToSchool(code: string): Promise<void> {
  const s = app.data.schoolByCode.get(code);
  if (!s) return;
  const view = panelA().view;
  view.setCenter(fromLonLat([s.lon, s.lat]));
  view.setZoom(Math.max(view.getZoom() ?? 0, 15));
  await selectSchool(code);
}

/** Shows an area (its boundary, with the areas layer on) and selects it. */
export async function goToArea(code: string): Promise<void> {
  await loadAreaGeometry();
  const g = app.data.areaGeometry.get(code);
  if (!app.view.layers.areas) {
    app.view.layers.areas = true;
    $<HTMLInputElement>("layer-areas").checked = true;
    panelA().setVisibility(app.view.layers);
    app.panels.b?.setVisibility(app.view.layers);
  }
  if (g) panelA().view.fit(g.getExtent(), { padding: [80, 80, 80, 80], maxZoom: 17 });
  await selectArea(code);
}

/** Shows a street or town whole. */
export function goToAdminArea(code: string): void {
  const g = app.data.adminGeometry.get(code);
  if (g) panelA().fit(g.getExtent());
}

export function wirePanel(panel: MapPanel, index: number): void {
  const map = panel.map;
  const tooltip = $("tooltip");
  type Hit = { kind: "school" | "area" | "catchment"; code: string };
  map.on("singleclick", (evt) => {
    let hit: Hit | null = null;
    map.forEachFeatureAtPixel(evt.pixel, (f) => ((hit = { kind: "school", code: String(f.getId()) }), true), {
      hitTolerance: 4,
      layerFilter: (l) => l === panel.layers.schools,
    });
    if (!hit && app.view.layers.areas) {
      map.forEachFeatureAtPixel(evt.pixel, (f) => ((hit = { kind: "area", code: String(f.getId()) }), true), {
        layerFilter: (l) => l === panel.layers.areas,
      });
    }
    if (!hit) {
      map.forEachFeatureAtPixel(evt.pixel, (f) => ((hit = { kind: "catchment", code: String(f.get("school_code")) }), true), {
        layerFilter: (l) => l === panel.layers.catchments,
      });
    }
    const h = hit as Hit | null;
    if (!h) void selectSchool(null);
    else if (h.kind === "area") void selectArea(h.code);
    else void selectSchool(h.code);
  });
  map.on("pointermove", (evt) => {
    if (evt.dragging) return;
    let text = "";
    map.forEachFeatureAtPixel(
      evt.pixel,
      (f, layer) => {
        if (layer === panel.layers.schools) {
          const fig = app.render.viewData[index]?.figures.get(String(f.getId()));
          text = `${f.get("name")}${fig ? ` · ${fmt(fig.total)} / ${fmt(fig.sizeLimit)}` : ""}`;
        } else if (layer === panel.layers.areas) text = `${f.get("name")}`;
        else if (layer === panel.layers.catchments) text = `学区 ${f.get("school_name")} · ${fmt(Number(f.get("students") ?? 0))} 学生`;
        return text ? true : undefined;
      },
      { hitTolerance: 3 },
    );
    map.getTargetElement().style.cursor = text ? "pointer" : "";
    if (text) {
      const rect = map.getTargetElement().getBoundingClientRect();
      const area = $("map-area").getBoundingClientRect();
      tooltip.textContent = text;
      tooltip.style.left = `${evt.pixel[0] + rect.left - area.left}px`;
      tooltip.style.top = `${evt.pixel[1] + rect.top - area.top}px`;
      tooltip.hidden = false;
    } else tooltip.hidden = true;
  });
  map.getViewport().addEventListener("mouseleave", () => (tooltip.hidden = true));
}
