// Upload page: send a file of articles to the ingest API with the token; show the summary as text.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form) { return; }
  var output = document.getElementById("upload-result");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = new FormData();
    body.append("file", form.elements.file.files[0]);
    output.textContent = "Ingesting…";
    fetch("/api/articles/upload", {
      method: "POST", headers: { "Authorization": "Bearer " + form.elements.token.value }, body: body
    }).then(function (response) {
      return response.json().then(function (data) {
        output.textContent = (response.ok ? "" : "Refused: ") + JSON.stringify(data, null, 2);
      });
    }).catch(function (error) { output.textContent = "Failed: " + error.message; });
  });
})();
