/* Workshop Desk phone page: follows the sitting — state from /api/state, refetched on each "changed" event —
   and shows the screen of the current activity, with tabs for the others that are open. */
(function () {
  'use strict';
  var WD = window.WD;
  var el = WD.el;
  var t = WD.t;
  var V = WD.views;
  var TABS = ['vote', 'ideas', 'questions', 'timer', 'waiting'];
  var RETRY_MS = 3000;

  var app = {state: null, tab: null, activity: null, views: {}, loading: false, again: false, lost: false,
    timerAt: 0, stream: null};

  app.post = function (path, body) { return WD.api.post(path, body); };

  app.announce = function (text) {
    var node = document.getElementById('announce');
    node.textContent = '';
    window.setTimeout(function () { node.textContent = text; }, 50);
  };

  /* Seconds left on the round's timer, counted down here from the server's figure; null without a timer. */
  app.timeLeft = function () {
    var timer = app.state && app.state.timer;
    if (!timer) { return null; }
    var elapsed = timer.running ? (Date.now() - app.timerAt) / 1000 : 0;
    return Math.max(0, timer.remaining_s - elapsed);
  };

  app.load = function () {
    if (app.loading) { app.again = true; return; }
    app.loading = true;
    WD.api.get('/api/state').then(function (state) {
      setOnline(true);
      apply(state);
    }, function (error) {
      if (error.code === 'not_found') { return gone(); }
      setOnline(false);
      window.setTimeout(app.load, RETRY_MS);
    }).then(function () {
      app.loading = false;
      if (app.again) { app.again = false; app.load(); }
    });
  };

  function setOnline(online) {
    app.lost = !online;
    document.getElementById('banner').textContent = online ? '' : t('reconnecting');
  }

  function gone() {
    if (app.stream) { app.stream.close(); }
    WD.replaceChildren(document.getElementById('main'), [el('p', {class: 'note error', text: t('not_found')})]);
    document.getElementById('tabs').hidden = true;
  }

  // --- Which screen ----------------------------------------------------------------------------------------
  function activityTab(state) {
    if (state.activity === 'vote' && state.ballot) { return 'vote'; }
    if (state.activity === 'timer' && state.timer) { return 'timer'; }
    return state.activity === 'ideas' || state.activity === 'questions' ? state.activity : 'waiting';
  }

  function availableTabs(state, main) {
    return TABS.filter(function (tab) {
      if (tab === main) { return true; }
      if (tab === 'vote') { return !!state.ballot && state.ballot.open && state.activity === 'vote'; }
      if (tab === 'ideas') { return !!(state.ideas && state.ideas.open); }
      return tab === 'questions' && !!(state.questions && state.questions.open);
    });
  }

  function apply(state) {
    app.state = state;
    app.timerAt = Date.now();
    var main = activityTab(state);
    var tabs = availableTabs(state, main);
    var moved = main !== app.activity;
    if (moved || tabs.indexOf(app.tab) < 0) {
      if (app.activity !== null && moved) { app.announce(t('now_open', {name: t('tab_' + main)})); }
      app.tab = main;
    }
    app.activity = main;
    document.getElementById('sitting-title').textContent = state.sitting && state.sitting.title || t('page_title');
    document.title = (state.sitting && state.sitting.title ? state.sitting.title + ' — ' : '') + t('page_title');
    var hello = document.getElementById('hello');
    hello.hidden = !(state.me && state.me.name);
    hello.textContent = hello.hidden ? '' : t('hello', {name: state.me.name});
    Object.keys(app.views).forEach(function (name) { app.views[name].update(state); });
    drawTabs(tabs);
    show(app.tab, false);
    tick();
  }

  function drawTabs(tabs) {
    var nav = document.getElementById('tabs');
    nav.hidden = tabs.length < 2;
    WD.keepFocus(nav, function () {
      WD.replaceChildren(nav, tabs.map(function (tab) {
        return el('button', {type: 'button', class: 'tab', 'data-key': 'tab-' + tab, text: t('tab_' + tab),
          'aria-current': tab === app.tab ? 'page' : false, on: {click: function () { choose(tab); }}});
      }));
    });
  }

  function choose(tab) {
    app.tab = tab;
    drawTabs(availableTabs(app.state, app.activity));
    show(tab, true);
  }

  function show(tab, focus) {
    Object.keys(app.views).forEach(function (name) { app.views[name].node.hidden = name !== tab; });
    if (focus) { app.views[tab].heading.focus(); }
    tick();
  }

  // --- The round's timer, counted down locally -------------------------------------------------------------
  function tick() {
    if (!app.state) { return; }
    app.views.timer.tick();
    var mini = document.getElementById('mini-timer');
    var left = app.timeLeft();
    mini.hidden = left === null || app.tab === 'timer';
    var text = mini.hidden ? '' : app.state.timer.label + ' · ' + V.clock(left);
    if (mini.textContent !== text) { mini.textContent = text; }
  }

  // --- Live updates ----------------------------------------------------------------------------------------
  function listen() {
    var stream = new EventSource(WD.api.base + '/api/events');
    app.stream = stream;
    stream.addEventListener('changed', function (event) {
      var version = null;
      try { version = JSON.parse(event.data).version; } catch (ignored) { version = null; }
      if (!app.state || typeof version !== 'number' || version > app.state.version) { app.load(); }
    });
    stream.addEventListener('open', function () {
      if (app.lost) { app.load(); }
      setOnline(true);
    });
    stream.addEventListener('error', function () {
      setOnline(false);
      if (stream.readyState === 2) {  // closed for good (the server refused): open a new one later
        window.setTimeout(function () { if (app.stream === stream) { listen(); } }, RETRY_MS);
      }
    });
  }

  function start() {
    document.documentElement.lang = WD.lang;
    document.title = t('page_title');
    var main = WD.replaceChildren(document.getElementById('main'), []);
    app.views = {waiting: V.waiting(app), ideas: V.ideas(app), questions: V.questions(app), vote: V.vote(app),
      timer: V.timer(app)};
    TABS.forEach(function (name) { main.appendChild(app.views[name].node); });
    document.getElementById('tabs').setAttribute('aria-label', t('tabs'));
    listen();
    app.load();
    window.setInterval(tick, 500);
    window.addEventListener('online', app.load);
    document.addEventListener('visibilitychange', function () { if (!document.hidden) { app.load(); } });
  }

  WD.app = app;
  start();
}());
