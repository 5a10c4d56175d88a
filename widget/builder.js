/*
 * Snippet builder (einbinden.html): choose services, region, language and theme; see
 * the widget live; copy the code. Plain JavaScript on its own page, so the builder
 * adds nothing to the WebAssembly every patient downloads. It only assembles
 * addresses: which ids exist, and what the widget says about them, is decided by the
 * widget itself (the core crate), which the preview shows.
 * Feed texts are inserted as text only (textContent), never as HTML.
 */
(function () {
  'use strict';

  var form = document.getElementById('builder');
  var preview = document.getElementById('builder-preview');
  var status = document.getElementById('builder-feed');
  var services = document.getElementById('builder-services');
  var region = document.getElementById('builder-region');
  var embed = new URL('embed.html', window.location.href);
  var loader = new URL('widget.js', window.location.href);
  var TITLE = 'Wegweiser: Störungen bei E-Rezept, Gesundheitskarte und Terminen';

  /** A feed text: a string, or texts per language; German first, like the core. */
  function pick(text) {
    if (typeof text === 'string') return text;
    if (!text || typeof text !== 'object') return '';
    var keys = Object.keys(text);
    return String(text.de || text.en || (keys.length ? text[keys[0]] : ''));
  }

  function escapeAttr(s) {
    return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  }

  function chosen() {
    var ids = [];
    var boxes = form.querySelectorAll('input[name=services]:checked');
    for (var i = 0; i < boxes.length; i++) ids.push(boxes[i].value);
    var theme = form.querySelector('input[name=theme]:checked');
    return {
      services: ids.join(','),
      region: region.value,
      lang: document.getElementById('builder-lang').value,
      theme: theme ? theme.value : 'auto',
    };
  }

  function update() {
    var c = chosen();
    var url = new URL(embed.href);
    ['services', 'region', 'lang', 'theme'].forEach(function (k) {
      if (c[k]) url.searchParams.set(k, c[k]);
    });
    // Commas stay readable in the code; they need no escaping in a query.
    var src = url.href.replace(/%2C/g, ',');
    if (preview.getAttribute('src') !== src) preview.src = src;
    document.getElementById('code-iframe').value =
      '<iframe src="' + escapeAttr(src) + '"\n' +
      '        title="' + TITLE + '"\n' +
      '        width="100%" height="420" frameborder="0"\n' +
      '        sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"\n' +
      '        referrerpolicy="no-referrer"></iframe>';
    var data = ['services', 'region', 'lang', 'theme']
      .filter(function (k) { return c[k]; })
      .map(function (k) { return ' data-' + k + '="' + escapeAttr(c[k]) + '"'; })
      .join('');
    document.getElementById('code-script').value =
      '<div data-wegweiser-widget' + data + '>\n' +
      '  <p>Ob E-Rezept und Gesundheitskarte gerade gehen, zeigt der Wegweiser:\n' +
      '    <a href="' + escapeAttr(new URL('./', embed).href) + '">Wegweiser öffnen</a>.\n' +
      '    Erscheint hier nichts, fragen Sie bei uns nach.</p>\n' +
      '</div>\n' +
      '<script src="' + escapeAttr(loader.href) + '" async></script>';
  }

  function option(value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  }

  function fill(feed) {
    (feed.groups || []).forEach(function (group) {
      var heading = document.createElement('p');
      heading.className = 'builder__group';
      heading.textContent = pick(group.name);
      services.appendChild(heading);
      (group.services || []).forEach(function (s) {
        if (typeof s.id !== 'string') return;
        var p = document.createElement('p');
        p.className = 'builder__choice';
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.name = 'services';
        box.value = s.id;
        box.id = 'service-' + s.id;
        var label = document.createElement('label');
        label.htmlFor = box.id;
        label.textContent = pick(s.name);
        p.append(box, ' ', label);
        services.appendChild(p);
      });
    });
    (feed.regions || []).forEach(function (r) {
      if (typeof r.id === 'string') region.appendChild(option(r.id, pick(r.name)));
    });
  }

  function copy(button) {
    var id = button.getAttribute('data-copy');
    var area = document.getElementById(id);
    var said = document.querySelector('[data-status="' + id + '"]');
    function manual() {
      area.focus();
      area.select();
      said.textContent = 'Der Code ist markiert: Kopieren Sie ihn mit Strg+C (Mac: Cmd+C).';
    }
    if (!navigator.clipboard || !window.isSecureContext) return manual();
    navigator.clipboard.writeText(area.value).then(function () {
      said.textContent = 'Kopiert.';
    }, manual);
  }

  form.addEventListener('change', update);
  var buttons = document.querySelectorAll('[data-copy]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', function (e) {
      copy(e.currentTarget);
    });
  }
  update();

  var feedUrl = (document.querySelector('meta[name=wegweiser-feed]') || {}).content || 'feed.json';
  fetch(feedUrl, { cache: 'no-cache' })
    .then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    })
    .then(function (feed) {
      fill(feed);
      status.remove();
    })
    .catch(function () {
      status.textContent = 'Die Dienste konnten nicht geladen werden. Der Code zeigt dann alle Dienste.';
    });
})();
