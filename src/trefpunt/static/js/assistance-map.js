// The capability map: one layer per kind (switchable), and the reach of a request as a circle.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("assistance-map");
  if (!el || typeof L === "undefined") return;
  var tiles = document.querySelector('meta[name="map-tiles"]');
  var map = L.map(el, { scrollWheelZoom: false }).setView([50.6, 5.2], 7);
  if (tiles && tiles.content) {
    L.tileLayer(tiles.content, { maxZoom: 18, attribution: "© OpenStreetMap" }).addTo(map);
  }
  var points = JSON.parse(document.getElementById("capabilities-data").textContent);
  var layers = {};
  points.forEach(function (p) {
    if (!layers[p.kind]) layers[p.kind] = L.layerGroup().addTo(map);
    var label = p.name + (p.quantity !== null ? " (" + p.quantity + ")" : "");
    L.circleMarker([p.lat, p.lon], { radius: 4 }).bindTooltip(label).addTo(layers[p.kind]);
  });
  L.control.layers(null, layers, { collapsed: false }).addTo(map);
  var reach = JSON.parse(document.getElementById("reach-data").textContent);
  if (reach) {
    var circle = L.circle([reach.lat, reach.lon], { radius: reach.radius_m, color: "#b45f06" }).addTo(map);
    map.fitBounds(circle.getBounds());
  }
});
