// Fills the centre list when a province is chosen, without reloading the form.
// Without JavaScript the form's "Show centres" button does the same with a reload.
(function () {
  "use strict";
  var province = document.querySelector("[data-centre-picker-province]");
  var centre = document.querySelector("[data-centre-picker-centre]");
  var button = document.querySelector("[data-centre-picker-button]");
  if (!province || !centre) return;
  if (button) button.hidden = true;
  province.addEventListener("change", function () {
    var url = province.getAttribute("data-centres-url") + "?province=" + encodeURIComponent(province.value);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var first = centre.options[0];
        centre.innerHTML = "";
        first.textContent = centre.getAttribute(data.centres.length ? "data-choose-label" : "data-empty-label");
        centre.appendChild(first);
        data.centres.forEach(function (item) {
          var option = document.createElement("option");
          option.value = item.id;
          option.textContent = item.name;
          centre.appendChild(option);
        });
      })
      .catch(function () { if (button) button.hidden = false; });
  });
})();
