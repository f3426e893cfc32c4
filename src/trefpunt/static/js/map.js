// Draws the page's map (#map) with Leaflet: a point, a boundary, or the home page markers.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") return;
  var tiles = document.querySelector('meta[name="map-tiles"]');
  var map = L.map(el, { scrollWheelZoom: false }).setView([50.6, 5.2], 7);
  if (tiles && tiles.content) {
    L.tileLayer(tiles.content, { maxZoom: 18 }).addTo(map);
  }
  // The packaged country and region outlines: a base layer that needs no network.
  var outlines = document.querySelector('meta[name="map-outlines"]');
  if (outlines && outlines.content) {
    fetch(outlines.content).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (data) L.geoJSON(data, { style: { color: "#555", weight: 1, fill: false }, interactive: false }).addTo(map);
    });
  }
  var data = document.getElementById("markers-data");
  if (data) {
    var markers = JSON.parse(data.textContent);
    markers.forEach(function (m) {
      var link = document.createElement("a");
      link.href = m.url;
      link.textContent = m.name;
      L.marker([m.lat, m.lon], { title: m.name }).addTo(map).bindPopup(link);
    });
    return;
  }
  if (el.dataset.lat) {
    var point = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
    map.setView(point, 11);
    L.marker(point, { title: el.dataset.name }).addTo(map);
  }
  if (el.dataset.boundary) {
    fetch(el.dataset.boundary).then(function (r) { return r.ok ? r.json() : null; }).then(function (feature) {
      if (!feature) return;
      var layer = L.geoJSON(feature, { style: { color: "#0b5394", weight: 2 } }).addTo(map);
      map.fitBounds(layer.getBounds());
    });
  }
});
