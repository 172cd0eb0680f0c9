// API page: Swagger UI served from the app itself (no CDN), reading /openapi.json.
(function () {
  "use strict";
  if (typeof SwaggerUIBundle === "undefined") { return; }
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
})();
