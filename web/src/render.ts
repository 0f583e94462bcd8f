// Drawing: loads what the state asks for and draws it into the panels, the summary, the legend and the tables.
import { renderRunAdditions } from "./additions";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import { RunMode } from "./gen/planning/v1/simulation_pb";
import { fmt, servesPart, termLabel, type Limits } from "./domain";
import { $, reportError } from "./dom";
import { changedAreas, renderCompareInfo } from "./compare";
import { updateDownloads } from "./downloads";
import { renderLegend } from "./legend";
import { MapPanel } from "./mapview";
import { termsOf } from "./runs";
import { renderInfo, selectedSchoolForHighlight, wirePanel } from "./selection";
import { renderStandardSummary, renderTables } from "./tables";
import { app, currentTerm, panelA, runById, type ViewData, type ViewSpec } from "./state";
import { limits, loadViewData } from "./viewdata";

export function specA(): ViewSpec {
  return { runId: app.view.runId, term: currentTerm(), part: app.view.part };
}

export function specB(): ViewSpec {
  const terms = termsOf(app.view.compareRunId);
  const term = terms.includes(currentTerm()) ? currentTerm() : terms[0];
  return { runId: app.view.compareRunId, term, part: app.view.part };
}

/** Draws a view into a panel; with `limits` (compare side by side) the panel is titled. */
function applyToPanel(panel: MapPanel, data: ViewData, limits: Limits | null): void {
  panel.setCatchments(data.catchments);
  panel.setSchools(
    app.data.schools.map((s) => ({
      code: s.code,
      name: s.name,
      level: s.level,
      lon: s.lon,
      lat: s.lat,
      status: data.statuses.get(s.code) ?? "closed",
      servesPart: servesPart(s.level, data.spec.part),
    })),
  );
  panel.select(selectedSchoolForHighlight(data), app.view.selectedArea);
  const run = runById(data.spec.runId);
  panel.setTitle(
    limits
      ? `${panel === app.panels.a ? "A" : "B"}: ${run ? run.label || RunMode[run.mode].toLowerCase() : "现状 base"} · ${termLabel(data.spec.term)} · ${limits.partLabel(data.spec.part)}`
      : "",
  );
}

/** Re-draws everything for the current state; a later call supersedes an earlier one still loading. */
export function render(): Promise<void> {
  const r = app.render;
  const gen = ++r.generation;
  const work = (async () => {
    try {
      const side = app.view.compareMode === "side";
      // Comparing names the level with its grades (GetRules); the first drawing, never a comparison, waits for no rules.
      const [a, b, changed, l] = await Promise.all([
        loadViewData(specA()),
        side ? loadViewData(specB()) : Promise.resolve(null),
        app.view.compareMode === "changed" ? changedAreas() : Promise.resolve(null),
        app.view.compareMode === "off" ? Promise.resolve(null) : limits(),
      ]);
      if (gen !== r.generation) return;
      r.viewData = [a, b];
      const pa = panelA();
      applyToPanel(pa, a, side ? l : null);
      $("map-b").hidden = !side;
      if (side && b) applyToPanel(ensurePanelB(), b, l);
      pa.map.updateSize();
      app.panels.b?.map.updateSize();
      if (side !== r.wasSide) {
        // The panels changed width: show the whole district again, and give the maps the room the legend takes.
        r.wasSide = side;
        pa.home();
        ($("legend-box") as HTMLDetailsElement).open = !side && !isNarrow();
      }
      pa.setChanged(changed?.features ?? []);
      renderSummary(a);
      renderCompareInfo(changed, l);
      renderLegendNow();
      renderTermLabel();
      if (r.count > 0) {
        // After the first drawing: main.ts asks once it is drawn.
        void renderStandardSummary();
        void renderRunAdditions();
      }
      await renderTables();
      updateDownloads();
      await renderInfo();
      updateHash();
      r.count++;
    } catch (e) {
      if (gen === r.generation) reportError("地图 Map", e);
    }
  })();
  r.latest = work;
  return work;
}

/** Work the browser tests' idle() waits for as for a drawing (e.g. the areas' boundaries loading). */
export function track(work: Promise<unknown>): void {
  const r = app.render;
  const before = r.latest;
  r.latest = Promise.all([before, work.catch((e) => reportError("加载 Loading", e))]).then(() => {});
}

/** A phone-sized window: the side panel collapses over the map. */
export function isNarrow(): boolean {
  return window.matchMedia("(max-width: 700px)").matches;
}

function ensurePanelB(): MapPanel {
  if (!app.panels.b) {
    const pa = panelA();
    const pb = new MapPanel($("map-b"), pa.view);
    pb.setColours(app.data.colours);
    pb.setDistrict(pa.district.getFeatures()[0]?.getGeometry() ?? null);
    if (app.data.districtExtent) pb.setHomeExtent(app.data.districtExtent);
    pb.setAdminAreas(
      pa.admin.getFeatures().map((f) => ({
        code: String(f.getId()), name: f.get("name"), street: f.get("street"), geometry: f.getGeometry() ?? null,
      })),
    );
    pb.setAreas(pa.areas.getFeatures());
    pb.setBackground(app.data.settings.tileUrl, app.data.settings.tileAttribution);
    pb.setVisibility(app.view.layers);
    wirePanel(pb, 1);
    app.panels.b = pb;
  }
  return app.panels.b;
}

export function renderTermLabel(): void {
  const term = currentTerm();
  const v = app.view;
  $("term-label").textContent = runById(v.runId)
    ? `${termLabel(term)} · ${term} (${v.termIndex + 1}/${v.terms.length})`
    : `${termLabel(term)} · ${term} — 现状 base data`;
}

function renderSummary(data: ViewData): void {
  const el = $("summary");
  const s = data.summary;
  if (!s) {
    const figs = [...data.figures.values()].filter((f) => f.open);
    const over = figs.filter((f) => f.total > f.sizeLimit).length;
    const students = figs.reduce((a, f) => a + f.total, 0);
    const overSchools = [...data.statuses.values()].filter((x) => x === "over").length;
    el.innerHTML = `<table>
      <tr><td>在校生 students (base)</td><td data-figure="students">${fmt(students)}</td></tr>
      <tr><td>超规模学校 schools over size</td><td class="${over ? "bad" : ""}">${fmt(over)}</td></tr>
      <tr><td>超标学校 schools over any limit</td><td class="${overSchools ? "bad" : ""}">${fmt(overSchools)}</td></tr>
      <tr><td>学区 catchments drawn</td><td>${fmt(data.catchments.length)}</td></tr></table>`;
    return;
  }
  const bad = (n: number) => (n > 0 ? "bad" : "good");
  el.innerHTML = `<table>
    <tr><td>在校生 students</td><td data-figure="students">${fmt(s.students)}</td></tr>
    <tr><td>超规模学校 schools over size</td><td class="${bad(s.schoolsOverSize)}">${fmt(s.schoolsOverSize)}</td></tr>
    <tr><td>超班额年级 grades over class limit</td><td class="${bad(s.gradesOverClassLimit)}">${fmt(s.gradesOverClassLimit)}</td></tr>
    <tr><td>缺学位 seats short</td><td class="${bad(s.seatsShort)}">${fmt(s.seatsShort)}</td></tr>
    <tr><td>转学 students moved</td><td>${fmt(s.studentsMoved)}</td></tr>
    <tr><td>平均/最远 mean/max distance</td><td>${fmt(s.meanDistanceM)} / ${fmt(s.maxDistanceM)} m</td></tr>
    <tr><td>学区 catchments drawn</td><td>${fmt(data.catchments.length)}</td></tr></table>`;
}

export function renderLegendNow(): void {
  const data = app.render.viewData[0];
  const codes = data ? data.catchments.map((f) => f.get("school_code") as string) : [];
  renderLegend($("legend"), {
    catchments: codes.length,
    catchmentColours: [...new Set(codes.map((c) => app.data.colours.get(c) ?? "#ccc"))],
    catchmentSource: data?.catchmentSource ?? "",
    showChanged: app.view.compareMode === "changed",
    showAreas: app.view.layers.areas,
  });
}

// ---------- the address keeps the view ----------

export function readHash(): Partial<{ run: string; term: string; part: string }> {
  const p = new URLSearchParams(window.location.hash.slice(1));
  return { run: p.get("run") ?? undefined, term: p.get("term") ?? undefined, part: p.get("part") ?? undefined };
}

function updateHash(): void {
  const p = new URLSearchParams();
  p.set("run", app.view.runId ?? "base");
  p.set("term", currentTerm());
  p.set("part", app.view.part === SchoolPart.JUNIOR ? "junior" : "primary");
  history.replaceState(null, "", `#${p.toString()}`);
}
