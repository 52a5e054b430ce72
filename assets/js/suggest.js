// Search suggestions as you type: progressive enhancement of the search box (the form works
// without it). Asks /api/v1/suggest?q=… and shows up to 8 practice titles as links; arrows move,
// Enter opens, Escape closes. The list is announced through aria-expanded/aria-controls.
(function () {
  'use strict';
  var input = document.querySelector('input[data-suggest]');
  if (!input || !window.fetch) return;
  var endpoint = input.getAttribute('data-suggest');
  var list = document.createElement('ul');
  list.id = 'suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', 'suggestions');
  input.setAttribute('aria-expanded', 'false');
  var timer = null, active = -1, last = '';

  function close() {
    list.hidden = true;
    list.textContent = '';
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }
  function show(items) {
    list.textContent = '';
    items.slice(0, 8).forEach(function (item, i) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = (document.documentElement.dataset.root || '') + '/praktyki/' + item.id + '-' + item.slug;
      a.textContent = item.title;  // text, never HTML
      a.id = 'suggestion-' + i;
      a.setAttribute('role', 'option');
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
  }
  function move(delta) {
    var links = list.querySelectorAll('a');
    if (!links.length) return;
    if (active >= 0) links[active].setAttribute('aria-selected', 'false');
    active = (active + delta + links.length) % links.length;
    links[active].setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', links[active].id);
  }
  input.addEventListener('input', function () {
    var q = input.value.trim();
    clearTimeout(timer);
    if (q.length < 2) { close(); return; }
    timer = setTimeout(function () {
      last = q;
      fetch(endpoint + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { if (q === last) show(data.suggestions || []); })
        .catch(close);
    }, 150);
  });
  input.addEventListener('keydown', function (e) {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    else if (e.key === 'Escape') { close(); }
    else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      window.location.href = list.querySelectorAll('a')[active].href;
    }
  });
  document.addEventListener('click', function (e) {
    if (e.target !== input && !list.contains(e.target)) close();
  });
})();
