/*
 * Baton chat widget. Paste into a store's pages:
 *   <script src="https://BATON/widget/baton-chat.js" data-key="pk_..." async></script>
 * Optional: data-title (panel heading), data-greeting (first line shown), data-color (#rrggbb accent).
 * Plain JavaScript, no dependencies; everything lives in a shadow root, so the store's CSS and ours never mix.
 */
(function () {
  'use strict';
  if (window.BatonChat) return;
  var script = document.currentScript || document.querySelector('script[data-key][src*="baton-chat.js"]');
  var key = script && script.getAttribute('data-key');
  if (!key) {
    if (window.console) console.warn('Baton chat: the script tag needs data-key="pk_..." (the web chat widget key).');
    return;
  }
  var base = script.src.replace(/\/widget\/baton-chat\.js([?#].*)?$/, '');
  var api = base + '/widget/api/' + encodeURIComponent(key);
  var title = script.getAttribute('data-title') || 'Chat with us';
  var greeting = script.getAttribute('data-greeting') || 'Hi! Ask us anything about our products, orders or shipping.';
  var color = /^#[0-9a-fA-F]{3,8}$/.test(script.getAttribute('data-color') || '') ? script.getAttribute('data-color') : '#4f46e5';
  var TYPING_MS = 30000;

  // --- the visitor: a random id this browser keeps, so the conversation survives page loads ------------------
  var storage = null;
  try { storage = window.localStorage; storage.setItem('baton-chat:probe', '1'); storage.removeItem('baton-chat:probe'); } catch (e) { storage = null; }
  function remember(name, value) { try { if (storage) storage.setItem('baton-chat:' + key + ':' + name, value); } catch (e) { /* full or blocked */ } }
  function recall(name) { try { return storage ? storage.getItem('baton-chat:' + key + ':' + name) : null; } catch (e) { return null; } }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16); crypto.getRandomValues(b); b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  var visitorId = recall('visitor');
  if (!/^[A-Za-z0-9-]{16,64}$/.test(visitorId || '')) { visitorId = uuid(); remember('visitor', visitorId); }

  // --- the page: a bubble and a panel in a shadow root --------------------------------------------------------
  var host = document.createElement('div');
  host.setAttribute('data-baton-chat', '');
  host.style.cssText = 'all:initial;position:fixed;right:0;bottom:0;width:0;height:0;z-index:2147483000;';
  var root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<style>' +
    ':host{all:initial}' +
    '*{box-sizing:border-box}' +
    '.w{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;--c:' + color + '}' +
    'button{font:inherit;cursor:pointer}' +
    ':focus-visible{outline:3px solid #1d2330;outline-offset:2px}' +
    'textarea:focus-visible{outline:none;border-color:var(--c);box-shadow:0 0 0 1px var(--c)}' +
    '.bubble{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border:0;border-radius:50%;background:var(--c);color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center}' +
    '.bubble svg{width:26px;height:26px}.bubble .shut,.bubble[aria-expanded=true] .talk{display:none}.bubble[aria-expanded=true] .shut{display:block}' +
    '.unread{position:absolute;top:2px;right:2px;width:14px;height:14px;border-radius:50%;background:#d92d20;border:2px solid #fff}' +
    '.panel{position:fixed;right:20px;bottom:88px;width:360px;height:min(540px,calc(100vh - 110px));background:#fff;border:1px solid #e4e7ec;border-radius:14px;box-shadow:0 12px 32px rgba(0,0,0,.18);display:flex;flex-direction:column;overflow:hidden}' +
    '[hidden]{display:none!important}' +
    'header{display:flex;align-items:center;justify-content:space-between;padding:12px 14px;background:var(--c);color:#fff}' +
    'h2{margin:0;font-size:15px;font-weight:600}' +
    '.close{border:0;background:transparent;color:#fff;font-size:22px;line-height:1;width:32px;height:32px;border-radius:6px}' +
    '.log{position:relative;flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f7f8fa}' +
    '.line{max-width:85%;display:flex;flex-direction:column}' +
    '.text{padding:8px 11px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}' +
    '.text a{color:inherit;text-decoration:underline}' +
    '.shopper{align-self:flex-end;align-items:flex-end}.shopper .text{background:var(--c);color:#fff;border-bottom-right-radius:4px}' +
    '.agent,.manager,.hello{align-self:flex-start}.agent .text,.hello .text{background:#fff;border:1px solid #e4e7ec;border-bottom-left-radius:4px}' +
    '.manager .text{background:#ecfdf3;border:1px solid #abefc6;border-bottom-left-radius:4px}' +
    '.who{font-size:12px;font-weight:600;color:#067647;margin:0 0 2px 4px}' +
    '.system{align-self:center;max-width:95%;text-align:center;font-size:12.5px;color:#475467;font-style:italic}' +
    '.pending .text{opacity:.7}' +
    '.failed .text{background:#fef3f2;color:#b42318;border:1px solid #fecdca}' +
    '.retry{margin-top:3px;border:0;background:none;color:#b42318;text-decoration:underline;font-size:12px;padding:0}' +
    '.typing{align-self:flex-start;background:#fff;border:1px solid #e4e7ec;border-radius:12px;padding:10px 12px;display:flex;gap:4px}' +
    '.typing i{width:7px;height:7px;border-radius:50%;background:#98a2b3;animation:b 1.2s infinite}' +
    '.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}' +
    '@keyframes b{0%,60%,100%{transform:none;opacity:.5}30%{transform:translateY(-4px);opacity:1}}' +
    '@media (prefers-reduced-motion:reduce){.typing i{animation:none}}' +
    '.error{margin:0;padding:8px 12px;background:#fef3f2;color:#b42318;font-size:13px;border-top:1px solid #fecdca}' +
    'form{display:flex;gap:8px;padding:10px;border-top:1px solid #e4e7ec;background:#fff}' +
    'textarea{flex:1;resize:none;font:inherit;color:inherit;padding:8px 10px;border:1px solid #d0d5dd;border-radius:10px;max-height:110px;background:#fff}' +
    '.send{border:0;border-radius:10px;background:var(--c);color:#fff;width:42px;display:flex;align-items:center;justify-content:center}' +
    '.send svg{width:18px;height:18px}' +
    '.cards{display:flex;flex-direction:column;gap:6px;margin-top:6px;width:100%}' +
    '.card{display:flex;gap:10px;align-items:center;padding:8px;background:#fff;border:1px solid #e4e7ec;border-radius:10px;color:inherit;text-decoration:none}' +
    'a.card:hover{border-color:var(--c)}' +
    '.card img{width:52px;height:52px;object-fit:cover;border-radius:6px;background:#f2f4f7;flex:none}' +
    '.card .t{font-weight:600;display:block}.card .p{display:block}.card .s{display:block;font-size:12.5px;color:#067647}.card .s.out{color:#b42318}' +
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    '@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;height:100%;border-radius:0}}' +
    '</style>' +
    '<div class="w">' +
    '<button class="bubble" type="button" aria-label="Open chat" aria-expanded="false" aria-controls="panel">' +
    '<svg class="talk" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>' +
    '<svg class="shut" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" aria-hidden="true"><path d="m6 9 6 6 6-6"/></svg>' +
    '<span class="unread" hidden></span></button>' +
    '<section class="panel" id="panel" role="dialog" aria-labelledby="title" hidden>' +
    '<header><h2 id="title"></h2><button class="close" type="button" aria-label="Close chat">&times;</button></header>' +
    '<div class="log" role="log" aria-live="polite" aria-label="Conversation"></div>' +
    '<p class="error" role="alert" hidden></p>' +
    '<form><label class="sr" for="input">Your message</label>' +
    '<textarea id="input" rows="1" maxlength="4096" placeholder="Type a message…" autocomplete="off"></textarea>' +
    '<button class="send" type="submit" aria-label="Send message"><svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M3 20.5 21 12 3 3.5 3 10l12 2-12 2z"/></svg></button>' +
    '</form></section></div>';

  function $(selector) { return root.querySelector(selector); }
  var bubble = $('.bubble'), panel = $('.panel'), log = $('.log'), errorBox = $('.error'), form = $('form'),
    input = $('textarea'), unread = $('.unread');
  $('#title').textContent = title;

  // --- showing lines --------------------------------------------------------------------------------------------
  var lastSeq = 0, shown = {}, typing = null, typingTimer = null, agentEnabled = true, humanJoined = false;
  var readSeq = Number(recall('read')) || 0;

  /** Text with its web addresses as links; never HTML. */
  function fill(element, text) {
    var parts = String(text).split(/(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/);
    for (var i = 0; i < parts.length; i++) {
      if (i % 2 === 1) {
        var a = document.createElement('a');
        a.href = parts[i]; a.textContent = parts[i]; a.target = '_blank'; a.rel = 'noopener noreferrer';
        element.appendChild(a);
      } else if (parts[i]) {
        element.appendChild(document.createTextNode(parts[i]));
      }
    }
  }

  /** Product cards under an agent reply: text only, images and links only when they are web addresses. */
  function web(url) { return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null; }

  function cardsElement(cards) {
    var list = document.createElement('div');
    list.className = 'cards';
    list.setAttribute('role', 'list');
    for (var i = 0; i < cards.length && i < 6; i++) {
      var c = cards[i] || {};
      var link = web(c.url);
      var card = document.createElement(link ? 'a' : 'div');
      card.className = 'card';
      card.setAttribute('role', 'listitem');
      if (link) { card.href = link; card.target = '_blank'; card.rel = 'noopener noreferrer'; }
      var image = web(c.imageUrl);
      if (image) {
        var img = document.createElement('img');
        img.src = image; img.alt = ''; img.loading = 'lazy'; img.referrerPolicy = 'no-referrer';
        img.onerror = function () { this.remove(); };
        card.appendChild(img);
      }
      var info = document.createElement('span');
      var title = document.createElement('span'); title.className = 't';
      title.textContent = String(c.title || '') + (c.option ? ' · ' + c.option : '');
      var price = document.createElement('span'); price.className = 'p'; price.textContent = String(c.price || '');
      var stock = document.createElement('span'); stock.className = 's' + (c.available ? '' : ' out');
      stock.textContent = String(c.stock || '');
      info.appendChild(title); info.appendChild(price); info.appendChild(stock);
      card.appendChild(info);
      list.appendChild(card);
    }
    return list;
  }

  function lineElement(role, text, cards) {
    var line = document.createElement('div');
    line.className = 'line ' + role.toLowerCase();
    line.setAttribute('data-role', role);
    var who = { SHOPPER: 'You', AGENT: 'Assistant', MANAGER: 'From the team', SYSTEM: '' }[role];
    if (role === 'MANAGER') {
      var label = document.createElement('span');
      label.className = 'who'; label.textContent = who;
      line.appendChild(label);
    } else if (who) {
      var sr = document.createElement('span');
      sr.className = 'sr'; sr.textContent = who + ': ';
      line.appendChild(sr);
    }
    var body = document.createElement('div');
    body.className = 'text';
    fill(body, text);
    line.appendChild(body);
    if (cards && cards.length) line.appendChild(cardsElement(cards));
    return line;
  }

  function append(element) {
    if (typing && typing.parentNode === log) log.insertBefore(element, typing); else log.appendChild(element);
    // a reply taller than the panel is shown from its first line, not its last
    var tall = element.offsetHeight > log.clientHeight - 16 && !element.classList.contains('shopper');
    log.scrollTop = tall ? element.offsetTop - 8 : log.scrollHeight;
  }

  /** A line from Baton; the visitor's own pending line is confirmed instead of shown twice. */
  function receive(line) {
    if (!line) return;
    if (line.seq > lastSeq) lastSeq = line.seq;
    if (shown[line.id]) return;
    if (line.role === 'SHOPPER') {
      var pending = log.querySelector('.pending[data-message-id="' + line.id + '"]') || firstPendingWith(line.text);
      if (pending) { confirm(pending, line.id); return; }
    }
    shown[line.id] = true;
    append(lineElement(line.role, line.text, line.cards));
    if (line.role === 'MANAGER' || line.role === 'SYSTEM') humanJoined = true;
    if (line.role !== 'SHOPPER') {
      hideTyping();
      if (panel.hidden && line.seq > readSeq) unread.hidden = false;
    }
    if (!panel.hidden) markRead();
  }

  function firstPendingWith(text) {
    var pending = log.querySelectorAll('.pending');
    for (var i = 0; i < pending.length; i++) if (pending[i].getAttribute('data-text') === text) return pending[i];
    return null;
  }

  function confirm(element, id) {
    shown[id] = true;
    element.classList.remove('pending');
    element.setAttribute('data-message-id', id);
  }

  function showTyping() {
    if (!agentEnabled || humanJoined) return;
    if (!typing) {
      typing = document.createElement('div');
      typing.className = 'typing'; typing.setAttribute('role', 'status');
      typing.innerHTML = '<i></i><i></i><i></i><span class="sr">The assistant is typing…</span>';
    }
    log.appendChild(typing);
    log.scrollTop = log.scrollHeight;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, TYPING_MS);
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    if (typing && typing.parentNode) typing.parentNode.removeChild(typing);
  }

  function showError(text) { errorBox.textContent = text || ''; errorBox.hidden = !text; }

  // --- talking to Baton -----------------------------------------------------------------------------------------
  function request(method, path, body) {
    return fetch(api + path, {
      method: method, credentials: 'omit', cache: 'no-store',
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) { var e = new Error(json.detail || 'Baton answered ' + response.status); e.status = response.status; throw e; }
        return json;
      });
    });
  }

  function query(after) { return '?visitorId=' + encodeURIComponent(visitorId) + '&after=' + after; }

  /** Everything after the last line shown, page by page. */
  function catchUp() {
    return request('GET', '/messages' + query(lastSeq)).then(function (lines) {
      for (var i = 0; i < lines.length; i++) receive(lines[i]);
      if (lines.length >= 200) return catchUp();
    });
  }

  function send(text, element, messageId) {
    showError('');
    element.classList.remove('failed');
    element.classList.add('pending');
    var retry = element.querySelector('.retry');
    if (retry) element.removeChild(retry);
    showTyping();
    request('POST', '/messages', { visitorId: visitorId, messageId: messageId, text: text }).then(function (sent) {
      agentEnabled = sent.agentEnabled !== false;
      if (!agentEnabled) hideTyping();
      if (!shown[sent.messageId]) confirm(element, sent.messageId);
      remember('chatted', '1');
      listen();
    }, function (e) {
      hideTyping();
      element.classList.remove('pending');
      element.classList.add('failed');
      showError('Not sent: ' + e.message);
      if (e.status !== 400 && e.status !== 404) {
        var again = document.createElement('button');
        again.type = 'button'; again.className = 'retry'; again.textContent = 'Send again';
        again.addEventListener('click', function () { send(text, element, messageId); });
        element.appendChild(again);
      }
    });
  }

  // New lines arrive over server-sent events; each stream ends after a while and is reopened from the last line.
  // Where EventSource is missing or keeps failing, the widget polls instead.
  var source = null, failures = 0, pollTimer = null, reconnectTimer = null, listening = false;

  function listen() {
    listening = true;
    if (source || pollTimer || reconnectTimer || document.hidden) return;
    if (!window.EventSource || failures >= 2) { poll(); return; }
    var opened = false;
    source = new EventSource(api + '/events' + query(lastSeq));
    source.onopen = function () { opened = true; failures = 0; };
    source.onmessage = function (event) {
      try { receive(JSON.parse(event.data)); } catch (e) { /* not a line */ }
    };
    source.onerror = function () {
      source.close(); source = null;
      if (!opened) failures++;
      reconnectTimer = setTimeout(function () { reconnectTimer = null; listen(); }, opened ? 300 : 2000);
    };
  }

  function poll() {
    pollTimer = setTimeout(function () {
      catchUp().then(next, function (e) {
        // a widget key that no longer exists will not come back: stop asking
        if (e.status === 404) { pollTimer = null; showError(e.message); } else { next(); }
      });
    }, typing && typing.parentNode ? 1500 : 4000);
    function next() { pollTimer = null; if (!document.hidden) poll(); }
  }

  function pause() {
    if (source) { source.close(); source = null; }
    clearTimeout(pollTimer); pollTimer = null;
    clearTimeout(reconnectTimer); reconnectTimer = null;
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden) { pause(); } else if (listening) { catchUp().then(listen, listen); }
  });

  // --- the visitor's hands --------------------------------------------------------------------------------------
  function markRead() {
    if (readSeq < lastSeq) { readSeq = lastSeq; remember('read', String(readSeq)); }
  }

  function openPanel(focus) {
    panel.hidden = false; unread.hidden = true; markRead();
    bubble.setAttribute('aria-expanded', 'true'); bubble.setAttribute('aria-label', 'Close chat');
    log.scrollTop = log.scrollHeight;
    try { sessionStorage.setItem('baton-chat:' + key + ':open', '1'); } catch (e) { /* blocked */ }
    if (focus) input.focus();
  }

  function closePanel() {
    panel.hidden = true;
    bubble.setAttribute('aria-expanded', 'false'); bubble.setAttribute('aria-label', 'Open chat');
    try { sessionStorage.removeItem('baton-chat:' + key + ':open'); } catch (e) { /* blocked */ }
    bubble.focus();
  }

  bubble.addEventListener('click', function () { if (panel.hidden) openPanel(true); else closePanel(); });
  $('.close').addEventListener('click', closePanel);
  panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') closePanel(); });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = ''; input.style.height = '';
    var element = lineElement('SHOPPER', text);
    element.setAttribute('data-text', text);
    append(element);
    send(text, element, uuid());
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit(); else form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });
  input.addEventListener('input', function () {
    input.style.height = ''; input.style.height = Math.min(input.scrollHeight, 110) + 'px';
  });

  // --- start ----------------------------------------------------------------------------------------------------
  var hello = lineElement('AGENT', greeting);
  hello.className = 'line hello';
  hello.removeAttribute('data-role');
  log.appendChild(hello);
  (document.body || document.documentElement).appendChild(host);
  window.BatonChat = { open: function () { openPanel(true); }, close: closePanel, visitorId: visitorId };

  var wasOpen = false;
  try { wasOpen = sessionStorage.getItem('baton-chat:' + key + ':open') === '1'; } catch (e) { /* blocked */ }
  if (wasOpen) openPanel(false);
  if (recall('chatted')) {
    catchUp().then(listen, function (e) { showError(e.message); listen(); });
  }
})();
