// The map legend: catchment colours, school symbols, lines.
import { toContext } from "ol/render";
import Point from "ol/geom/Point";
import { Style } from "ol/style";
import { SchoolLevel } from "./gen/planning/v1/common_pb";
import { STATUS_LABELS, type SchoolStatus } from "./domain";
import { schoolSymbol } from "./mapview";

function symbolCanvas(status: SchoolStatus, level: SchoolLevel): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  const ratio = window.devicePixelRatio || 1;
  canvas.width = 20 * ratio;
  canvas.height = 18 * ratio;
  canvas.style.width = "20px";
  canvas.style.height = "18px";
  const ctx = canvas.getContext("2d");
  if (ctx) {
    const render = toContext(ctx, { size: [20, 18], pixelRatio: ratio });
    render.setStyle(new Style({ image: schoolSymbol(status, level) }));
    render.drawGeometry(new Point([10, 9]));
  }
  return canvas;
}

function item(symbol: HTMLElement, text: string): HTMLElement {
  const div = document.createElement("div");
  div.className = "item";
  div.appendChild(symbol);
  const span = document.createElement("span");
  span.textContent = text;
  div.appendChild(span);
  return div;
}

function lineSample(css: string): HTMLElement {
  const s = document.createElement("span");
  s.style.cssText = `display:inline-block;width:20px;height:0;border-top:${css};`;
  return s;
}

function boxSample(css: string): HTMLElement {
  const s = document.createElement("span");
  s.style.cssText = `display:inline-block;width:20px;height:12px;${css}`;
  return s;
}

export interface LegendInput {
  catchments: number;
  catchmentColours: string[];
  catchmentSource: string;
  showChanged: boolean;
  showAreas: boolean;
}

export function renderLegend(el: HTMLElement, input: LegendInput): void {
  el.replaceChildren();
  const h = (text: string) => {
    const e = document.createElement("h3");
    e.textContent = text;
    el.appendChild(e);
  };

  h(`学区 Catchments: ${input.catchments}`);
  const catch_ = document.createElement("div");
  const sw = document.createElement("div");
  sw.className = "swatches";
  for (const c of input.catchmentColours.slice(0, 12)) {
    const s = document.createElement("span");
    s.style.background = c;
    sw.appendChild(s);
  }
  catch_.appendChild(sw);
  const note = document.createElement("div");
  note.textContent = `一校一色 one colour per school · ${input.catchmentSource}`;
  catch_.appendChild(note);
  el.appendChild(catch_);

  h("学校 Schools");
  const schools = document.createElement("div");
  schools.className = "grid2";
  const byStatus = document.createElement("div");
  for (const status of ["within", "over", "new", "expanded", "closed"] as SchoolStatus[]) {
    byStatus.appendChild(item(symbolCanvas(status, SchoolLevel.PRIMARY), STATUS_LABELS[status]));
  }
  const byLevel = document.createElement("div");
  byLevel.appendChild(item(symbolCanvas("within", SchoolLevel.PRIMARY), "小学 primary"));
  byLevel.appendChild(item(symbolCanvas("within", SchoolLevel.JUNIOR), "初中 junior"));
  byLevel.appendChild(item(symbolCanvas("within", SchoolLevel.NINE_YEAR), "九年一贯制 9-year"));
  const faint = document.createElement("div");
  faint.className = "note";
  faint.textContent = "淡色 faint: other level";
  byLevel.appendChild(faint);
  schools.append(byStatus, byLevel);
  el.appendChild(schools);

  h("边界 Boundaries");
  const lines = document.createElement("div");
  lines.appendChild(item(lineSample("2.5px solid #333"), "区界 district"));
  lines.appendChild(item(lineSample("1.5px dashed #555"), "街镇 street / town"));
  if (input.showAreas) lines.appendChild(item(boxSample("border:1px solid #555;"), "小区 / 村 residential area"));
  if (input.showChanged) {
    lines.appendChild(
      item(
        boxSample("border:1.5px solid #c0392b;background:repeating-linear-gradient(135deg,#c0392b 0 1.5px,transparent 1.5px 5px);"),
        "学校有变化 school changed",
      ),
    );
  }
  el.appendChild(lines);
}
