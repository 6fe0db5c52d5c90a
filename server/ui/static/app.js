// annals web UI: a hash router over four views of the filtered events
// (table, timeline, map, network) and an article view. Every piece of data
// reaches the page through textContent or an attribute set by hand, never
// through HTML parsing: article text is untrusted.
"use strict";

const COUNT_KINDS = ["killed", "injured", "arrested", "crowd"];
const FILTERS = ["from", "to", "source", "target", "actor", "country", "code", "quad", "plover", "mode", "place", "bbox", "text", "background",
  ...COUNT_KINDS.map((k) => "min-" + k)];
const EVENT_COLUMNS = ["Date", "Source", "Event", "Target", "Place", "Mode", "Quad", "Counts", "Mentions", "Sentence"];
const SVGNS = "http://www.w3.org/2000/svg";
const view = document.getElementById("view");
const form = document.getElementById("filters");
const tip = document.getElementById("tip");

// el makes an element; string children become text nodes.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(typeof c === "string" || typeof c === "number" ? String(c) : c);
  }
  return e;
}

function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVGNS, tag);
  setAttrs(e, attrs);
  for (const c of children) if (c) e.append(c);
  return e;
}

function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
}

// svgTitle gives an SVG element a hover text.
function svgTitle(text) {
  const t = document.createElementNS(SVGNS, "title");
  t.textContent = text;
  return t;
}

// route reads the hash: "#/events?country=KEN" or "#/doc/ID?event=12".
function route() {
  const h = location.hash.replace(/^#\/?/, "");
  const q = h.indexOf("?");
  const path = q < 0 ? h : h.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : h.slice(q + 1));
  const parts = path.split("/");
  return { name: parts[0] || "events", arg: parts.slice(1).join("/"), params };
}

function href(name, params) {
  const s = params.toString();
  return "#/" + name + (s ? "?" + s : "");
}

// filterParams keeps only the event filters of params.
function filterParams(params) {
  const out = new URLSearchParams();
  for (const k of FILTERS) if (params.get(k)) out.set(k, params.get(k));
  return out;
}

async function api(path, params) {
  const qs = params && params.toString();
  const res = await fetch("/api/" + path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function showError(err) {
  view.replaceChildren(el("p", { class: "error", role: "alert" }, "Could not load: " + err.message));
}

function plural(n, word) {
  return n + " " + word + (n === 1 ? "" : "s");
}

function actorLabel(a) {
  if (!a) return "—";
  return a.code || a.text || "—";
}

function eventLabel(m) {
  return m.record.code + (m.description ? " " + m.description : "");
}

const numberFormat = new Intl.NumberFormat("en-US");

// countNumber writes a count's range as its precision says: "12",
// "56+" (at least), "~1,000,000" (about), "2,000–9,999" (vague).
function countNumber(c) {
  const n = numberFormat.format(c.low);
  if (c.low !== c.high) return n + "–" + numberFormat.format(c.high);
  if (c.precision === "at_least") return n + "+";
  if (c.precision === "about") return "~" + n;
  return n;
}

function countLabel(c) {
  return c.kind + " " + countNumber(c);
}

// countCell shows an event's counts, each with the words that state it
// on hover.
function countCell(counts) {
  if (!counts || counts.length === 0) return "—";
  const out = el("span", { class: "tallies" });
  counts.forEach((c, i) => {
    if (i) out.append(" ");
    out.append(el("span", { class: "tally k-" + c.kind, title: c.precision + (c.text ? ": “" + c.text + "”" : "") }, countLabel(c)));
  });
  return out;
}

// ---- router ----

async function render() {
  const r = route();
  for (const a of document.querySelectorAll("#nav a")) {
    a.setAttribute("href", href(a.dataset.view, filterParams(r.params)));
    a.classList.toggle("active", a.dataset.view === r.name);
  }
  fillForm(r.params);
  document.body.dataset.view = r.name;
  hideTip();
  const views = { events: renderEvents, timeline: renderTimeline, map: renderMap, network: renderNetwork, doc: renderDoc };
  const fn = views[r.name];
  if (!fn) {
    view.replaceChildren(el("p", { class: "error" }, "No such view: " + r.name));
    return;
  }
  view.replaceChildren(el("p", { class: "loading" }, "Loading…"));
  try {
    await fn(r);
  } catch (err) {
    showError(err);
  }
}

function fillForm(params) {
  for (const k of FILTERS) form.elements[k].value = params.get(k) || "";
}

function applyFilters(ev) {
  ev.preventDefault();
  const r = route();
  const params = new URLSearchParams();
  for (const k of FILTERS) {
    const v = form.elements[k].value.trim();
    if (v) params.set(k, v);
  }
  // Keep a view's own settings (interval, by, range) across filter changes.
  for (const [k, v] of r.params) if (!FILTERS.includes(k) && k !== "event") params.set(k, v);
  location.hash = href(r.name === "doc" ? "events" : r.name, params);
}

function clearFilters() {
  const r = route();
  location.hash = href(r.name === "doc" ? "events" : r.name, new URLSearchParams());
}

// ---- tooltip ----

// showTip shows lines beside target: below it, or above when only that
// fits, and always inside the viewport. point is where the pointer is,
// if it is one: a phrase wrapped over several lines is placed by the line
// under the pointer, not by its whole box, which can be taller than the
// screen.
function showTip(target, lines, point) {
  tip.replaceChildren(...lines.map((l) => el("div", null, l)));
  tip.hidden = false;
  const rects = [...target.getClientRects()];
  const b = (point && rects.find((q) => point.x >= q.left && point.x <= q.right && point.y >= q.top && point.y <= q.bottom)) ||
    rects[0] || target.getBoundingClientRect();
  // The visible area, without scroll bars; the tip's CSS caps its height to it.
  const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
  const gap = 6, edge = 4, h = tip.offsetHeight, w = tip.offsetWidth;
  const below = vh - b.bottom - gap - edge, above = b.top - gap - edge;
  let top = h <= below || below >= above ? b.bottom + gap : b.top - gap - h;
  top = Math.max(edge, Math.min(top, vh - h - edge));
  const left = Math.max(edge, Math.min(b.left, vw - w - edge));
  tip.style.top = top + scrollY + "px";
  tip.style.left = left + scrollX + "px";
}

function hideTip() {
  tip.hidden = true;
}

// ---- events table ----

// SORTS are the orders of the events table: newest first, or the largest
// count of a kind first (the API's sort).
const SORTS = [["", "newest first"], ["killed", "most killed"], ["injured", "most injured"], ["arrested", "most arrested"], ["crowd", "largest crowd"]];

async function renderEvents(r) {
  const params = filterParams(r.params);
  params.set("limit", "50");
  const sort = r.params.get("sort") || "";
  if (sort) params.set("sort", sort);
  const body = el("tbody");
  const table = el("table", { class: "events" },
    el("thead", null, el("tr", null, ...EVENT_COLUMNS.map((h) => el("th", { scope: "col" }, h)))),
    body);
  const more = el("button", { type: "button", class: "more", hidden: true }, "More events");
  const count = el("p", { class: "count" });
  let shown = 0;
  let cursor = "";
  async function page() {
    if (cursor) params.set("cursor", cursor);
    const res = await api("events", params);
    for (const e of res.events) body.append(eventRow(e));
    shown += res.events.length;
    cursor = res.next || "";
    more.hidden = !cursor;
    count.textContent = shown === 0 ? "No events match these filters." : plural(shown, "event") + (cursor ? " so far; more below." : ".");
  }
  more.addEventListener("click", () => page().catch(showError));
  await page();
  view.replaceChildren(el("div", { class: "controls" }, choice("Sort", "sort", sort, SORTS, r)), count, el("div", { class: "scroll" }, table), more);
}

// dateLabel writes an event's date with what its precision says: the
// Monday of a week is "week of ...", and a publication date is not the
// day the event happened, only the article's.
function dateLabel(date, precision) {
  if (!date) return "—";
  if (precision === "week") return "week of " + date;
  if (precision === "publication") return date + " (published)";
  return date;
}

function eventRow(e) {
  const r = e.record;
  const loc = r.location;
  const docLink = el("a", { href: href("doc/" + encodeURIComponent(r.doc.id), new URLSearchParams({ event: e.id })), class: "sentence" }, r.sentence.text);
  const place = loc ? el("a", { href: href("events", new URLSearchParams({ place: loc.name })) }, loc.name + (loc.country ? " (" + loc.country + ")" : "")) : "—";
  const row = el("tr", null,
    el("td", { class: "nowrap" }, dateLabel(e.date, e.date_precision)),
    el("td", { title: r.source ? r.source.text : "" }, actorLabel(r.source)),
    el("td", null, el("span", { class: "code q" + r.quad_class }, r.code), " ", e.description || ""),
    el("td", { title: r.target ? r.target.text : "" }, actorLabel(r.target)),
    el("td", null, place),
    el("td", null, r.mode),
    el("td", null, String(r.quad_class)),
    el("td", null, countCell(r.counts)),
    el("td", { class: "num" }, String(e.num_mentions)),
    el("td", null, docLink));
  // Labels for the narrow layout, where each row becomes a card.
  [...row.children].forEach((td, i) => td.setAttribute("data-label", EVENT_COLUMNS[i]));
  return row;
}

// ---- timeline ----

const PALETTE = ["#4e79a7", "#59a14f", "#f28e2b", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79"];
const QUADCOLORS = { 1: "#59a14f", 2: "#4e79a7", 3: "#f28e2b", 4: "#e15759" };
const DAY_MS = 86400000;
// The automatic period is the finest that draws at most this many bars.
const AUTO_BARS = 120;

// Days are numbered from 1970-01-01, so periods are integer arithmetic.
function dayNumber(iso) {
  return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS);
}

function isoDay(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

// dayOf numbers a calendar day; setUTCFullYear, unlike Date.UTC, keeps
// years below 100 and rolls day 0 back to the month before.
function dayOf(y, m, d) {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS);
}

// PERIODS number the periods a day falls in: index maps a day number to
// its period, start maps a period back to its first day. Weeks start on
// Monday, as the API's do (1970-01-01 was a Thursday).
const PERIODS = {
  day: { index: (n) => n, start: (i) => i, label: (iso) => iso },
  week: { index: (n) => Math.floor((n + 3) / 7), start: (i) => i * 7 - 3, label: (iso) => iso },
  month: {
    index: (n) => { const t = new Date(n * DAY_MS); return t.getUTCFullYear() * 12 + t.getUTCMonth(); },
    start: (i) => dayOf(Math.floor(i / 12), (i % 12) + 1, 1),
    label: (iso) => iso.slice(0, 7),
  },
  year: { index: (n) => new Date(n * DAY_MS).getUTCFullYear(), start: (i) => dayOf(i, 1, 1), label: (iso) => iso.slice(0, 4) },
};

// quantileDay is the first day by which a share q of the events had
// happened; days is [day number, events] in day order.
function quantileDay(days, total, q) {
  let seen = 0;
  for (const [d, n] of days) {
    seen += n;
    if (seen >= q * total) return d;
  }
  return days[days.length - 1][0];
}

async function renderTimeline(r) {
  const by = r.params.get("by") || "quad";
  const chosen = r.params.get("interval") || "auto";
  const wide = r.params.get("range") === "all";
  const params = filterParams(r.params);
  // Counts per day, binned here into the period that fits the range shown.
  params.set("interval", "day");
  params.set("by", by);
  const res = await api("timeseries", params);
  const perDay = new Map();
  for (const s of res.series) for (const p of s.points) perDay.set(p.date, (perDay.get(p.date) || 0) + p.events);
  const days = [...perDay].map(([iso, n]) => [dayNumber(iso), n]).sort((a, b) => a[0] - b[0]);
  // Events dated only to a week, a month or a year come apart from the
  // days: drawn in a bar that holds their whole period, never on its
  // first day.
  const periods = res.series.flatMap((s) => (s.periods || []).map((p) => [dayNumber(p.first), dayNumber(p.last), p.events]));
  const total = days.reduce((a, [, n]) => a + n, 0) + periods.reduce((a, [, , n]) => a + n, 0);
  const periodChoice = (auto) => choice("Per", "interval", chosen,
    [["auto", "auto" + (auto ? " (" + auto + ")" : "")], ...Object.keys(PERIODS).map((p) => [p, p])], r);
  const splitChoice = choice("Split by", "by", by, [["all", "nothing"], ["quad", "quad class"], ["root", "CAMEO root"]], r);
  if (total === 0) {
    view.replaceChildren(el("div", { class: "controls" }, periodChoice(""), splitChoice), el("p", { class: "count" }, "No events match these filters."));
    return;
  }
  // By default the range where the data is: from the 1st to the 99th
  // percentile of event days plus a margin, so that one misdated event
  // (a sentence about 1933) cannot squeeze the rest into one bar. The
  // days decide it; only when there are none do the periods' first and
  // last days.
  const located = days.length > 0 ? days : periods.flatMap(([a, b, n]) => [[a, n / 2], [b, n / 2]]).sort((x, y) => x[0] - y[0]);
  const weight = located.reduce((a, [, n]) => a + n, 0);
  const first = located[0][0], last = located[located.length - 1][0];
  const p1 = quantileDay(located, weight, 0.01), p99 = quantileDay(located, weight, 0.99);
  const margin = Math.max(1, Math.ceil((p99 - p1) * 0.05));
  const core = [Math.max(first, p1 - margin), Math.min(last, p99 + margin)];
  const [lo, hi] = wide ? [first, last] : core;
  const bars = (p) => PERIODS[p].index(hi) - PERIODS[p].index(lo) + 1;
  const auto = Object.keys(PERIODS).find((p) => bars(p) <= AUTO_BARS) || "year";
  const interval = PERIODS[chosen] ? chosen : auto;
  const P = PERIODS[interval];
  const k0 = P.index(lo), n = bars(interval);
  let outside = 0, coarse = 0;
  for (const [d, c] of days) if (d < lo || d > hi) outside += c;
  // A period is drawn in the bar that holds it, when that bar is shown.
  const barOf = (a, b) => (P.index(a) === P.index(b) && P.index(a) >= k0 && P.index(a) < k0 + n ? P.index(a) - k0 : -1);
  for (const [a, b, c] of periods) {
    if (P.index(a) !== P.index(b)) coarse += c; // longer than a bar
    else if (barOf(a, b) < 0) outside += c;
  }

  const note = el("p", { class: "count range" });
  const toggle = (all, text) => el("button", { type: "button", class: "link", onclick: () => {
    const p = new URLSearchParams(r.params);
    if (all) p.set("range", "all");
    else p.delete("range");
    location.hash = href(r.name, p);
  } }, text);
  const span = `${isoDay(lo)} to ${isoDay(hi)}`;
  if (wide) {
    note.append(`All dates, ${span}: ${plural(total, "event")}. `);
    if (core[0] > first || core[1] < last) note.append(toggle(false, "Show where most events are"));
  } else if (outside > 0) {
    note.append(`${span}, where most events are: ${plural(total - outside - coarse, "event")} shown, ${outside} outside (the events run from ${isoDay(first)} to ${isoDay(last)}). `,
      toggle(true, "Show all dates"));
  } else {
    note.append(`${span}: ${plural(total, "event")}.`);
  }
  if (coarse > 0) {
    note.append(` ${plural(coarse, "event")} dated only to a week, a month or a year, longer than a ${interval}, not drawn: choose a longer period to see them.`);
  }

  const box = el("div", { class: "chartbox" });
  const legend = el("ul", { class: "legend" });
  view.replaceChildren(el("div", { class: "controls" }, periodChoice(auto), splitChoice), note, box, legend);
  // Drawn at the box's own width, so text is as large on a phone as on a
  // laptop instead of shrinking with a scaled-down picture.
  const cs = getComputedStyle(box);
  const W = Math.max(280, Math.floor(box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)));
  const H = W < 560 ? 240 : 320, L = 44, R = 12, B = 28, T = 10;
  const colour = (s, i) => (by === "quad" ? QUADCOLORS[s.key] : PALETTE[i % PALETTE.length]);
  const stacks = new Map();
  const binned = res.series.map((s) => {
    const m = new Map();
    const add = (k, c) => {
      m.set(k, (m.get(k) || 0) + c);
      stacks.set(k, (stacks.get(k) || 0) + c);
    };
    for (const p of s.points) {
      const d = dayNumber(p.date);
      if (d >= lo && d <= hi) add(P.index(d) - k0, p.events);
    }
    for (const p of s.periods || []) {
      const k = barOf(dayNumber(p.first), dayNumber(p.last));
      if (k >= 0) add(k, p.events);
    }
    return m;
  });
  let max = 1; // a loop, not Math.max(...): there can be more bars than a call takes arguments
  for (const c of stacks.values()) max = Math.max(max, c);
  const bw = (W - L - R) / n;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "chart", role: "img", "aria-label": "Events per " + interval });
  const base = new Map();
  res.series.forEach((s, i) => {
    for (const [k, c] of [...binned[i]].sort((a, b) => a[0] - b[0])) {
      const h = (c / max) * (H - B - T);
      const y = H - B - (base.get(k) || 0) - h;
      base.set(k, (base.get(k) || 0) + h);
      const from = isoDay(P.start(k0 + k)), to = isoDay(P.start(k0 + k + 1) - 1);
      // Each bar links to its period's events.
      const link = withParam(withParam(r.params, "from", from), "to", to);
      if (by === "quad") link.set("quad", s.key);
      if (by === "root" && (link.get("code") || "").length < s.key.length) link.set("code", s.key);
      chart.append(svg("a", { href: href("events", link) }, svg("rect", { x: L + k * bw, y, width: Math.max(1, bw - 1), height: h, fill: colour(s, i) },
        svgTitle(`${P.label(from)}: ${plural(c, "event")} (${s.label || s.key})`))));
    }
  });
  chart.append(svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, class: "axis" }));
  chart.append(svg("line", { x1: L, y1: T, x2: L, y2: H - B, class: "axis" }));
  const yl = svg("text", { x: L - 6, y: T + 10, "text-anchor": "end", class: "tick" });
  yl.textContent = String(max);
  chart.append(yl);
  // As many period labels as fit side by side (about 7.5 px a character
  // and a gap), the first and last included.
  const labelWidth = 7.5 * P.label(isoDay(lo)).length + 24;
  const ticks = Math.min(n, Math.max(2, Math.floor((W - L - R) / labelWidth)));
  for (let t = 0; t < ticks; t++) {
    const k = ticks === 1 ? 0 : Math.round((t * (n - 1)) / (ticks - 1));
    const anchor = ticks === 1 ? "middle" : t === 0 ? "start" : t === ticks - 1 ? "end" : "middle";
    const x = anchor === "start" ? L + k * bw : anchor === "end" ? L + (k + 1) * bw : L + k * bw + bw / 2;
    const tx = svg("text", { x, y: H - 8, "text-anchor": anchor, class: "tick" });
    tx.textContent = P.label(isoDay(P.start(k0 + k)));
    chart.append(tx);
  }
  box.append(chart);
  legend.append(...res.series.map((s, i) => {
    const sw = el("span", { class: "swatch" });
    sw.style.background = colour(s, i);
    const shown = [...binned[i].values()].reduce((a, c) => a + c, 0);
    return el("li", null, sw, (s.label || s.key) + " — " + shown);
  }));
  if (res.partial) legend.append(el("li", { class: "partial" }, PARTIAL));
}

// PARTIAL says why a view's counts may be short: the server counts only
// the newest matches of a filter its rollups do not keep ("partial").
const PARTIAL = "Only the newest 20,000 matching events are counted: narrow the dates, or drop the text, mode or PLOVER filter, for full counts.";

// choice is a select that rewrites one view setting in the URL.
function choice(label, name, value, options, r) {
  const sel = el("select", { name }, ...options.map(([v, text]) => el("option", { value: v, selected: v === value }, text)));
  sel.addEventListener("change", () => {
    const p = new URLSearchParams(r.params);
    p.set(name, sel.value);
    location.hash = href(r.name, p);
  });
  return el("label", null, label + " ", sel);
}

// ---- map ----

// world holds the decoded boundaries once the first map has asked for them.
let world = null;

// loadWorld fetches the packaged Natural Earth boundaries (world-atlas
// TopoJSON) and decodes their arcs, once: later calls share the promise.
function loadWorld() {
  world ??= fetchWorld().catch((err) => {
    world = null; // let the next map try again
    throw err;
  });
  return world;
}

async function fetchWorld() {
  const res = await fetch("/dist/countries-110m.json");
  if (!res.ok) throw new Error("world boundaries: " + res.statusText);
  const topo = await res.json();
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const ring = (idx) => {
    const pts = [];
    for (const i of idx) {
      const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    // A ring that crosses the antimeridian (Russia, Fiji) would streak
    // across the whole map: keep its longitudes continuous instead and let
    // the map's edge clip it.
    for (let k = 1; k < pts.length; k++) {
      const d = pts[k][0] - pts[k - 1][0];
      if (d > 180) pts[k] = [pts[k][0] - 360, pts[k][1]];
      else if (d < -180) pts[k] = [pts[k][0] + 360, pts[k][1]];
    }
    return pts;
  };
  return topo.objects.countries.geometries.map((g) => {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    return { name: (g.properties && g.properties.name) || "", rings: polys.flatMap((p) => p.map(ring)) };
  });
}

async function renderMap(r) {
  const W = 960, H = 480;
  const px = (lon, lat) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
  const [countries, res] = await Promise.all([loadWorld(), api("places", filterParams(r.params))]);
  const map = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "map", role: "img", "aria-label": "Map of events" });
  map.append(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
  for (const c of countries) {
    const d = c.rings.map((ring) => "M" + ring.map(([lon, lat]) => px(lon, lat).map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("");
    map.append(svg("path", { d, class: "land" }, svgTitle(c.name)));
  }
  // Markers are sized by events, or by the people a kind of count
  // counts there (the sum of the events' low ends); a place whose events
  // count none of that kind keeps the smallest marker, hollow.
  const size = COUNT_KINDS.includes(r.params.get("size")) ? r.params.get("size") : "events";
  const weight = (p) => (size === "events" ? p.events : (p.people || {})[size] || 0);
  const max = Math.max(1, ...res.places.map(weight));
  for (const p of res.places) {
    const [x, y] = px(p.lon, p.lat);
    const people = COUNT_KINDS.filter((k) => p.people && p.people[k]).map((k) => `${k} ${numberFormat.format(p.people[k])}`);
    const a = svg("a", { href: href("events", withParam(r.params, "place", p.name)) },
      svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 14 * Math.sqrt(weight(p) / max)).toFixed(1), class: "place" + (weight(p) ? "" : " none"), "data-weight": weight(p) },
        svgTitle(`${p.name}${p.country ? " (" + p.country + ")" : ""}: ${plural(p.events, "event")}` + (people.length ? "; at least " + people.join(", ") : ""))));
    map.append(a);
  }
  // Dragging over the map selects a bounding box and lists its events.
  let start = null;
  const box = svg("rect", { class: "bbox", visibility: "hidden" });
  map.append(box);
  const at = (ev) => {
    const m = map.getScreenCTM().inverse();
    const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(m);
    return [Math.max(0, Math.min(W, p.x)), Math.max(0, Math.min(H, p.y))];
  };
  const rect = (a, b) => ({ x: Math.min(a[0], b[0]), y: Math.min(a[1], b[1]), w: Math.abs(a[0] - b[0]), h: Math.abs(a[1] - b[1]) });
  map.addEventListener("pointerdown", (ev) => {
    if (ev.target.closest("a")) return;
    start = at(ev);
    map.setPointerCapture(ev.pointerId);
  });
  map.addEventListener("pointermove", (ev) => {
    if (!start) return;
    const q = rect(start, at(ev));
    setAttrs(box, { x: q.x, y: q.y, width: q.w, height: q.h, visibility: "visible" });
  });
  map.addEventListener("pointerup", (ev) => {
    if (!start) return;
    const q = rect(start, at(ev));
    start = null;
    box.setAttribute("visibility", "hidden");
    if (q.w < 4 || q.h < 4) return; // a click, not a drag
    const lon = (x) => ((x / W) * 360 - 180).toFixed(2), lat = (y) => (90 - (y / H) * 180).toFixed(2);
    const p = withParam(r.params, "bbox", [lat(q.y + q.h), lon(q.x), lat(q.y), lon(q.x + q.w)].join(","));
    p.delete("place");
    location.hash = href("events", p);
  });
  const list = el("ol", { class: "places" }, ...res.places.slice(0, 20).map((p) =>
    el("li", null, el("a", { href: href("events", withParam(r.params, "place", p.name)) }, p.name), (p.country ? " " + p.country : "") + " — " + p.events +
      (size !== "events" && weight(p) ? " (" + size + " " + numberFormat.format(weight(p)) + ")" : ""))));
  const sizes = [["events", "events"], ...COUNT_KINDS.map((k) => [k, k === "crowd" ? "crowd size" : "people " + k])];
  const note = el("p", { class: "count" }, res.places.length === 0 ? "No events with a place match these filters." : plural(res.places.length, "place") + (res.truncated ? " (the busiest)" : "") + "; click one for its events, or drag a box over the map." + (res.partial ? " " + PARTIAL : ""));
  view.replaceChildren(el("div", { class: "controls" }, choice("Size by", "size", size, sizes, r)), note, el("div", { class: "mapbox" }, map), list);
}

function withParam(params, k, v) {
  const p = filterParams(params);
  p.set(k, v);
  return p;
}

// ---- actor network ----

async function renderNetwork(r) {
  const params = filterParams(r.params);
  params.set("limit", "60");
  const res = await api("actors", params);
  if (res.edges.length === 0) {
    view.replaceChildren(el("p", { class: "count" }, "No events between two coded actors match these filters."));
    return;
  }
  const weight = new Map();
  for (const e of res.edges) for (const a of [e.source, e.target]) weight.set(a, (weight.get(a) || 0) + e.events);
  const nodes = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a)).slice(0, 40);
  const W = 700, H = 700, R = 260, cx = W / 2, cy = H / 2;
  const pos = new Map(nodes.map((n, i) => {
    const t = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n, [cx + R * Math.cos(t), cy + R * Math.sin(t), t]];
  }));
  const maxE = Math.max(...res.edges.map((e) => e.events));
  const maxW = Math.max(...weight.values());
  const radius = (n) => 4 + 8 * Math.sqrt(weight.get(n) / maxW);
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "img", "aria-label": "Actor network" });
  g.append(svg("defs", null, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
    svg("path", { d: "M0,0L10,5L0,10z", class: "arrow" }))));
  for (const e of res.edges) {
    const a = pos.get(e.source);
    let b = pos.get(e.target);
    if (!a || !b || e.source === e.target) continue;
    // A curve, so A→B and B→A do not overlap.
    const mx = (a[0] + b[0]) / 2 + (b[1] - a[1]) * 0.15, my = (a[1] + b[1]) / 2 - (b[0] - a[0]) * 0.15;
    // Stop short of the target's dot so the arrowhead shows.
    const dx = b[0] - mx, dy = b[1] - my, len = Math.hypot(dx, dy) || 1, gap = radius(e.target) + 2;
    b = [b[0] - (dx / len) * gap, b[1] - (dy / len) * gap];
    const kind = e.conflict > e.cooperation ? "conflict" : e.cooperation > e.conflict ? "coop" : "mixed";
    g.append(svg("path", { d: `M${a[0]},${a[1]}Q${mx},${my} ${b[0]},${b[1]}`, class: "edge " + kind, "stroke-width": (1 + 5 * e.events / maxE).toFixed(1), "marker-end": "url(#arrow)" },
      svgTitle(`${e.source} → ${e.target}: ${e.events} events, ${e.cooperation} cooperation, ${e.conflict} conflict, mean Goldstein ${e.goldstein.toFixed(1)}`)));
  }
  for (const n of nodes) {
    const [x, y, t] = pos.get(n);
    const label = svg("text", { x: cx + (R + 12) * Math.cos(t), y: cy + (R + 12) * Math.sin(t) + 4, "text-anchor": Math.cos(t) < -0.1 ? "end" : Math.cos(t) > 0.1 ? "start" : "middle", class: "label" });
    label.textContent = n;
    g.append(svg("a", { href: href("events", withParam(r.params, "actor", n)) },
      svg("circle", { cx: x, cy: y, r: radius(n).toFixed(1), class: "node" }, svgTitle(`${n}: ${weight.get(n)} events`)), label));
  }
  // On a narrow screen the pair breaks after the arrow, so that every
  // column, Goldstein last, fits without scrolling sideways.
  const rows = res.edges.slice(0, 30).map((e) => el("tr", null,
    el("td", null, el("a", { href: href("events", withParam(withParam(r.params, "source", e.source), "target", e.target)) },
      el("span", { class: "nowrap" }, e.source + " →"), " ", el("span", { class: "nowrap" }, e.target))),
    el("td", { class: "num" }, String(e.events)), el("td", { class: "num coop" }, String(e.cooperation)),
    el("td", { class: "num conflict" }, String(e.conflict)), el("td", { class: "num" }, e.goldstein.toFixed(1))));
  const headers = [["Actors", "source → target"], ["Events"], ["Coop.", "cooperation events"], ["Conflict", "conflict events"], ["Goldstein", "mean Goldstein score"]];
  const table = el("table", { class: "edges" },
    el("thead", null, el("tr", null, ...headers.map(([h, title]) => el("th", { scope: "col", title }, h)))),
    el("tbody", null, ...rows));
  const legend = el("p", { class: "count" }, "Edges: ", el("span", { class: "coop" }, "mostly cooperation"), ", ", el("span", { class: "conflict" }, "mostly conflict"), ", grey: even. " + res.edges.length + (res.truncated ? "+" : "") + " edges." + (res.partial ? " " + PARTIAL : ""));
  view.replaceChildren(legend, el("div", { class: "netbox" }, g, el("div", { class: "scroll" }, table)));
}

// ---- article ----

async function renderDoc(r) {
  const doc = await api("documents/" + encodeURIComponent(decodeURIComponent(r.arg)));
  const focus = r.params.get("event");
  const bytes = new TextEncoder().encode(doc.text);
  const dec = new TextDecoder();
  // Offsets are bytes into the UTF-8 text: cut there, then decode.
  const spans = [];
  doc.mentions.forEach((m, i) => {
    const parts = ["sentence", "source", "target", "verb"].map((kind) => [kind, m[kind]]);
    for (const c of m.record.counts || []) parts.push(["count", c]);
    for (const [kind, s] of parts) {
      if (s && s.start >= 0 && s.end > s.start && s.end <= bytes.length) spans.push({ kind, m: i, start: s.start, end: s.end });
    }
  });
  const cuts = new Set([0, bytes.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const text = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i], b = bounds[i + 1];
    const piece = dec.decode(bytes.subarray(a, b));
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    if (over.length === 0) {
      text.append(piece);
      continue;
    }
    const kinds = new Set(over.map((s) => s.kind));
    const ms = [...new Set(over.map((s) => s.m))];
    const span = el("span", { class: [...kinds].map((k) => "hl-" + k).join(" "), "data-mentions": ms.join(" ") }, piece);
    if (kinds.has("verb") || kinds.has("source") || kinds.has("target") || kinds.has("count")) span.tabIndex = 0;
    if (focus && ms.some((k) => String(doc.mentions[k].event_id) === focus)) span.classList.add("current");
    text.append(span);
  }
  const details = (i) => {
    const m = doc.mentions[i], rec = m.record;
    return [
      `${eventLabel(m)} (quad ${rec.quad_class}, Goldstein ${rec.goldstein})`,
      `${actorLabel(rec.source)}${rec.source ? " “" + rec.source.text + "”" : ""} → ${actorLabel(rec.target)}${rec.target ? " “" + rec.target.text + "”" : ""}`,
      `date ${dateLabel(rec.date, rec.date_precision)}, ${rec.mode}` + (rec.background ? ", background" : "") + (rec.location ? `, ${rec.location.name}` : ""),
      `verb “${rec.evidence.verb}”, event ${m.event_id}, confidence ${m.confidence}%`,
      ...(rec.counts || []).map((c) => `${countLabel(c)} (${c.precision.replace("_", " ")}): “${c.text}”`),
    ];
  };
  const onHover = (ev) => {
    const t = ev.target.closest("[data-mentions]");
    if (!t || !t.dataset.mentions) return hideTip();
    const point = ev.type === "mouseover" ? { x: ev.clientX, y: ev.clientY } : null;
    showTip(t, t.dataset.mentions.split(" ").flatMap((i, k) => (k ? ["—"] : []).concat(details(Number(i)))), point);
  };
  text.addEventListener("mouseover", onHover);
  text.addEventListener("focusin", onHover);
  text.addEventListener("mouseleave", hideTip);
  const meta = el("p", { class: "meta" }, [doc.source, doc.published, doc.author].filter(Boolean).join(" · "));
  if (/^https?:\/\//i.test(doc.url || "")) {
    meta.append(" · ", el("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original"));
  }
  const rows = doc.mentions.map((m, i) => el("tr", { "data-row": i, class: focus === String(m.event_id) ? "current" : null },
    el("td", null, dateLabel(m.record.date, m.record.date_precision)), el("td", null, actorLabel(m.record.source)),
    el("td", null, el("span", { class: "code q" + m.record.quad_class }, m.record.code), " ", m.description || ""),
    el("td", null, actorLabel(m.record.target)), el("td", null, m.record.location ? m.record.location.name : "—"), el("td", null, m.record.mode),
    el("td", null, countCell(m.record.counts))));
  const table = el("table", { class: "mentions" },
    el("thead", null, el("tr", null, ...["Date", "Source", "Event", "Target", "Place", "Mode", "Counts"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", null, ...rows));
  table.addEventListener("mouseover", (ev) => {
    const row = ev.target.closest("tr[data-row]");
    for (const s of text.querySelectorAll(".lit")) s.classList.remove("lit");
    if (!row) return;
    for (const s of text.querySelectorAll("[data-mentions]")) {
      if (s.dataset.mentions.split(" ").includes(row.dataset.row)) s.classList.add("lit");
    }
  });
  const back = el("a", { href: href("events", filterParams(r.params)), class: "back" }, "← events");
  view.replaceChildren(back, el("article", null, el("h1", null, doc.title || doc.id), meta,
    el("p", { class: "count" }, plural(doc.mentions.length, "coded mention") + ". Hover or focus a highlighted phrase for its event: ",
      el("span", { class: "hl-source" }, "source"), " ", el("span", { class: "hl-verb" }, "verb"), " ", el("span", { class: "hl-target" }, "target"), " ",
      el("span", { class: "hl-count" }, "count"), "."),
    text), el("div", { class: "scroll" }, table));
  const cur = text.querySelector(".current");
  if (cur) cur.scrollIntoView({ block: "center" });
}

// ---- start ----

// Last in the file: the first render runs synchronously into the views'
// code, so every top-level let and const above must be initialised by now
// (a view that touched one declared below this point would throw a
// ReferenceError on a direct load, though not after a click).
form.addEventListener("submit", applyFilters);
document.getElementById("clear").addEventListener("click", clearFilters);
window.addEventListener("hashchange", render);
if (matchMedia("(max-width: 700px)").matches) document.getElementById("filters-box").open = false;
render();
