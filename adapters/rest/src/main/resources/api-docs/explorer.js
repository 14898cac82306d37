window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#explorer",
    deepLinking: true,
    persistAuthorization: false
  });
});
