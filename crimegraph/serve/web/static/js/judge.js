// Dossier page: record a merge or split judgement through the API (the token goes in a header).
(function () {
  "use strict";
  var form = document.getElementById("judge-form");
  if (!form) { return; }
  var output = document.getElementById("judge-result");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var action = event.submitter ? event.submitter.value : "merge";
    var body = action === "merge"
      ? { action: "merge", left: form.dataset.entity, right: form.elements.other.value.trim() }
      : { action: "split", left: form.elements.node.value };
    fetch("/api/judgements", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + form.elements.token.value },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (!result.ok) { output.textContent = "Not recorded: " + (result.data.detail || "error"); return; }
      output.textContent = "Recorded.";
      var target = result.data.canonical || form.dataset.entity;
      window.location.href = "/entities/" + encodeURIComponent(target);
    }).catch(function (error) { output.textContent = "Not recorded: " + error.message; });
  });
})();
