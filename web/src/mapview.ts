// One map panel: district, admin areas, catchments, residential areas, changed areas, schools.
// Two panels share one View in the side-by-side compare mode.
import Feature, { type FeatureLike } from "ol/Feature";
import Map from "ol/Map";
import View from "ol/View";
import GeoJSON from "ol/format/GeoJSON";
import type Geometry from "ol/geom/Geometry";
import Point from "ol/geom/Point";
import TileLayer from "ol/layer/Tile";
import VectorLayer from "ol/layer/Vector";
import { fromLonLat } from "ol/proj";
import VectorSource from "ol/source/Vector";
import XYZ from "ol/source/XYZ";
import { Circle as CircleStyle, Fill, RegularShape, Stroke, Style, Text } from "ol/style";
import { Attribution, Control, defaults as defaultControls, Rotate, ScaleLine } from "ol/control";
import type { Extent } from "ol/extent";
import { SchoolLevel } from "./gen/planning/v1/common_pb";
import { darker, FONT_STACK, STATUS_COLOURS, withAlpha } from "./colors";
import type { SchoolStatus } from "./domain";

export const geojson = new GeoJSON({ dataProjection: "EPSG:4326", featureProjection: "EPSG:3857" });

export function readGeometry(text: string): Geometry | null {
  if (!text) return null;
  return geojson.readGeometry(JSON.parse(text)) as Geometry;
}

export interface SchoolPoint {
  code: string;
  name: string;
  level: SchoolLevel;
  lon: number;
  lat: number;
  status: SchoolStatus;
  /** False when the school teaches no grade of the level shown (drawn faint). */
  servesPart: boolean;
}

export interface LayerVisibility {
  /** The XYZ background, when the server names one (WebMap:TileUrl). */
  background: boolean;
  district: boolean;
  admin: boolean;
  catchments: boolean;
  schools: boolean;
  areas: boolean;
  labels: boolean;
}

const LABEL_RESOLUTION_SCHOOLS = 30; // metres per pixel: school names only when zoomed in
const LABEL_RESOLUTION_AREAS = 8;

function hatchPattern(colour: string): CanvasPattern | string {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 8;
  const ctx = canvas.getContext("2d");
  if (!ctx) return colour;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  return ctx.createPattern(canvas, "repeat") ?? colour;
}

export class MapPanel {
  readonly map: Map;
  readonly district = new VectorSource();
  readonly admin = new VectorSource();
  readonly catchments = new VectorSource();
  readonly areas = new VectorSource();
  readonly changed = new VectorSource();
  readonly schools = new VectorSource();
  readonly layers: Record<Exclude<keyof LayerVisibility, "background"> | "changed", VectorLayer<VectorSource>>;
  private colours = new globalThis.Map<string, string>();
  private selectedSchool: string | null = null;
  private selectedArea: string | null = null;
  private showLabels = true;
  private readonly titleEl: HTMLElement;
  private readonly styleCache = new globalThis.Map<string, Style | Style[]>();
  private homeExtent: Extent | null = null;
  private background: TileLayer<XYZ> | null = null;

  constructor(readonly target: HTMLElement, view?: View) {
    this.titleEl = document.createElement("div");
    this.titleEl.className = "panel-title";
    target.appendChild(this.titleEl);

    const hatch = hatchPattern("rgba(200,30,30,0.85)");
    this.layers = {
      district: new VectorLayer({
        source: this.district,
        style: new Style({ stroke: new Stroke({ color: "#333", width: 2.5 }), fill: new Fill({ color: "#fbfaf6" }) }),
        zIndex: 0,
      }),
      catchments: new VectorLayer({ source: this.catchments, style: (f) => this.catchmentStyle(f), zIndex: 1 }),
      admin: new VectorLayer({
        source: this.admin,
        style: (f, res) => this.adminStyle(f, res),
        declutter: "admin",
        zIndex: 2,
      }),
      areas: new VectorLayer({ source: this.areas, style: (f, res) => this.areaStyle(f, res), visible: false, zIndex: 3 }),
      changed: new VectorLayer({
        source: this.changed,
        style: new Style({ fill: new Fill({ color: hatch }), stroke: new Stroke({ color: "#c0392b", width: 1.5 }) }),
        zIndex: 4,
      }),
      schools: new VectorLayer({
        source: this.schools,
        style: (f, res) => this.schoolStyle(f, res),
        declutter: "labels",
        zIndex: 5,
      }),
      labels: new VectorLayer({ source: new VectorSource(), visible: false }), // placeholder for the toggle
    };
    this.map = new Map({
      target,
      layers: [
        this.layers.district, this.layers.catchments, this.layers.admin, this.layers.areas,
        this.layers.changed, this.layers.schools,
      ],
      view: view ?? new View({ center: fromLonLat([117.31, 39.72]), zoom: 10, minZoom: 8, maxZoom: 18 }),
      controls: defaultControls({ attribution: false, rotate: false }).extend([
        new ScaleLine(),
        new HomeControl(() => this.home()),
        // The north arrow: always shown, turns with the map (Alt+Shift+drag rotates it); a click turns north up again.
        new Rotate({ autoHide: false, label: northArrow(), tipLabel: "北 North · 点击复位 click: north up", className: "ol-rotate north-arrow" }),
      ]),
    });
  }

  /** The whole district (the home button's extent). */
  setHomeExtent(extent: Extent): void {
    this.homeExtent = extent;
  }

  /** Shows the whole district. */
  home(): void {
    if (this.homeExtent) this.fit(this.homeExtent);
  }

  /**
   * An XYZ tile background (a bureau's own tile server) under everything, with its attribution shown
   * on the map. The district is then drawn without its paper-coloured fill, so that the tiles show.
   */
  setBackground(url: string, attribution: string): void {
    if (this.background || !url) return;
    this.background = new TileLayer({
      source: new XYZ({ url, attributions: attribution || undefined, crossOrigin: null, maxZoom: 19 }),
      zIndex: -1,
    });
    this.map.addLayer(this.background);
    this.map.addControl(new Attribution({ collapsible: false, collapsed: false }));
    this.layers.district.setStyle(new Style({ stroke: new Stroke({ color: "#333", width: 2.5 }) }));
  }

  /** Resolves once the map has drawn what its sources hold now (a render is asked for, so it resolves even when nothing changed). */
  drawn(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.map.once("rendercomplete", () => resolve());
      this.map.render();
    });
  }

  get view(): View {
    return this.map.getView();
  }

  setTitle(text: string): void {
    this.titleEl.textContent = text;
    this.titleEl.hidden = !text;
  }

  setColours(colours: globalThis.Map<string, string>): void {
    this.colours = colours;
  }

  setDistrict(geometry: Geometry | null): void {
    this.district.clear();
    if (geometry) this.district.addFeature(new Feature({ geometry }));
  }

  setAdminAreas(items: { code: string; name: string; street: boolean; geometry: Geometry | null }[]): void {
    this.admin.clear();
    this.admin.addFeatures(
      items.filter((a) => a.geometry).map((a) => {
        const f = new Feature({ geometry: a.geometry!, name: a.name, street: a.street });
        f.setId(a.code);
        return f;
      }),
    );
  }

  setCatchments(features: Feature[]): void {
    this.catchments.clear(true);
    this.catchments.addFeatures(features);
  }

  setAreas(features: Feature[]): void {
    this.areas.clear(true);
    this.areas.addFeatures(features);
  }

  setChanged(features: Feature[]): void {
    this.changed.clear(true);
    this.changed.addFeatures(features);
  }

  setSchools(points: SchoolPoint[]): void {
    this.schools.clear(true);
    this.schools.addFeatures(
      points.map((p) => {
        const f = new Feature({ geometry: new Point(fromLonLat([p.lon, p.lat])), ...p });
        f.setId(p.code);
        return f;
      }),
    );
  }

  select(school: string | null, area: string | null): void {
    this.selectedSchool = school;
    this.selectedArea = area;
    this.layers.catchments.changed();
    this.layers.schools.changed();
    this.layers.areas.changed();
  }

  setVisibility(v: LayerVisibility): void {
    this.background?.setVisible(v.background);
    this.layers.district.setVisible(v.district);
    this.layers.admin.setVisible(v.admin);
    this.layers.catchments.setVisible(v.catchments);
    this.layers.schools.setVisible(v.schools);
    this.layers.areas.setVisible(v.areas);
    if (this.showLabels !== v.labels) {
      this.showLabels = v.labels;
      this.styleCache.clear();
      this.layers.admin.changed();
      this.layers.schools.changed();
      this.layers.areas.changed();
    }
  }

  fit(extent: Extent): void {
    this.view.fit(extent, { padding: [30, 30, 30, 30] });
  }

  /** Client (page) coordinates of a school's symbol, for tests and tooltips. */
  schoolPixel(code: string): [number, number] | null {
    const f = this.schools.getFeatureById(code);
    if (!f) return null;
    const px = this.map.getPixelFromCoordinate((f.getGeometry() as Point).getCoordinates());
    if (!px) return null;
    const rect = this.map.getTargetElement().getBoundingClientRect();
    return [rect.left + px[0], rect.top + px[1]];
  }

  // ---- styles ----

  private catchmentStyle(f: FeatureLike): Style {
    const code = f.get("school_code") as string;
    const colour = this.colours.get(code) ?? "#cccccc";
    const selected = this.selectedSchool === code;
    const dim = this.selectedSchool !== null && !selected;
    const key = `c|${colour}|${selected}|${dim}`;
    let s = this.styleCache.get(key) as Style | undefined;
    if (!s) {
      s = new Style({
        fill: new Fill({ color: withAlpha(colour, selected ? 0.85 : dim ? 0.3 : 0.62) }),
        stroke: selected
          ? new Stroke({ color: "#1a1a1a", width: 2 })
          : new Stroke({ color: darker(colour, 0.55), width: 0.8 }),
        zIndex: selected ? 10 : 0,
      });
      this.styleCache.set(key, s);
    }
    return s;
  }

  private adminStyle(f: FeatureLike, resolution: number): Style {
    const name = f.get("name") as string;
    const street = f.get("street") as boolean;
    const line = new Stroke({ color: "rgba(70,70,70,0.75)", width: 1.2, lineDash: [6, 4] });
    // Streets are small (the urban area): their names only once zoomed in.
    if (!this.showLabels || resolution > 160 || (street && resolution > 22)) return new Style({ stroke: line });
    return new Style({
      stroke: line,
      text: new Text({
        text: name,
        font: `bold ${street ? 12 : 13}px ${FONT_STACK}`,
        offsetY: 18,
        fill: new Fill({ color: "#3b3b3b" }),
        stroke: new Stroke({ color: "rgba(255,255,255,0.9)", width: 3.5 }),
        overflow: true,
      }),
    });
  }

  private areaStyle(f: FeatureLike, resolution: number): Style {
    const selected = this.selectedArea === f.getId();
    const base = new Style({
      fill: new Fill({ color: selected ? "rgba(255,215,0,0.55)" : "rgba(255,255,255,0.01)" }),
      stroke: new Stroke({ color: selected ? "#111" : "rgba(40,40,40,0.55)", width: selected ? 2.5 : 0.6 }),
      zIndex: selected ? 10 : 0,
    });
    if (this.showLabels && resolution < LABEL_RESOLUTION_AREAS) {
      base.setText(
        new Text({
          text: f.get("name") as string,
          font: `11px ${FONT_STACK}`,
          fill: new Fill({ color: "#222" }),
          stroke: new Stroke({ color: "#fff", width: 3 }),
        }),
      );
    }
    return base;
  }

  private schoolStyle(f: FeatureLike, resolution: number): Style | Style[] {
    const status = f.get("status") as SchoolStatus;
    const level = f.get("level") as SchoolLevel;
    const serves = f.get("servesPart") as boolean;
    const selected = this.selectedSchool === f.getId();
    const label = this.showLabels && (selected || resolution < LABEL_RESOLUTION_SCHOOLS);
    const key = `s|${status}|${level}|${serves}|${selected}|${label ? f.getId() : ""}`;
    let s = this.styleCache.get(key);
    if (!s) {
      const image = schoolSymbol(status, level, serves, selected);
      const styles: Style[] = [new Style({ image, zIndex: selected ? 20 : serves ? 10 : 5 })];
      if (label) {
        styles.push(
          new Style({
            text: new Text({
              text: f.get("name") as string,
              font: `${selected ? "bold " : ""}12px ${FONT_STACK}`,
              offsetY: -15,
              fill: new Fill({ color: "#111" }),
              stroke: new Stroke({ color: "rgba(255,255,255,0.95)", width: 3.5 }),
            }),
            zIndex: selected ? 21 : 11,
          }),
        );
      }
      s = styles;
      this.styleCache.set(key, s);
    }
    return s;
  }
}

/** The home button: back to the whole district. */
class HomeControl extends Control {
  constructor(onClick: () => void) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "⌂";
    button.title = "全区 Whole district";
    button.className = "home-button";
    const element = document.createElement("div");
    element.className = "ol-home ol-unselectable ol-control";
    element.appendChild(button);
    super({ element });
    button.addEventListener("click", onClick);
  }
}

/** "N" over an arrow, for the Rotate control (which turns it with the map). */
function northArrow(): HTMLElement {
  const span = document.createElement("span");
  span.className = "north-arrow-label";
  span.innerHTML =
    '<svg viewBox="0 0 20 28" width="20" height="28" aria-hidden="true">' +
    '<path d="M10 9 L16 26 L10 22 L4 26 Z" fill="#1d232a"/><path d="M10 9 L10 22 L4 26 Z" fill="#fff" stroke="#1d232a" stroke-width="0.8"/>' +
    '<text x="10" y="8" text-anchor="middle" font-size="8" font-weight="bold" fill="#1d232a">N</text></svg>';
  return span;
}

/** The symbol of a school: shape by level (circle, square, triangle), fill by status. */
export function schoolSymbol(status: SchoolStatus, level: SchoolLevel, serves = true, selected = false) {
  const colour = STATUS_COLOURS[status];
  const alpha = serves ? 1 : 0.35;
  const fill = new Fill({ color: status === "closed" ? `rgba(255,255,255,${alpha})` : withAlpha(colour, alpha) });
  const stroke = new Stroke({
    color: selected ? "#000" : status === "closed" ? `rgba(31,111,209,${alpha})` : `rgba(255,255,255,${alpha})`,
    width: selected ? 3 : status === "closed" ? 2 : 1.5,
    lineDash: status === "closed" ? [3, 2] : undefined,
  });
  const scale = (serves ? 1 : 0.75) * (selected ? 1.45 : 1);
  // Symbols are always drawn; labels make way for them.
  const declutterMode = "obstacle" as const;
  switch (level) {
    case SchoolLevel.JUNIOR:
      return new RegularShape({ points: 4, radius: 7.5 * scale, angle: Math.PI / 4, fill, stroke, declutterMode });
    case SchoolLevel.NINE_YEAR:
      return new RegularShape({ points: 3, radius: 8.5 * scale, fill, stroke, declutterMode });
    default:
      return new CircleStyle({ radius: 6 * scale, fill, stroke, declutterMode });
  }
}
