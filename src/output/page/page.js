// Sorting and filtering for the tables of index.html: plain JavaScript, no network.
(function () {
  "use strict";
  function cellKey(row, column, numeric) {
    var cell = row.cells[column];
    if (!cell) { return numeric ? -Infinity : ""; }
    if (numeric) {
      var v = parseFloat(cell.getAttribute("data-v"));
      return isNaN(v) ? -Infinity : v;
    }
    return cell.textContent;
  }
  document.querySelectorAll("table.data").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, column) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-kind") === "n";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        Array.prototype.forEach.call(table.tBodies, function (body) {
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = cellKey(a, column, numeric), y = cellKey(b, column, numeric);
            var order = numeric ? (x < y ? -1 : x > y ? 1 : 0) : x.localeCompare(y);
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  });
  document.querySelectorAll("input.filter").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    // The rows shown, and (in a second body) the first rows of the table, which a
    // query searches instead when the table has more than are shown.
    var shown = table.tBodies[0], held = table.tBodies[1];
    input.addEventListener("input", function () {
      var query = input.value.toLowerCase();
      var searched = held && query !== "" ? held : shown;
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          row.hidden = body !== searched ||
            (query !== "" && row.textContent.toLowerCase().indexOf(query) < 0);
        });
      });
    });
  });
})();
