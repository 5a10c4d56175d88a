/*
 * Wegweiser widget loader — puts the Wegweiser notice on your website and sizes it to
 * its content. No dependencies, no cookies, no storage, no inline code (works under a
 * strict Content-Security-Policy: allow this host in script-src and frame-src).
 *
 *   <div data-wegweiser-widget data-services="erezept-einloesen,gesundheitskarte-apotheke"
 *        data-region="berlin" data-lang="de" data-theme="auto">
 *     Status unbekannt? Fragen Sie in Ihrer Praxis oder Apotheke nach.
 *   </div>
 *   <script src="https://wegweiser.example/widget.js" async></script>
 *
 * The text inside the <div> stays until the notice has loaded and told its height, so
 * if the Wegweiser host is down your visitors read that text, not an empty box.
 * Without a <div>, the data-… attributes may sit on the <script> element itself; the
 * notice then appears right after it.
 *
 * Security: the notice runs in an iframe on the Wegweiser origin (sandboxed: no access
 * to your page). It posts one kind of message, "wegweiser-height:<pixels>", to your
 * page's origin only; this loader accepts it only from the Wegweiser origin and only
 * from the iframe it inserted.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script) {
    var all = document.querySelectorAll('script[src$="/widget.js"]');
    script = all[all.length - 1];
  }
  if (!script || !script.src) return;
  var embedUrl = new URL('embed.html', script.src);
  var wegweiserOrigin = embedUrl.origin;
  // `at` previews an instant (for operators and tests), like on the full page.
  var PARAMS = ['services', 'region', 'lang', 'theme', 'at'];
  var MAX_HEIGHT = 4000;
  var TITLE = 'Wegweiser: Störungen bei E-Rezept, Gesundheitskarte und Terminen';

  // One listener per page, even if the loader is included twice.
  var frames = window.__wegweiserFrames;
  if (!frames) {
    frames = window.__wegweiserFrames = [];
    window.addEventListener('message', function (event) {
      if (event.origin !== wegweiserOrigin || typeof event.data !== 'string') return;
      var match = /^wegweiser-height:(\d{1,5})$/.exec(event.data);
      if (!match) return;
      for (var i = 0; i < frames.length; i++) {
        var entry = frames[i];
        if (entry.frame.contentWindow !== event.source) continue;
        entry.frame.style.height = Math.min(Number(match[1]), MAX_HEIGHT) + 'px';
        // The notice is there: the host's fallback text may go.
        for (var j = 0; j < entry.fallback.length; j++) entry.fallback[j].hidden = true;
        entry.fallback = [];
      }
    });
  }

  function insert(holder, after) {
    if (holder.hasAttribute('data-wegweiser-done')) return;
    holder.setAttribute('data-wegweiser-done', '');
    var url = new URL(embedUrl.href);
    for (var i = 0; i < PARAMS.length; i++) {
      var value = holder.getAttribute('data-' + PARAMS[i]);
      if (value) url.searchParams.set(PARAMS[i], value);
    }
    if (/^https?:\/\//.test(window.location.origin)) url.searchParams.set('origin', window.location.origin);

    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = holder.getAttribute('data-title') || TITLE;
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.className = 'wegweiser-widget';
    // Zero high until the notice reports its height (CSSOM, allowed under a strict CSP).
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.height = '0';
    frame.style.border = '0';

    var fallback = [];
    if (!after) {
      for (var k = 0; k < holder.children.length; k++) fallback.push(holder.children[k]);
      // Bare text inside the <div> is wrapped so that it can be hidden, too.
      for (var n = holder.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3 && n.nodeValue.trim()) {
          var span = document.createElement('span');
          holder.insertBefore(span, n);
          span.appendChild(n);
          fallback.push(span);
          n = span;
        }
      }
      holder.appendChild(frame);
    } else {
      holder.parentNode.insertBefore(frame, holder.nextSibling);
    }
    frames.push({ frame: frame, fallback: fallback });
  }

  var holders = document.querySelectorAll('[data-wegweiser-widget]');
  for (var i = 0; i < holders.length; i++) insert(holders[i], holders[i].tagName === 'SCRIPT');
  var own = PARAMS.some(function (p) {
    return script.hasAttribute('data-' + p);
  });
  if (holders.length === 0 && own) insert(script, true);
})();
