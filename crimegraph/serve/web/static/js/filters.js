// Event filters (timeline and map): a changed drop-down submits the form at once.
(function () {
  "use strict";
  var form = document.getElementById("event-filters");
  if (!form) { return; }
  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("change", function () { form.submit(); });
  });
})();
