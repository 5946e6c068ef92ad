// Consent page: a group checkbox ticks or unticks every scope of its group; it shows "mixed" when only some are.
(function () {
  function boxes(group) {
    return document.querySelectorAll('input[name="scope"][data-group="' + group + '"]');
  }
  function sync(group) {
    var all = boxes(group), checked = 0;
    all.forEach(function (b) { if (b.checked) { checked++; } });
    var toggle = document.querySelector('.group-toggle[data-group="' + group + '"]');
    if (toggle) {
      toggle.checked = checked === all.length;
      toggle.indeterminate = checked > 0 && checked < all.length;
    }
  }
  document.querySelectorAll('.group-toggle').forEach(function (toggle) {
    toggle.addEventListener('change', function () {
      boxes(toggle.dataset.group).forEach(function (b) { b.checked = toggle.checked; });
    });
  });
  document.querySelectorAll('input[name="scope"]').forEach(function (b) {
    b.addEventListener('change', function () { sync(b.dataset.group); });
  });
}());
