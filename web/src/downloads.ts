// Take things away: the catchments and assignments of the view shown (GeoJSON, GeoPackage, CSV) and
// its assessment (CSV, SpreadsheetML), through the server's export calls where it has one
// (DatasetService.ExportLayer, AssessmentService.ExportAssessment) and built from the same answers
// the map shows where it has none (CSV, and a run's assignments as GeoJSON).
// The printed report (ReportService.ExportReport, PDF) is of the run, term and level shown.
import { api, describeError } from "./api";
import { AssessmentFormat } from "./gen/planning/v1/assessment_pb";
import { SchoolPart } from "./gen/planning/v1/common_pb";
import { ExportFormat, Layer } from "./gen/planning/v1/dataset_pb";
import { ReportFormat } from "./gen/planning/v1/reports_pb";
import type { Limits } from "./domain";
import { $, reportError, saveFile } from "./dom";
import { geojson } from "./mapview";
import { app, currentTerm, runById } from "./state";
import { limits, loadAreaGeometry, runCatchments, termResult } from "./viewdata";

export type DownloadKind =
  | "catchments-geojson" | "catchments-gpkg" | "catchments-csv"
  | "assignments-csv" | "assignments-geojson" | "assignments-gpkg"
  | "assessment-csv" | "assessment-xml" | "report-pdf";

/** Downloads that need a run (a base-data view has no catchments or assessment on the server). */
const NEEDS_RUN: DownloadKind[] = ["catchments-geojson", "catchments-gpkg", "catchments-csv", "assessment-csv", "assessment-xml", "report-pdf"];
/** A GeoPackage of assignments exists only for the base data (the residential areas layer). */
const BASE_ONLY: DownloadKind[] = ["assignments-gpkg"];

function partName(part: SchoolPart): string {
  return part === SchoolPart.JUNIOR ? "junior" : "primary";
}

/** "run-after-2022-autumn-primary": what a file holds, for its name. */
function stem(kind: string): string {
  const run = runById(app.view.runId);
  const who = run ? `${(run.label || "run").replace(/[^\p{L}\p{N}_-]+/gu, "_")}-${run.id.slice(0, 8)}` : "base";
  return `${kind}-${who}-${currentTerm()}-${partName(app.view.part)}`;
}

/** RFC 4180 CSV, UTF-8 with a byte-order mark so that spreadsheets open the Chinese names intact. */
export function csv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return "\uFEFF" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

async function exportLayer(layer: Layer, format: ExportFormat, name: string): Promise<void> {
  const chunks: Uint8Array[] = [];
  let type = "application/octet-stream";
  let extension = format === ExportFormat.GEOPACKAGE ? "gpkg" : "geojson";
  const request = layer === Layer.CATCHMENTS
    ? { layer, format, runId: app.view.runId ?? "", term: currentTerm(), part: app.view.part }
    : { layer, format };
  for await (const chunk of api.dataset.exportLayer(request)) {
    if (chunk.contentType) type = chunk.contentType;
    if (chunk.fileName) extension = chunk.fileName.split(".").pop() ?? extension;
    chunks.push(chunk.data);
  }
  saveFile(`${name}.${extension}`, type, chunks as BlobPart[]);
}

async function exportAssessment(format: AssessmentFormat): Promise<void> {
  const chunks: Uint8Array[] = [];
  let name = "";
  for await (const chunk of api.assessment.exportAssessment({ runId: app.view.runId ?? "", term: currentTerm(), format })) {
    if (chunk.fileName) name = chunk.fileName;
    chunks.push(chunk.data);
  }
  const type = format === AssessmentFormat.CSV ? "text/csv" : "application/vnd.ms-excel";
  saveFile(name || `${stem("assessment")}.${format === AssessmentFormat.CSV ? "csv" : "xml"}`, type, chunks as BlobPart[]);
}

/** The printed report of the run, term and level shown, as the server draws it. */
async function exportReport(): Promise<void> {
  const chunks: Uint8Array[] = [];
  let name = "";
  const request = { runId: app.view.runId ?? "", term: currentTerm(), part: app.view.part, format: ReportFormat.PDF };
  for await (const chunk of api.reports.exportReport(request)) {
    if (chunk.fileName) name = chunk.fileName;
    chunks.push(chunk.data);
  }
  saveFile(name || `${stem("report")}.pdf`, "application/pdf", chunks as BlobPart[]);
}

/** One line per catchment drawn: the school, its catchment's students and areas, and the school's figures. */
async function catchmentsCsv(): Promise<void> {
  const runId = app.view.runId!;
  const term = currentTerm();
  const [collection, result] = await Promise.all([runCatchments(runId, term, app.view.part), termResult(runId, term)]);
  const schools = new Map(result.schools.map((s) => [s.schoolCode, s] as const));
  const features = (JSON.parse(collection) as { features: { properties: Record<string, string | number> }[] }).features;
  const rows: (string | number)[][] = [
    ["school_code", "school_name", "part", "term", "catchment_students", "areas", "polygon_parts", "school_students", "size_limit"],
  ];
  for (const f of features) {
    const p = f.properties;
    const s = schools.get(String(p.school_code));
    rows.push([p.school_code, p.school_name, p.part, term, p.students, p.areas, p.parts, s?.total ?? "", s?.sizeLimit ?? ""]);
  }
  saveFile(`${stem("catchments")}.csv`, "text/csv", [csv(rows)]);
}

/** Every area with the schools serving it in the view shown: a run's assignments, or the base data's schools. */
async function assignmentRows(): Promise<{ columns: string[]; rows: { code: string; values: (string | number)[] }[] }> {
  const runId = app.view.runId;
  const name = (c: string) => (c ? app.data.schoolByCode.get(c)?.name ?? c : "");
  const [result, l] = await Promise.all([runId ? termResult(runId, currentTerm()) : null, limits()]);
  const assignments = result ? new Map(result.assignments.map((a) => [a.areaCode, a] as const)) : null;
  const rows = app.data.areas.map((area) => {
    const a = assignments?.get(area.code);
    const primary = assignments ? a?.schoolPrimaryCode ?? "" : area.schoolPrimaryCode;
    const junior = assignments ? a?.schoolJuniorCode ?? "" : area.schoolJuniorCode;
    const students = assignments ? a?.students ?? [] : area.students;
    return {
      code: area.code,
      values: [
        area.code, area.name, app.data.adminNames.get(area.adminAreaCode) ?? area.adminAreaCode, currentTerm(),
        primary, name(primary), junior, name(junior),
        ...l.grades.map((g) => (students.length === l.grades.length ? students[g - 1] : "")),
        a ? Math.round(a.distancePrimaryM) : "", a ? Math.round(a.distanceJuniorM) : "",
      ],
    };
  });
  return { columns: assignmentColumns(l), rows };
}

function assignmentColumns(l: Limits): string[] {
  return [
    "area_code", "area_name", "admin_area", "term", "school_primary_code", "school_primary_name", "school_junior_code", "school_junior_name",
    ...l.grades.map((g) => `students_grade_${g}`), "distance_primary_m", "distance_junior_m",
  ];
}

async function assignmentsCsv(): Promise<void> {
  const { columns, rows } = await assignmentRows();
  saveFile(`${stem("assignments")}.csv`, "text/csv", [csv([columns, ...rows.map((r) => r.values)])]);
}

/** The assignments with each area's boundary, as RFC 7946 GeoJSON (WGS84). */
async function assignmentsGeojson(): Promise<void> {
  const [{ columns, rows }] = await Promise.all([assignmentRows(), loadAreaGeometry()]);
  const features = rows.flatMap((r) => {
    const g = app.data.areaGeometry.get(r.code);
    if (!g) return [];
    const properties = Object.fromEntries(columns.map((c, i) => [c, r.values[i] === "" ? null : r.values[i]]));
    return [{ type: "Feature", properties, geometry: geojson.writeGeometryObject(g, { decimals: 7 }) }];
  });
  const text = JSON.stringify({ type: "FeatureCollection", features });
  saveFile(`${stem("assignments")}.geojson`, "application/geo+json", [text]);
}

export async function download(kind: DownloadKind): Promise<void> {
  const status = $("download-status");
  status.textContent = "下载中 preparing…";
  try {
    switch (kind) {
      case "catchments-geojson": await exportLayer(Layer.CATCHMENTS, ExportFormat.GEOJSON, stem("catchments")); break;
      case "catchments-gpkg": await exportLayer(Layer.CATCHMENTS, ExportFormat.GEOPACKAGE, stem("catchments")); break;
      case "catchments-csv": await catchmentsCsv(); break;
      case "assignments-csv": await assignmentsCsv(); break;
      case "assignments-geojson": await assignmentsGeojson(); break;
      case "assignments-gpkg": await exportLayer(Layer.RESIDENTIAL_AREAS, ExportFormat.GEOPACKAGE, stem("assignments")); break;
      case "assessment-csv": await exportAssessment(AssessmentFormat.CSV); break;
      case "assessment-xml": await exportAssessment(AssessmentFormat.SPREADSHEET_XML); break;
      case "report-pdf": await exportReport(); break;
    }
    status.textContent = "";
  } catch (e) {
    status.textContent = `下载失败 download failed: ${describeError(e)}`;
    reportError("下载 Download", e);
  }
}

/** Shows the downloads that fit the view: a run's, or the base data's. */
export function updateDownloads(): void {
  const run = app.view.runId !== null;
  document.querySelectorAll<HTMLButtonElement>("[data-download]").forEach((b) => {
    const kind = b.dataset.download as DownloadKind;
    b.hidden = (!run && NEEDS_RUN.includes(kind)) || (run && BASE_ONLY.includes(kind));
  });
  $("download-note").textContent = run
    ? "学区、评估与报告为所选模拟、学期、学段 · Catchments, assessment and report of the run, term and level shown. GeoPackage of a run's assignments: not offered by the server yet."
    : "现状 base data: 各小区/村的当前学校 · every area's current schools. 学区与评估需选择模拟 · Pick a run for catchments and the assessment.";
}

export function wireDownloads(): void {
  document.querySelectorAll<HTMLButtonElement>("[data-download]").forEach((b) =>
    b.addEventListener("click", () => void download(b.dataset.download as DownloadKind)),
  );
}
