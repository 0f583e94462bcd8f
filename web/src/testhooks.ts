// window.planningMap: what the browser tests read and do (docs/web-map.md, "Test hooks").
// A separate entry (built to /test-hooks.js), never loaded by the page itself: the tests load it into
// each page (an init script imports it once the document is parsed). It shares the page's modules
// and so its one state object.
import type MultiPolygon from "ol/geom/MultiPolygon";
import type Polygon from "ol/geom/Polygon";
import { fromLonLat, toLonLat } from "ol/proj";
import { Role } from "./gen/planning/v1/access_pb";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import { canPlan } from "./auth";
import { $ } from "./dom";
import { app, currentTerm, panelA } from "./state";

function readGradeRow(tableId: string, row: string): number[] {
  const count = Number(document.getElementById(tableId)?.dataset.gradeCount ?? 0);
  const out = new Array(count).fill(0);
  document.querySelectorAll(`#${tableId} tr[data-row="${row}"] td[data-grade]`).forEach((td) => {
    out[Number(td.getAttribute("data-grade")) - 1] = Number((td.textContent ?? "0").replace(/[^\d-]/g, ""));
  });
  return out;
}

const panel = (i: number) => (i === 0 ? app.panels.a : app.panels.b);

declare global {
  interface Window {
    planningMap: unknown;
  }
}

window.planningMap = {
  /** Resolves when the first full drawing is done (or failed). */
  ready: app.render.ready,
  /** Resolves when the latest drawing (and any work it started, e.g. loading the areas' boundaries) is done. */
  idle: async () => {
    let p: Promise<void>;
    do {
      p = app.render.latest;
      await p;
    } while (p !== app.render.latest);
  },
  /** Catchment features drawn in a panel (0: main, 1: the compared run). */
  catchmentFeatureCount: (i = 0) => panel(i)?.catchments.getFeatures().length ?? 0,
  catchmentSchoolCodes: (i = 0) => (panel(i)?.catchments.getFeatures() ?? []).map((f) => String(f.get("school_code"))).sort(),
  /** A fingerprint of what is drawn: catchments (school, students, vertices) and school statuses. */
  drawnSignature: (i = 0) => {
    const p = panel(i);
    if (!p) return "";
    const c = p.catchments.getFeatures().map((f) => {
      const g = f.getGeometry() as MultiPolygon | Polygon | undefined;
      return `${f.get("school_code")}:${f.get("students") ?? ""}:${g ? g.getFlatCoordinates().length : 0}`;
    });
    const s = p.schools.getFeatures().map((f) => `${f.getId()}=${f.get("status")}`);
    return [...c.sort(), "|", ...s.sort()].join(",");
  },
  schoolsDrawn: () => app.panels.a?.schools.getFeatures().length ?? 0,
  /** Schools drawn with a status, e.g. "over". */
  schoolStatuses: () => Object.fromEntries((app.panels.a?.schools.getFeatures() ?? []).map((f) => [String(f.getId()), f.get("status")])),
  changedAreaCount: () => app.panels.a?.changed.getFeatures().length ?? 0,
  changedAreaCodes: () => (app.panels.a?.changed.getFeatures() ?? []).map((f) => String(f.getId())).sort(),
  /** The school shown in the side panel, with the enrolment by grade as displayed. */
  selectedSchool: () => {
    const h = document.querySelector("#info h3[data-school]");
    if (!h) return null;
    return {
      code: h.getAttribute("data-school"),
      name: h.firstChild?.textContent?.trim() ?? "",
      enrolment: readGradeRow("school-grades", "enrolment"),
      classes: readGradeRow("school-grades", "classes"),
      largestClass: readGradeRow("school-grades", "largest"),
      total: Number(($("school-total").textContent ?? "0").replace(/[^\d]/g, "")),
      highlighted: app.view.selectedSchool,
    };
  },
  selectedArea: () => {
    const h = document.querySelector("#info h3[data-area]");
    if (!h) return null;
    return { code: h.getAttribute("data-area"), students: readGradeRow("area-grades", "students") };
  },
  /** Page coordinates of a WGS84 point in a panel. */
  pixelOf: (lon: number, lat: number, i = 0) => {
    const p = panel(i);
    if (!p) return null;
    const px = p.map.getPixelFromCoordinate(fromLonLat([lon, lat]));
    if (!px) return null;
    const rect = p.map.getTargetElement().getBoundingClientRect();
    return [rect.left + px[0], rect.top + px[1]];
  },
  /** Page coordinates of a school's symbol in a panel, to click it like a user. */
  schoolPixel: (code: string, i = 0) => panel(i)?.schoolPixel(code) ?? null,
  state: () => ({
    runId: app.view.runId,
    term: currentTerm(),
    terms: [...app.view.terms],
    part: app.view.part === SchoolPart.JUNIOR ? "junior" : "primary",
    compareMode: app.view.compareMode,
    compareRunId: app.view.compareRunId,
    scenario: app.view.scenario,
    catchmentSource: app.render.viewData[0]?.catchmentSource ?? "",
  }),
  /** The main map's view: centre (WGS84), zoom, rotation, and the extent shown (WGS84: west, south, east, north). */
  view: () => {
    const p = panelA();
    const v = p.view;
    const size = p.map.getSize() ?? [0, 0];
    const e = v.calculateExtent(size);
    return {
      center: toLonLat(v.getCenter() ?? [0, 0]),
      zoom: v.getZoom() ?? 0,
      rotation: v.getRotation(),
      extent: [...toLonLat([e[0], e[1]]), ...toLonLat([e[2], e[3]])],
    };
  },
  /** Centres the map on a point (WGS84) at a zoom level; resolves once drawn (also when the view is already there). */
  zoomTo: (lon: number, lat: number, zoom: number) => {
    const p = panelA();
    p.view.setCenter(fromLonLat([lon, lat]));
    p.view.setZoom(zoom);
    return p.drawn();
  },
  /** Turns the main map (radians), as Alt+Shift+drag does. */
  rotate: (radians: number) => {
    panelA().view.setRotation(radians);
    return panelA().drawn();
  },
  renders: () => app.render.count,
  errors: () => [...app.errors],
  /**
   * Signing in: the accepted key (name, role) or the sign-in panel and its message; the choice
   * between a sign-in link's key and the stored one; the notice (e.g. a refused link's key).
   */
  auth: () => ({
    signedIn: app.auth.me !== null,
    name: app.auth.me?.name ?? null,
    role: app.auth.me ? (Role[app.auth.me.role]?.toLowerCase() ?? String(app.auth.me.role)) : null,
    canPlan: canPlan(),
    signInShown: app.auth.signInShown,
    checking: app.auth.checking,
    message: app.auth.message,
    switchShown: app.auth.switchShown,
    notice: app.auth.notice,
  }),
};
