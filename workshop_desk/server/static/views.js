/* Workshop Desk phone page: the screens that are not ballots — waiting, ideas, questions, the timer. */
(function () {
  'use strict';
  var WD = window.WD;
  var el = WD.el;
  var t = WD.t;
  var TEXT_MAX = 500;
  var RELOAD_MS = 500;  // after its ideas, a phone reads its list again once this long has passed without another

  /* A screen: a section whose heading takes the focus when the phone switches to it. */
  function screen(name, title) {
    var heading = el('h2', {tabindex: '-1', id: 'title-' + name, text: title});
    return {heading: heading, node: el('section', {class: 'screen', id: 'screen-' + name, 'aria-labelledby': heading.id,
      hidden: true}, [heading])};
  }

  function message() {
    return el('p', {class: 'msg', role: 'status', 'aria-live': 'polite'});
  }

  function say(node, text, kind) {
    node.textContent = text;
    node.className = 'msg' + (kind ? ' ' + kind : '');
  }

  /* A text box (500 characters at most, with a counter), optional extra fields, and a send button.
     spec.send(text) → a promise of the sentence to show once the server has answered. */
  function textForm(spec) {
    var boxId = WD.uid('text'), counterId = WD.uid('count');
    var box = el('textarea', {id: boxId, name: spec.key, maxlength: TEXT_MAX, rows: 3, 'aria-describedby': counterId,
      'data-key': spec.key + '-text'});
    var counter = el('p', {class: 'counter', id: counterId});
    var button = el('button', {type: 'submit', class: 'primary', text: spec.button});
    var msg = message();
    var form = el('form', {class: 'text-form', novalidate: true},
      [el('label', {'for': boxId, text: spec.label}), box, counter].concat(spec.extra || [], [button, msg]));
    var busy = false, open = true;
    function refresh() {
      counter.textContent = t('counter', {n: box.value.length, max: TEXT_MAX});
      button.disabled = busy || !open || !box.value.trim();
      box.disabled = !open;
    }
    box.addEventListener('input', function () { say(msg, ''); refresh(); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (button.disabled) { return; }
      busy = true;
      refresh();
      spec.send(box.value.trim()).then(function (sentence) {
        box.value = '';
        say(msg, sentence, 'ok');
      }, function (error) {
        say(msg, WD.api.errorText(error), 'error');
      }).then(function () { busy = false; refresh(); });
    });
    refresh();
    return {node: form, setOpen: function (value) { open = value; refresh(); }};
  }

  // --- Waiting ---------------------------------------------------------------------------------------------
  function waiting() {
    var s = screen('waiting', t('waiting_title'));
    s.node.appendChild(el('div', {class: 'pulse', 'aria-hidden': 'true'}));
    s.node.appendChild(el('p', {class: 'hint', text: t('waiting_hint')}));
    return {node: s.node, heading: s.heading, update: function () {}};
  }

  // --- Ideas -----------------------------------------------------------------------------------------------
  // A choice among the sitting's themes or tables, hidden while there are none; keeps what the phone chose.
  function picker(kind, label, none) {
    var id = WD.uid(kind);
    var select = el('select', {id: id, name: kind});
    var field = el('div', {class: 'field'}, [el('label', {'for': id, text: label}), select]);
    var seen = null;
    function set(items) {
      var key = JSON.stringify(items);
      if (key === seen) { return; }
      seen = key;
      var chosen = select.value || remembered(kind);
      WD.replaceChildren(select, [el('option', {value: '', text: none})].concat(items.map(function (item) {
        return el('option', {value: String(item.id), text: item.name});
      })));
      select.value = chosen;
      if (select.value !== chosen) { select.value = ''; }
      field.hidden = !items.length;
    }
    select.addEventListener('change', function () { remember(kind, select.value); });
    return {field: field, set: set, value: function () { return select.value ? Number(select.value) : null; }};
  }

  // A phone's table is kept across reloads (it does not move during a sitting); nothing else is stored.
  function remembered(kind) {
    try { return kind === 'table' ? (window.localStorage.getItem('wd-table') || '') : ''; } catch (e) { return ''; }
  }

  function remember(kind, value) {
    try { if (kind === 'table') { window.localStorage.setItem('wd-table', value); } } catch (e) { /* private mode */ }
  }

  function ideas(app) {
    var s = screen('ideas', t('ideas_title'));
    var reloading = null;
    var table = picker('table', t('table_label'), t('table_none'));
    var theme = picker('theme', t('theme_label'), t('theme_none'));
    var form = textForm({key: 'idea', label: t('idea_label'), button: t('send_idea'), extra: [table.field, theme.field],
      send: function (text) {
        return app.post('/api/ideas', {text: text, theme_id: theme.value(), table_id: table.value()})
          .then(function (reply) {
            // Its own list of ideas read again (no other phone sees them, so the server tells no one), once
            // ideas sent in a row have stopped coming: a phone sending quickly stays within its rate.
            window.clearTimeout(reloading);
            reloading = window.setTimeout(app.load, RELOAD_MS);
            return t(reply.status === 'pending' ? 'idea_pending' : 'idea_sent');
          });
      }});
    var privateNote = el('p', {class: 'note', text: t('ideas_private')});
    var closedNote = el('p', {class: 'note', text: t('ideas_closed')});
    var mine = el('ul', {class: 'mine'});
    [privateNote, closedNote, form.node, el('h3', {text: t('my_ideas')}), mine].forEach(function (n) {
      s.node.appendChild(n);
    });
    function update(state) {
      var box = state.ideas || {open: false, themes: [], tables: [], mine: [], private: false};
      var themes = box.themes || [];
      var names = {};
      themes.forEach(function (th) { names[th.id] = th.name; });
      theme.set(themes);
      table.set(box.tables || []);
      privateNote.hidden = !box.private;
      closedNote.hidden = !!box.open;
      form.setOpen(!!box.open);
      var list = box.mine || [];
      WD.replaceChildren(mine, list.length ? list.map(function (idea) { return ideaItem(idea, names, box.private); })
        : [el('li', {class: 'empty', text: t('my_ideas_none')})]);
    }
    return {node: s.node, heading: s.heading, update: update};
  }

  function ideaItem(idea, names, isPrivate) {
    var status = idea.status === 'shown' && isPrivate ? 'shown_private' : idea.status;
    return el('li', {class: 'card'}, [el('p', {class: 'card-text', text: idea.text}), el('p', {class: 'meta'}, [
      el('span', {class: 'tag status-' + idea.status, text: t('status_' + status)}),
      names[idea.theme_id] ? el('span', {class: 'tag theme', text: names[idea.theme_id]}) : null])]);
  }

  // --- Questions -------------------------------------------------------------------------------------------
  function questions(app) {
    var s = screen('questions', t('questions_title'));
    var sort = 'votes', last = null;
    var form = textForm({key: 'question', label: t('question_label'), button: t('send_question'),
      send: function (text) {
        return app.post('/api/questions', {text: text}).then(function (reply) {
          return t(reply.status === 'pending' ? 'question_pending' : 'question_sent');
        });
      }});
    var closedNote = el('p', {class: 'note', text: t('questions_closed')});
    var sorts = ['votes', 'newest'].map(function (name) {
      return el('button', {type: 'button', class: 'toggle', 'data-sort': name, text: t('sort_' + name),
        on: {click: function () { sort = name; render(); }}});
    });
    var list = el('ul', {class: 'questions'});
    var msg = message();
    [closedNote, form.node, el('div', {class: 'sorts', role: 'group', 'aria-label': t('sort_label')}, sorts), msg, list]
      .forEach(function (n) { s.node.appendChild(n); });

    function vote(q) {
      app.post('/api/questions/' + q.id + '/vote', {}).then(function (reply) {
        q.votes = reply.votes;
        q.voted = reply.voted;
        render();
      }, function (error) { say(msg, WD.api.errorText(error), 'error'); });
    }
    function item(q) {
      var count = WD.tn('votes', q.votes);
      return el('li', {class: 'card question'}, [
        el('div', {class: 'q-body'}, [el('p', {class: 'card-text', text: q.text}), el('p', {class: 'meta'}, [
          q.answered ? el('span', {class: 'tag answered', text: t('answered')}) : null,
          q.mine ? el('span', {class: 'tag', text: t('mine_question')}) : null])]),
        el('button', {type: 'button', class: 'plus' + (q.voted ? ' voted' : ''), 'data-key': 'plus-' + q.id,
          'aria-pressed': q.voted ? 'true' : 'false', disabled: !!q.voted,
          'aria-label': (q.voted ? t('supported') : t('support')) + ', ' + count,
          on: {click: function () { vote(q); }}},
        [el('span', {class: 'plus-sign', 'aria-hidden': 'true', text: '+1'}),
          el('span', {class: 'plus-count', 'aria-hidden': 'true', text: String(q.votes)})])]);
    }
    function sorted(items) {
      return items.slice().sort(function (a, b) {
        return sort === 'votes' && b.votes !== a.votes ? b.votes - a.votes : b.id - a.id;
      });
    }
    function render() {
      sorts.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-sort') === sort)); });
      var items = last && last.list ? last.list : [];
      WD.keepFocus(list, function () {
        WD.replaceChildren(list, items.length ? sorted(items).map(item)
          : [el('li', {class: 'empty', text: t('questions_none')})]);
      });
    }
    function update(state) {
      last = state.questions || {open: false, list: []};
      closedNote.hidden = !!last.open;
      form.setOpen(!!last.open);
      render();
    }
    return {node: s.node, heading: s.heading, update: update};
  }

  // --- Timer -----------------------------------------------------------------------------------------------
  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    var mm = h ? (m < 10 ? '0' : '') + m : String(m);
    return (h ? h + ':' : '') + mm + ':' + (r < 10 ? '0' : '') + r;
  }

  function timer(app) {
    var s = screen('timer', t('timer_title'));
    var label = el('p', {class: 'timer-label'});
    var time = el('p', {class: 'timer-time', role: 'timer'});
    var note = el('p', {class: 'timer-note', 'aria-live': 'polite'});
    [label, time, note].forEach(function (n) { s.node.appendChild(n); });
    function update(state) { label.textContent = state.timer ? state.timer.label : ''; tick(); }
    function tick() {
      var left = app.timeLeft();
      if (left === null) { time.textContent = ''; note.textContent = ''; return; }
      time.textContent = clock(left);
      var paused = !app.state.timer.running;
      var text = left <= 0 ? t('timer_done') : paused ? t('timer_paused') : '';
      if (note.textContent !== text) { note.textContent = text; }
    }
    return {node: s.node, heading: s.heading, update: update, tick: tick};
  }

  WD.views = {screen: screen, message: message, say: say, textForm: textForm, clock: clock,
    waiting: waiting, ideas: ideas, questions: questions, timer: timer};
}());
