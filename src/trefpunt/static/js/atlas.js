// The cooperation atlas: the packaged outlines as base layer (tiles only when configured), the
// layer's municipalities coloured in five classes, and a legend. No request leaves the site
// unless TREFPUNT_MAP_TILES names a tile server.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("atlas");
  if (!el || typeof L === "undefined") return;
  var map = L.map(el, { scrollWheelZoom: false }).setView([50.4, 5.0], 7);
  var tiles = document.querySelector('meta[name="map-tiles"]');
  if (tiles && tiles.content) L.tileLayer(tiles.content, { maxZoom: 18 }).addTo(map);
  var outlines = document.querySelector('meta[name="map-outlines"]');
  if (outlines && outlines.content) {
    fetch(outlines.content).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (data) L.geoJSON(data, { style: { color: "#555", weight: 1, fill: false }, interactive: false }).addTo(map).bringToBack();
    });
  }
  var colours = ["#f1f1f1", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];
  function classOf(value, max) {
    if (!value) return 0;
    return Math.min(4, 1 + Math.floor(3 * value / (max || 1)));
  }
  fetch(el.dataset.geojson).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
    if (!data) return;
    var max = 0;
    data.features.forEach(function (f) { max = Math.max(max, f.properties.value); });
    var layer = L.geoJSON(data, {
      style: function (f) { return { color: "#777", weight: 0.3, fillOpacity: 0.8, fillColor: colours[classOf(f.properties.value, max)] }; },
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 4 }); },
      onEachFeature: function (f, l) {
        var link = document.createElement("a");
        link.href = f.properties.url;
        link.textContent = f.properties.name + " — " + (f.properties.value || el.dataset.empty);
        l.bindPopup(link);
      }
    }).addTo(map);
    if (data.features.length) map.fitBounds(layer.getBounds());
    var legend = document.getElementById("atlas-legend");
    for (var i = 1; i <= 4 && max; i++) {
      var low = Math.ceil((i - 1) * max / 3) || 1, item = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "swatch"; swatch.style.background = colours[i];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(" ≥ " + (max <= 1 ? (low / 3).toFixed(2) : low)));
      if (i === 4 || low < max) legend.appendChild(item);
    }
  });
});
