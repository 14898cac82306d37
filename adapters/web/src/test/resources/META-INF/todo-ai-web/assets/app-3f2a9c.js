console.log("APP-MARKER");
