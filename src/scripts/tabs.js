// Content tabs, enhanced: WAI-ARIA tabs with roving tabindex and arrow keys; same-label tabs
// stay in sync across the page and the site and the choice is remembered; a URL fragment that
// names a tab selects it; hidden panels use hidden="until-found" so find-in-page reaches them.
// Runs at the end of <body>, before the first paint, so restoring a choice shifts nothing.
// Without JavaScript the radio inputs of the server HTML keep working.
(function () {
  var KEY = 'scissors-tabs';
  var sets = [];
  function remembered() {
    try {
      var value = JSON.parse(localStorage.getItem(KEY) || '[]');
      return Array.isArray(value) ? value : [];
    } catch (e) {
      return [];
    }
  }
  function remember(label) {
    try {
      var list = remembered().filter(function (l) { return l !== label; });
      list.unshift(label);
      localStorage.setItem(KEY, JSON.stringify(list.slice(0, 20)));
    } catch (e) {}
  }
  function select(set, index, focus) {
    set.tabs.forEach(function (tab, i) {
      var on = i === index;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      if (on) set.panels[i].removeAttribute('hidden');
      else set.panels[i].setAttribute('hidden', 'until-found');
      // Only the shown panel is a Tab stop: focus must never land in a hidden one.
      set.panels[i].tabIndex = on ? 0 : -1;
    });
    if (focus) set.tabs[index].focus();
  }
  function choose(set, index, options) {
    var label = set.tabs[index].dataset.label;
    select(set, index, options.focus);
    // Same label elsewhere follows; a clicked set stays put on screen even if sets above it
    // change height. (Find-in-page and fragments scroll by themselves: no correction then.)
    var top = set.root.getBoundingClientRect().top;
    sets.forEach(function (other) {
      if (other === set) return;
      var i = other.labels.indexOf(label);
      if (i >= 0) select(other, i, false);
    });
    if (options.keepPosition) window.scrollBy(0, set.root.getBoundingClientRect().top - top);
    remember(label);
    if (options.updateUrl) history.replaceState(history.state, '', '#' + set.tabs[index].id);
  }
  document.querySelectorAll('.tabbed-set').forEach(function (root) {
    var inputs = Array.prototype.slice.call(root.querySelectorAll(':scope > .tabbed-input'));
    var row = root.querySelector(':scope > .tabbed-labels');
    var panels = Array.prototype.slice.call(root.querySelectorAll(':scope > .tabbed-content > .tabbed-block'));
    if (!row || inputs.length === 0 || inputs.length !== panels.length) return;
    var labels = Array.prototype.slice.call(row.querySelectorAll(':scope > label'));
    row.setAttribute('role', 'tablist');
    var set = { root: root, tabs: [], panels: panels, labels: [] };
    inputs.forEach(function (input, i) {
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'tabbed-tab';
      tab.setAttribute('role', 'tab');
      tab.id = input.id;
      tab.dataset.label = input.dataset.tabLabel || '';
      tab.setAttribute('aria-controls', panels[i].id);
      while (labels[i].firstChild) tab.appendChild(labels[i].firstChild);
      labels[i].replaceWith(tab);
      input.remove();
      panels[i].setAttribute('role', 'tabpanel');
      panels[i].setAttribute('aria-labelledby', tab.id);
      panels[i].addEventListener('beforematch', function () { choose(set, i, { focus: false, updateUrl: false }); });
      tab.addEventListener('click', function () { choose(set, i, { focus: false, updateUrl: true, keepPosition: true }); });
      set.tabs.push(tab);
      set.labels.push(tab.dataset.label);
    });
    row.addEventListener('keydown', function (event) {
      var current = set.tabs.indexOf(document.activeElement);
      if (current < 0) return;
      var last = set.tabs.length - 1;
      var next = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      choose(set, next, { focus: true, updateUrl: true, keepPosition: true });
    });
    root.classList.add('js-tabs');
    var initial = Math.max(0, inputs.findIndex(function (input) { return input.checked; }));
    select(set, initial, false);
    sets.push(set);
  });
  // Restore the remembered choice: the most recently chosen label a set has wins.
  var preferred = remembered();
  sets.forEach(function (set) {
    for (var k = 0; k < preferred.length; k++) {
      var i = set.labels.indexOf(preferred[k]);
      if (i >= 0) { select(set, i, false); break; }
    }
  });
  function followHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    sets.forEach(function (set) {
      set.tabs.forEach(function (tab, i) {
        if (tab.id === id) {
          choose(set, i, { focus: false, updateUrl: false });
          tab.scrollIntoView({ block: 'start' });
        }
      });
    });
  }
  followHash();
  window.addEventListener('hashchange', followHash);
})();
