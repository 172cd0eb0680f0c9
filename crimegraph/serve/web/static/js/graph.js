// The network page: fetch /api/graph with the form's filters and draw it with Cytoscape; a node click opens
// the entity's dossier. Labels are drawn on a canvas (never parsed as HTML).
(function () {
  "use strict";
  var box = document.getElementById("graph");
  var status = document.getElementById("graph-status");
  var form = document.getElementById("graph-filters");
  if (!box || !form) { return; }
  if (typeof cytoscape === "undefined") {
    status.textContent = "The graph library is not installed.";
    return;
  }
  var COLORS = {
    PERSON: "#2b6cb0", STATE_ACTOR: "#2f855a", ILLEGAL_GROUP: "#c53030",
    ORGANIZATION: "#6b46c1", LOCATION: "#b7791f", ACTIVITY: "#718096"
  };
  var STYLE = [
    { selector: "node", style: {
      "label": "data(label)", "background-color": "data(color)", "width": "data(size)", "height": "data(size)",
      "font-size": 9, "color": "#1a202c", "text-valign": "bottom", "text-margin-y": 3,
      "text-outline-color": "#fff", "text-outline-width": 2 } },
    { selector: "node[?seed]", style: { "border-width": 3, "border-color": "#1a202c" } },
    { selector: "node[type = 'ACTIVITY']", style: { "shape": "round-rectangle" } },
    { selector: "edge", style: {
      "width": "data(width)", "line-color": "#4a5568", "target-arrow-color": "#4a5568",
      "target-arrow-shape": "triangle", "arrow-scale": 0.7, "curve-style": "bezier", "opacity": 0.8 } },
    { selector: "edge[status = 'alleged']", style: {
      "line-style": "dashed", "line-color": "#dd6b20", "target-arrow-color": "#dd6b20" } },
    { selector: "edge[predicate = 'same_event']", style: {
      "line-style": "dotted", "line-color": "#a0aec0", "target-arrow-shape": "none" } },
    { selector: "edge.labelled", style: { "label": "data(label)", "font-size": 7, "color": "#4a5568",
      "text-rotation": "autorotate", "text-outline-color": "#fff", "text-outline-width": 1 } }
  ];

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value !== "") { params.append(key, value); } });
    return params;
  }

  function elements(data) {
    var found = [];
    data.nodes.forEach(function (n) {
      found.push({ data: { id: n.id, label: n.name, type: n.type, seed: n.seed,
        color: COLORS[n.type] || "#4a5568", size: 14 + Math.min(Math.sqrt(n.degree) * 5, 40) } });
    });
    data.edges.forEach(function (e) {
      found.push({ data: { id: e.id, source: e.source, target: e.target, predicate: e.predicate,
        status: e.status, label: e.predicate.replace(/_/g, " "), width: 1 + Math.min(e.count, 6) } });
    });
    return found;
  }

  function draw(data) {
    if (window.crimegraphGraph) { window.crimegraphGraph.destroy(); }
    var cy = cytoscape({ container: box, elements: elements(data), style: STYLE,
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 70 } });
    if (data.nodes.length <= 40) { cy.edges().addClass("labelled"); }
    cy.on("tap", "node", function (event) {
      var id = event.target.id();
      if (id.indexOf("activity:") !== 0) { window.location.href = "/entities/" + encodeURIComponent(id); }
    });
    window.crimegraphGraph = cy;
    status.textContent = data.nodes.length + " nodes, " + data.edges.length + " edges" +
      (data.truncated ? " (cut to the most connected)" : "") + ".";
    box.setAttribute("data-ready", "1");
  }

  function load() {
    box.removeAttribute("data-ready");
    status.textContent = "Loading…";
    fetch("/api/graph?" + query().toString(), { headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("the server answered " + response.status); }
        return response.json();
      })
      .then(draw)
      .catch(function (error) { status.textContent = "Cannot load the network: " + error.message; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "/graph?" + query().toString());
    load();
  });
  form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", function () { form.requestSubmit(); });
  });
  // Restore checkbox choices from the address (a shared link keeps its filters).
  var given = new URLSearchParams(window.location.search);
  ["predicate", "status", "type"].forEach(function (name) {
    var wanted = given.getAll(name);
    if (wanted.length) {
      form.querySelectorAll("input[name=" + name + "]").forEach(function (input) {
        input.checked = wanted.indexOf(input.value) >= 0;
      });
    }
  });
  load();
})();
