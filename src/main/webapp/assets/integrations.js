// Settings → Integrations → MCP: copy buttons and the scope picker's conveniences. Every form works without this.
(function () {
  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });

  // A refused form comes back with the address pointing at the field (#client-name...), which brings it into view
  // without JavaScript; browsers skip autofocus when there is such a fragment, so give the field the focus here.
  var refused = document.querySelector('form [autofocus]');
  if (refused && (!document.activeElement || document.activeElement === document.body)) {
    refused.focus({ preventScroll: true });
  }

  var picker = document.getElementById('scope-picker');
  if (!picker) { return; }
  var all = picker.querySelectorAll('input[name="scope"]');
  var selectAll = document.getElementById('select-all');
  function boxes(group) {
    return picker.querySelectorAll('input[name="scope"][data-group="' + group + '"]');
  }
  function sync() {
    var total = 0;
    picker.querySelectorAll('.group-toggle').forEach(function (toggle) {
      var list = boxes(toggle.dataset.group), checked = 0;
      list.forEach(function (b) { if (b.checked) { checked++; } });
      total += checked;
      toggle.checked = checked === list.length;
      toggle.indeterminate = checked > 0 && checked < list.length;
      var count = picker.querySelector('.group-count[data-group="' + toggle.dataset.group + '"]');
      if (count) { count.textContent = '(' + checked + '/' + list.length + ')'; }
    });
    selectAll.checked = total === all.length;
    document.getElementById('scope-count').textContent = total;
  }
  picker.querySelectorAll('.group-toggle').forEach(function (toggle) {
    toggle.addEventListener('change', function () {
      boxes(toggle.dataset.group).forEach(function (b) { b.checked = toggle.checked; });
      sync();
    });
  });
  selectAll.addEventListener('change', function () {
    all.forEach(function (b) { b.checked = selectAll.checked; });
    sync();
  });
  all.forEach(function (b) { b.addEventListener('change', sync); });
  sync(); // the server renders group boxes unticked (a ticked one adds its whole group); show the real state
}());
