// The interactive map of /mapa, over the page that works without it (the SVG map and the list
// stay the server's). Leaflet and Leaflet.markercluster are served by bdp under /static/vendor/;
// the base layer is the shipped voivodeship boundaries (/api/v1/voivodeships.geojson), so no
// request leaves the site unless an operator configured a tile layer (data-tiles).
// The practices come from /api/v1/practices.geojson with the page's filters, the view's zoom and
// bounding box: up to 2 000 practices in view arrive one by one and are clustered here; more
// arrive as clusters made on the server. Every marker and cluster is a button with a name
// ("12 praktyk"); a popup takes the focus, and Esc closes it and gives the focus back.
(function () {
  "use strict";
  var app = document.getElementById("map-app");
  if (!app || !window.L || !L.markerClusterGroup || !window.fetch) return;
  var d = app.dataset;
  var poland = L.latLngBounds([49.0, 14.1], [54.9, 24.2]);

  // "12 praktyk": the words are the server's (i18n::count_noun for 1, 2 and 5, so in English
  // few and many are both "practices"); the rule is the same as its polish_form.
  function practices(n) {
    var last = n % 10, lastTwo = n % 100, word = d.wordMany;
    if (n === 1) word = d.wordOne;
    else if (last >= 2 && last <= 4 && !(lastTwo >= 12 && lastTwo <= 14)) word = d.wordFew;
    return n.toLocaleString(d.lang) + " " + word;
  }

  // A div icon whose element is a named button (Leaflet gives keyboard markers role=button).
  var NamedIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var el = L.DivIcon.prototype.createIcon.call(this, old);
      el.setAttribute("aria-label", this.options.label);
      return el;
    }
  });
  function clusterIcon(count) {
    var size = count < 10 ? 32 : count < 100 ? 38 : 46;
    return new NamedIcon({
      className: "map-cluster",
      html: '<span aria-hidden="true">' + count + "</span>",
      iconSize: [size, size],
      label: practices(count)
    });
  }

  app.hidden = false;
  var svg = document.querySelector(".map-static svg");
  if (svg) svg.classList.add("map-replaced");

  var params = new URLSearchParams(location.search);
  var map = L.map("map-canvas", {
    minZoom: 5,
    maxZoom: 13,
    zoomSnap: 0.5,
    maxBounds: poland.pad(0.5),
    attributionControl: !!d.tiles
  });
  map.getContainer().setAttribute("role", "region");
  map.getContainer().setAttribute("aria-label", d.label);
  var zoom = parseFloat(params.get("zoom")), lat = parseFloat(params.get("lat")),
      lon = parseFloat(params.get("lon"));
  if (zoom >= 5 && zoom <= 13 && isFinite(lat) && isFinite(lon)) map.setView([lat, lon], zoom);
  else map.fitBounds(poland);
  if (d.tiles) {
    L.tileLayer(d.tiles, { maxZoom: 13, attribution: "&copy; OpenStreetMap" }).addTo(map);
  }
  fetch(d.boundaries).then(function (r) { return r.json(); }).then(function (geojson) {
    L.geoJSON(geojson, {
      interactive: false,
      style: { className: "map-boundary", color: "#5a6b7b", weight: 1, fillColor: "#eef2f5",
               fillOpacity: d.tiles ? 0 : 1 }
    }).addTo(map).bringToBack();
  });

  // Adoptions: a dashed line from a practice's place to each unit that took it up. Drawn only
  // (no tab stop, no popup): the practice pages name both ends of each line.
  fetch(d.adoptions).then(function (r) { return r.json(); }).then(function (geojson) {
    L.geoJSON(geojson, {
      interactive: false,
      style: { className: "map-adoption", color: "#8a4b08", weight: 2, dashArray: "6 4" }
    }).addTo(map);
  });

  var clustered = L.markerClusterGroup({
    showCoverageOnHover: false,
    iconCreateFunction: function (cluster) { return clusterIcon(cluster.getChildCount()); }
  }).addTo(map);
  var serverClusters = L.layerGroup().addTo(map);
  var features = [];
  var lastFocus = null;

  function text(tag, content, className) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (className) el.className = className;
    return el;
  }
  // The page's language prefix ("/en" on English pages): the GeoJSON gives Polish addresses.
  var root = document.documentElement.dataset.root || "";
  function link(href, content) {
    var a = text("a", content);
    a.href = root + href;
    return a;
  }
  function popupContent(p) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var title = document.createElement("h3");
    title.appendChild(link(p.url, p.title));
    box.appendChild(title);
    var unit = text("p", d.unit + ": ");
    unit.appendChild(link(p.unit_url, p.unit));
    box.appendChild(unit);
    if (p.section) box.appendChild(text("p", d.section + ": " + p.section));
    var open = document.createElement("p");
    open.appendChild(link(p.url, d.open));
    box.appendChild(open);
    return box;
  }

  function practiceMarker(f) {
    var p = f.properties;
    var marker = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
      icon: new NamedIcon({ className: "map-pin", iconSize: [18, 18], label: p.title + " (" + p.place + ")" }),
      keyboard: true
    });
    marker.bindPopup(function () { return popupContent(p); }, { autoPanPadding: [20, 20] });
    marker.on("popupopen", function (e) {
      lastFocus = marker.getElement();
      var el = e.popup.getElement();
      var close = el.querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", d.close);
      el.setAttribute("role", "dialog");
      el.setAttribute("aria-label", p.title);
      var first = el.querySelector(".map-popup a");
      if (first) first.focus();
    });
    return marker;
  }

  function serverClusterMarker(f) {
    var p = f.properties;
    var marker = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
      icon: clusterIcon(p.count), keyboard: true
    });
    marker.on("click", function () {
      var b = f.bbox;
      map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { maxZoom: Math.min(map.getZoom() + 3, 13) });
    });
    return marker;
  }

  // Esc in a popup closes it and gives the focus back to its marker.
  map.getContainer().addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !map._popup || !map.hasLayer(map._popup)) return;
    map.closePopup();
    e.stopPropagation();
  });
  map.on("popupclose", function () {
    if (lastFocus && document.body.contains(lastFocus)) lastFocus.focus();
    lastFocus = null;
  });

  var heading = document.getElementById("map-visible");
  var list = document.getElementById("map-visible-list");
  function showVisible() {
    var bounds = map.getBounds(), total = 0, shown = 0, more = false;
    list.textContent = "";
    // Near a place, the nearest first (clusters, which carry no distance, count all the same).
    var ordered = features.slice().sort(function (a, b) {
      return (a.properties.distance_km ?? 1e9) - (b.properties.distance_km ?? 1e9);
    });
    ordered.forEach(function (f) {
      var c = f.geometry.coordinates;
      if (!bounds.contains([c[1], c[0]])) return;
      if (f.properties.cluster) {
        total += f.properties.count;
        more = true;
        return;
      }
      total += 1;
      if (shown >= 100) { more = true; return; }
      shown += 1;
      var li = document.createElement("li");
      li.appendChild(link(f.properties.url, f.properties.title));
      li.appendChild(text("span", " · " + f.properties.unit, "unit"));
      if (f.properties.distance_km !== undefined) {
        li.appendChild(text("span", " · " + f.properties.distance_km.toLocaleString(d.lang) + " km", "distance"));
      }
      list.appendChild(li);
    });
    if (more) list.appendChild(text("li", d.more, "more"));
    heading.textContent = practices(total) + " " + d.visible;
  }

  function keepViewInUrl() {
    var c = map.getCenter();
    params.set("zoom", map.getZoom());
    params.set("lat", c.lat.toFixed(4));
    params.set("lon", c.lng.toFixed(4));
    history.replaceState(null, "", location.pathname + "?" + params.toString());
  }

  // What the last answer covers: moving within it at the same zoom needs no new request (and
  // keeps an open popup, which a reload would close).
  var pending = null, loadedBounds = null, loadedZoom = null;
  function load() {
    if (loadedBounds && loadedZoom === Math.floor(map.getZoom()) && loadedBounds.contains(map.getBounds())) {
      showVisible();
      return;
    }
    if (pending) pending.abort();
    pending = new AbortController();
    var b = map.getBounds().pad(0.25), zoom = Math.floor(map.getZoom());
    var url = d.geojson + "&zoom=" + zoom + "&bbox=" +
        [Math.max(b.getWest(), -180), Math.max(b.getSouth(), -90), Math.min(b.getEast(), 180),
         Math.min(b.getNorth(), 90)].map(function (x) { return x.toFixed(4); }).join(",");
    fetch(url, { signal: pending.signal }).then(function (r) { return r.json(); }).then(function (g) {
      features = g.features;
      loadedBounds = b;
      loadedZoom = zoom;
      clustered.clearLayers();
      serverClusters.clearLayers();
      var markers = [];
      features.forEach(function (f) {
        if (f.properties.cluster) serverClusterMarker(f).addTo(serverClusters);
        else markers.push(practiceMarker(f));
      });
      clustered.addLayers(markers);
      showVisible();
      app.setAttribute("data-loaded", "true");
    }).catch(function () {});
  }

  map.on("moveend", function () {
    keepViewInUrl();
    load();
  });
  load();
})();
