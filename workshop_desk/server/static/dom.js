/* Workshop Desk phone page: building elements safely (text only as text) and talking to the laptop's server. */
(function () {
  'use strict';
  var WD = window.WD;
  // Attributes that could run or load something: never set from here, so no data can become code.
  var FORBIDDEN = /^(on|style$|href$|src$|srcdoc$|action$|formaction$|xlink)/i;

  /* An element: attrs {text, class, on: {event: fn}, prop: {name: value}, other attributes}; children nodes or texts. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    var a = attrs || {};
    Object.keys(a).forEach(function (key) { setAttr(node, key, a[key]); });
    (children || []).forEach(function (child) { if (child) { node.appendChild(asNode(child)); } });
    return node;
  }

  function setAttr(node, key, value) {
    if (value === null || value === undefined || value === false) { return; }
    if (key === 'text') { node.textContent = String(value); return; }
    if (key === 'class') { node.className = value; return; }
    if (key === 'on') { Object.keys(value).forEach(function (e) { node.addEventListener(e, value[e]); }); return; }
    if (key === 'prop') { Object.keys(value).forEach(function (p) { node[p] = value[p]; }); return; }
    if (FORBIDDEN.test(key)) { throw new Error('attribute not allowed: ' + key); }
    node.setAttribute(key, value === true ? '' : String(value));
  }

  function asNode(child) {
    return typeof child === 'string' ? document.createTextNode(child) : child;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  }

  function replaceChildren(node, children) {
    clear(node);
    children.forEach(function (child) { if (child) { node.appendChild(asNode(child)); } });
    return node;
  }

  var counter = 0;
  /* A fresh id for pairing a label with its control. */
  function uid(prefix) {
    counter += 1;
    return (prefix || 'wd') + '-' + counter;
  }

  /* Keeps keyboard focus on "the same" control across a rebuild: elements carry data-key. */
  function keepFocus(container, rebuild) {
    var active = document.activeElement;
    var key = active && container.contains(active) ? active.getAttribute('data-key') : null;
    rebuild();
    if (key) {
      var again = container.querySelector('[data-key="' + cssEscape(key) + '"]');
      if (again && !again.disabled) { again.focus(); }
    }
  }

  function cssEscape(text) {
    return String(text).replace(/["\\]/g, '\\$&');
  }

  // --- The server ------------------------------------------------------------------------------------------
  // The page is served at /s/CODE and /s/CODE/: the API lives under /s/CODE either way.
  var match = /^\/s\/[^\/]+/.exec(window.location.pathname);
  var BASE = match ? match[0] : '';

  function request(method, path, body) {
    var init = {method: method, credentials: 'same-origin', cache: 'no-store', headers: {'Accept': 'application/json'}};
    if (method === 'POST') {
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-Workshop-Desk'] = '1';
      init.body = JSON.stringify(body || {});
    }
    return fetch(BASE + path, init).then(readReply, function () {
      return Promise.reject({code: 'network', status: 0});
    });
  }

  function readReply(response) {
    return response.json().catch(function () { return {}; }).then(function (data) {
      if (response.ok) { return data; }
      return Promise.reject({code: data.error || 'http_' + response.status, detail: data.detail || '',
        status: response.status});
    });
  }

  /* The sentence, in the page's language, for a failed request. */
  function errorText(error) {
    var code = error && error.code ? error.code : 'network';
    var known = WD.STRINGS[WD.lang]['err_' + code];
    var text = known === undefined ? WD.t('err_other', {code: code}) : known;
    return error && error.detail ? text + ' ' + error.detail : text;
  }

  WD.el = el;
  WD.clear = clear;
  WD.replaceChildren = replaceChildren;
  WD.uid = uid;
  WD.keepFocus = keepFocus;
  WD.api = {
    base: BASE,
    get: function (path) { return request('GET', path); },
    post: function (path, body) { return request('POST', path, body); },
    errorText: errorText
  };
}());
