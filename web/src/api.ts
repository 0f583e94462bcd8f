// gRPC-Web clients of the planning.v1 contract (generated from ../proto by buf + protoc-gen-es).
import { Code, ConnectError, createClient, type Client } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { AssessmentService } from "./gen/planning/v1/assessment_pb";
import { GeographyService } from "./gen/planning/v1/geography_pb";
import { ScenarioService, type Scenario } from "./gen/planning/v1/scenarios_pb";
import { ResidentialAreaService, SchoolService, type ResidentialArea, type School } from "./gen/planning/v1/schools_pb";
import { SimulationService, type Run } from "./gen/planning/v1/simulation_pb";

// Same origin as the page: the server serves both (no CORS).
const transport = createGrpcWebTransport({
  baseUrl: window.location.origin,
  useBinaryFormat: true,
});

export const api = {
  geography: createClient(GeographyService, transport),
  schools: createClient(SchoolService, transport),
  areas: createClient(ResidentialAreaService, transport),
  simulation: createClient(SimulationService, transport),
  scenarios: createClient(ScenarioService, transport),
  assessment: createClient(AssessmentService, transport),
};

export type SimulationClient = Client<typeof SimulationService>;

/** True when the server does not (yet) offer the called method or service. */
export function isUnimplemented(e: unknown): boolean {
  return e instanceof ConnectError && e.code === Code.Unimplemented;
}

export function isCancelled(e: unknown): boolean {
  return e instanceof ConnectError && e.code === Code.Canceled;
}

export function isNotFound(e: unknown): boolean {
  return e instanceof ConnectError && e.code === Code.NotFound;
}

/** A short description of an error for the status line. */
export function describeError(e: unknown): string {
  if (e instanceof ConnectError) {
    return `${Code[e.code] ?? e.code}: ${e.rawMessage}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Every school, all pages. */
export async function listAllSchools(): Promise<School[]> {
  const out: School[] = [];
  let token = "";
  do {
    const res = await api.schools.listSchools({ page: { pageSize: 1000, pageToken: token } });
    out.push(...res.schools);
    token = res.page?.nextPageToken ?? "";
  } while (token);
  return out;
}

/** Every residential area with its boundary, all pages (1,000 per page). */
export async function listAllAreas(): Promise<ResidentialArea[]> {
  const out: ResidentialArea[] = [];
  let token = "";
  do {
    const res = await api.areas.listResidentialAreas({ includeGeometry: true, page: { pageSize: 1000, pageToken: token } });
    out.push(...res.residentialAreas);
    token = res.page?.nextPageToken ?? "";
  } while (token);
  return out;
}

/** Runs, newest first; null when the simulation service is not available. */
export async function listRuns(): Promise<Run[] | null> {
  try {
    const out: Run[] = [];
    let token = "";
    do {
      const res = await api.simulation.listRuns({ page: { pageSize: 200, pageToken: token } });
      out.push(...res.runs);
      token = res.page?.nextPageToken ?? "";
    } while (token && out.length < 1000);
    return out;
  } catch (e) {
    if (isUnimplemented(e)) return null;
    throw e;
  }
}

/** Scenarios, newest first; null when the scenario service is not available. */
export async function listScenarios(): Promise<Scenario[] | null> {
  try {
    const res = await api.scenarios.listScenarios({ page: { pageSize: 200 } });
    return res.scenarios;
  } catch (e) {
    if (isUnimplemented(e)) return null;
    throw e;
  }
}
