// The map page: offline country outlines (no tile server) and events as circles sized by count. Popup
// content is built with DOM nodes and textContent (place names come from articles: never parsed as HTML).
(function () {
  "use strict";
  var box = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!box) { return; }
  if (typeof L === "undefined") { status.textContent = "The map library is not installed."; return; }
  var map = L.map(box, { worldCopyJump: true, minZoom: 2, maxZoom: 10, attributionControl: false })
    .setView([8, -70], 3);
  L.control.attribution({ prefix: false }).addAttribution("Outlines: Natural Earth (world-atlas)").addTo(map);
  window.crimegraphMap = map;

  function json(url) {
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (response) {
      if (!response.ok) { throw new Error("the server answered " + response.status); }
      return response.json();
    });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function popup(point) {
    var root = element("div", null, "map-popup");
    var title = element("strong", point.location);
    root.appendChild(title);
    root.appendChild(element("div", point.count + " events" + (point.precision === "country" ? " (country only)" : "")));
    var types = element("div", Object.keys(point.types).map(function (t) { return t + " " + point.types[t]; }).join(", "), "muted");
    root.appendChild(types);
    var list = element("ul");
    point.latest.forEach(function (ev) { list.appendChild(element("li", (ev.date || "undated") + " · " + ev.type)); });
    root.appendChild(list);
    if (point.place && point.place.id) {
      var link = element("a", "Place dossier");
      link.href = "/entities/" + encodeURIComponent(point.place.id);
      root.appendChild(link);
    }
    var filtered = new URLSearchParams(window.location.search);
    filtered.set("place", point.place && point.place.id ? point.place.id : point.location);
    var timeline = element("a", " · events on the timeline");
    timeline.href = "/timeline?" + filtered.toString();
    root.appendChild(timeline);
    return root;
  }

  json("/api/map/countries").then(function (countries) {
    L.geoJSON(countries, { interactive: false, style: function () {
      return { color: "#8795a1", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 };
    } }).addTo(map);
  }).catch(function () { status.textContent = "Country outlines are not installed."; });

  json("/api/map" + window.location.search).then(function (found) {
    var layer = L.featureGroup();
    found.data.forEach(function (point) {
      var marker = L.circleMarker([point.lat, point.lon], {
        radius: 4 + Math.min(Math.sqrt(point.count) * 3, 30), color: "#9b2c2c", weight: 1.5,
        fillColor: "#e53e3e", fillOpacity: point.precision === "country" ? 0.15 : 0.6
      });
      marker.bindPopup(popup(point));
      marker.addTo(layer);
    });
    layer.addTo(map);
    if (found.data.length) { map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 6 }); }
    status.textContent = found.events + " events at " + found.count + " places" +
      (found.unplaced ? "; " + found.unplaced + " with a place the gazetteer does not know" : "") + ".";
    box.setAttribute("data-ready", "1");
  }).catch(function (error) { status.textContent = "Cannot load events: " + error.message; });
})();
