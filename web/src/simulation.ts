// Running a simulation from the page: RunSimulation's progress, Cancel, and what the server stored.
import { api, describeError, isCancelled } from "./api";
import { canPlan } from "./auth";
import { RunMode, RunStatus, type Run } from "./gen/planning/v1/simulation_pb";
import { fmt, termLabel } from "./domain";
import { $ } from "./dom";
import { render } from "./render";
import { fillRunSelects, reloadRuns, runTitle, setRun } from "./runs";
import { app } from "./state";

const UNFINISHED = [RunStatus.RUNNING, RunStatus.QUEUED, RunStatus.UNSPECIFIED];

/**
 * The run as the server finally stored it. After a cancel the server records the run's end a moment
 * after the call has ended, or, when the cancel came too late (the results were being written), not
 * at all: it then succeeds. So ask until it is no longer running (up to about a minute).
 */
async function settledRun(runId: string): Promise<Run> {
  let delay = 100;
  for (let waited = 0; ; waited += delay, delay = Math.min(delay * 2, 2000)) {
    const run = await api.simulation.getRun({ id: runId });
    if (!UNFINISHED.includes(run.status) || waited > 60_000) return run;
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** Opens a run: its scenario in the box, the run in the list, drawn. */
export async function openRun(run: Run): Promise<void> {
  await reloadRuns();
  app.view.scenario = run.scenarioId;
  $<HTMLSelectElement>("scenario").value = run.scenarioId;
  fillRunSelects();
  setRun(run.id, true);
  await render();
}

export async function startSimulation(): Promise<void> {
  if (app.simulation) return;
  const ctrl = new AbortController();
  app.simulation = ctrl;
  const progress = $<HTMLProgressElement>("sim-progress");
  const message = $("sim-message");
  const startBtn = $<HTMLButtonElement>("sim-start");
  const cancelBtn = $<HTMLButtonElement>("sim-cancel");
  startBtn.disabled = true;
  cancelBtn.disabled = false;
  progress.hidden = false;
  progress.value = 0;
  message.textContent = "开始 starting…";
  const mode = $<HTMLSelectElement>("sim-mode").value === "keep" ? RunMode.KEEP_CURRENT : RunMode.REDISTRIBUTE;
  const scenarioId = app.view.scenario;
  let runId = "";
  let finished: Run | undefined;
  try {
    // cancel_on_disconnect: the page's Cancel (and closing the tab) ends the run, as before the
    // cluster; without it a run goes on after its call ends (issue 16).
    const stream = api.simulation.runSimulation(
      { scenarioId, mode, label: $<HTMLInputElement>("sim-label").value.trim(), cancelOnDisconnect: true },
      { signal: ctrl.signal },
    );
    for await (const ev of stream) {
      if (ev.event.case === "progress") {
        const p = ev.event.value;
        if (p.runId && !runId) {
          runId = p.runId;
          void reloadRuns(); // the new run shows in the list, [running]
        }
        progress.value = p.percent;
        message.textContent = `${p.term ? `${termLabel(p.term)} (${p.term}) · ` : ""}${fmt(p.percent)} % · ${p.message}`;
      } else if (ev.event.case === "finished") {
        finished = ev.event.value;
      }
    }
    progress.value = 100;
    if (finished) {
      message.textContent = "保存 saving results…";
      await openRun(finished);
      // Last, once the new run is drawn: tests wait for this text.
      message.textContent = `完成 finished: ${runTitle(finished)}`;
    } else {
      message.textContent = "结束 ended without a summary";
      await reloadRuns();
    }
  } catch (e) {
    if (isCancelled(e) || ctrl.signal.aborted) {
      await afterCancel(runId);
    } else {
      message.textContent = `失败 failed: ${describeError(e)}`;
      progress.hidden = true;
      if (runId) await reloadRuns();
    }
  } finally {
    app.simulation = null;
    startBtn.disabled = !canPlan();
    cancelBtn.disabled = true;
  }
}

/** Says what the server stored after a cancel: a cancelled run, or (a late cancel) a run that finished anyway, then opened. */
async function afterCancel(runId: string): Promise<void> {
  const message = $("sim-message");
  const progress = $<HTMLProgressElement>("sim-progress");
  if (!runId) {
    message.textContent = "已取消 cancelled before the server started the run: nothing was stored.";
    progress.hidden = true;
    return;
  }
  message.textContent = "取消中 cancelling: asking the server what it stored…";
  const run = await settledRun(runId);
  if (run.status === RunStatus.SUCCEEDED) {
    progress.value = 100;
    await openRun(run);
    message.textContent =
      `取消太晚 The cancel came too late: the run had already finished and its results are stored — showing it: ${runTitle(run)}`;
    return;
  }
  progress.hidden = true;
  await reloadRuns();
  const status = RunStatus[run.status]?.toLowerCase() ?? String(run.status);
  message.textContent = `已取消 cancelled: the server stored the run as ${status}${run.error ? ` (${run.error})` : ""}; no results were stored.`;
}

export function cancelSimulation(): void {
  app.simulation?.abort();
}
