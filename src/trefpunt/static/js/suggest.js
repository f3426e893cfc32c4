// Suggestions for fields marked data-suggest: the part after the last comma is looked up and
// the native <datalist> offers matches (keyboard accessible, no library needed).
(function () {
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    input.setAttribute("list", list.id);
    input.after(list);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var parts = input.dataset.suggestSingle ? [input.value] : input.value.split(/[,;]/);
      var last = parts.pop().trim();
      var head = parts.map(function (p) { return p.trim(); }).filter(Boolean);
      var prefix = head.length ? head.join(", ") + ", " : "";
      if (last.length < 2) { return; }
      timer = setTimeout(function () {
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(last))
          .then(function (r) { return r.json(); })
          .then(function (data) {
            list.replaceChildren.apply(list, data.results.map(function (item) {
              var option = document.createElement("option");
              option.value = prefix + item.value;
              return option;
            }));
          });
      }, 200);
    });
  });
})();
