// Renders ./openapi.yaml. validatorUrl null: the page never sends the document to
// swagger.io's online validator (it loads nothing from outside).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    docExpansion: "list",
    tryItOutEnabled: false,
  });
};
