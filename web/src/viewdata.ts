// What a map panel draws for a run (or the base data), a term and a level: loaded from the server,
// each answer asked for once and shared.
import Feature from "ol/Feature";
import MultiPolygon from "ol/geom/MultiPolygon";
import Polygon from "ol/geom/Polygon";
import { api, listAllAreas } from "./api";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import type { ResidentialArea } from "./gen/planning/v1/schools_pb";
import type { TermResult } from "./gen/planning/v1/simulation_pb";
import type { Rules } from "./gen/planning/v1/rules_pb";
import { BASE_TERM, baseFigures, limitsOf, partStudents, runFigures, schoolStatus, type Limits } from "./domain";
import { geojson, readGeometry } from "./mapview";
import { app, cached, type ViewData, type ViewSpec } from "./state";

/** The school serving an area's grades of a level in the base data. */
export function baseSchoolOf(area: ResidentialArea, part: SchoolPart): string {
  return part === SchoolPart.PRIMARY ? area.schoolPrimaryCode : area.schoolJuniorCode;
}

/** The rules in force on the server (GetRules), asked for once, when first needed. */
export function rules(): Promise<Rules> {
  if (!app.cache.rules) {
    const p = api.rules.getRules({});
    p.catch(() => (app.cache.rules = null));
    app.cache.rules = p;
  }
  return app.cache.rules;
}

export async function limits(): Promise<Limits> {
  return limitsOf(await rules());
}

/**
 * The areas' boundaries, loaded once when first needed (the areas layer, the base data's catchments,
 * hatching changed areas, search): most of the bytes of the base data, and not needed to draw a run.
 */
export function loadAreaGeometry(): Promise<void> {
  if (!app.cache.areaGeometry) {
    const p = listAllAreas(true).then((list) => {
      for (const a of list) {
        const g = readGeometry(a.geometryGeojson);
        if (g) app.data.areaGeometry.set(a.code, g);
      }
      const features = list.flatMap((a) => {
        const g = app.data.areaGeometry.get(a.code);
        if (!g) return [];
        const f = new Feature({ geometry: g, name: a.name, code: a.code });
        f.setId(a.code);
        return [f];
      });
      app.panels.a?.setAreas(features);
      app.panels.b?.setAreas(features);
    });
    p.catch(() => (app.cache.areaGeometry = null));
    app.cache.areaGeometry = p;
  }
  return app.cache.areaGeometry;
}

function groupCatchments(part: SchoolPart, codeOf: (area: ResidentialArea) => string, students: (area: ResidentialArea) => number) {
  const groups = new Map<string, { polygons: Polygon[]; students: number; areas: number }>();
  for (const area of app.data.areas) {
    const code = codeOf(area);
    if (!code) continue;
    const geometry = app.data.areaGeometry.get(area.code);
    if (!geometry) continue;
    let g = groups.get(code);
    if (!g) groups.set(code, (g = { polygons: [], students: 0, areas: 0 }));
    if (geometry instanceof Polygon) g.polygons.push(geometry);
    else if (geometry instanceof MultiPolygon) g.polygons.push(...geometry.getPolygons());
    g.students += students(area);
    g.areas += 1;
  }
  return [...groups.entries()].map(([code, g]) => {
    const multi = new MultiPolygon([]);
    for (const p of g.polygons) multi.appendPolygon(p);
    const f = new Feature({
      geometry: multi,
      school_code: code,
      school_name: app.data.schoolByCode.get(code)?.name ?? code,
      students: g.students,
      areas: g.areas,
      part,
    });
    f.setId(code);
    return f;
  });
}

async function baseViewData(spec: ViewSpec): Promise<ViewData> {
  const [l] = await Promise.all([limits(), loadAreaGeometry()]);
  const catchments = groupCatchments(spec.part, (a) => baseSchoolOf(a, spec.part), (a) => partStudents(a.students, spec.part, l));
  const figures = new Map(app.data.schools.map((s) => [s.code, baseFigures(s, l, BASE_TERM)] as const));
  const statuses = new Map([...figures].map(([c, f]) => [c, schoolStatus(f)] as const));
  return {
    spec, catchments, catchmentSource: "现状 base data: areas' current schools", figures, statuses,
    violations: [], assignments: null, summary: null,
  };
}

export function termResult(runId: string, term: string): Promise<TermResult> {
  return cached(app.cache.termResults, `${runId}|${term}`, () => api.simulation.getTermResult({ runId, term }));
}

/** The run's catchments (GetCatchments) as a GeoJSON FeatureCollection. */
export function runCatchments(runId: string, term: string, part: SchoolPart): Promise<string> {
  return cached(app.cache.catchments, `${runId}|${term}|${part}`, () =>
    api.simulation.getCatchments({ runId, term, part }).then((r) => r.featureCollectionGeojson),
  );
}

async function runViewData(spec: ViewSpec): Promise<ViewData> {
  const runId = spec.runId!;
  const [result, collection] = await Promise.all([termResult(runId, spec.term), runCatchments(runId, spec.term, spec.part)]);
  const assignments = new Map(result.assignments.map((a) => [a.areaCode, a] as const));
  const catchments = geojson.readFeatures(collection) as Feature[];
  for (const f of catchments) f.setId(f.get("school_code"));
  const figures = new Map(
    result.schools.map((r) => [r.schoolCode, runFigures(app.data.schoolByCode.get(r.schoolCode), r, result.violations)] as const),
  );
  const statuses = new Map([...figures].map(([c, f]) => [c, schoolStatus(f)] as const));
  return {
    spec, catchments, catchmentSource: "模拟 run: GetCatchments", figures, statuses,
    violations: result.violations, assignments, summary: result.summary ?? null,
  };
}

export function loadViewData(spec: ViewSpec): Promise<ViewData> {
  return spec.runId ? runViewData(spec) : baseViewData(spec);
}

/** The school serving an area's level in a view: the run's assignment, or the base data's school. */
export function schoolOfArea(data: ViewData, area: ResidentialArea, part: SchoolPart): string {
  if (!data.assignments) return baseSchoolOf(area, part);
  const x = data.assignments.get(area.code);
  if (!x) return "";
  return part === SchoolPart.PRIMARY ? x.schoolPrimaryCode : x.schoolJuniorCode;
}
