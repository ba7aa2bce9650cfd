/* Workshop Desk phone page: the vote screen — the badge check first where the sitting asks for it, then the
   ballot's form (found in WD.FORMS by method), pre-filled from the phone's earlier paper. */
(function () {
  'use strict';
  var WD = window.WD;
  var el = WD.el;
  var t = WD.t;
  var V = WD.views;

  function badgeBox(app) {
    var id = WD.uid('badge');
    var input = el('input', {id: id, type: 'text', name: 'badge', autocomplete: 'off', autocapitalize: 'characters',
      spellcheck: 'false', maxlength: 200, 'data-key': 'badge'});
    var button = el('button', {type: 'submit', class: 'primary', text: t('badge_send')});
    var msg = V.message();
    var form = el('form', {class: 'badge-form', novalidate: true}, [el('h3', {text: t('badge_title')}),
      el('p', {text: t('badge_intro')}), el('label', {'for': id, text: t('badge_label')}), input, button, msg]);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var code = input.value.trim();
      if (!code || button.disabled) { return; }
      button.disabled = true;
      app.post('/api/badge', {badge: code}).then(function (reply) {
        V.say(msg, t('hello', {name: reply.name}), 'ok');
        app.announce(t('hello', {name: reply.name}));
        app.load();
      }, function (error) {
        V.say(msg, WD.api.errorText(error), 'error');
      }).then(function () { button.disabled = false; });
    });
    return form;
  }

  /* What identifies a ballot's form: a change here rebuilds it (the phone's paper and "open" do not). */
  function shapeOf(ballot) {
    return JSON.stringify([ballot.id, ballot.method, ballot.settings, ballot.options, ballot.criteria]);
  }

  function vote(app) {
    var s = V.screen('vote', '');
    var closedNote = el('p', {class: 'note', text: t('vote_closed')});
    var badge = badgeBox(app);
    var body = el('div', {class: 'ballot-body'});
    var fieldset = el('fieldset', {class: 'plain'}, [body]);
    var problem = el('p', {class: 'hint problem', 'aria-live': 'polite'});
    var onFile = el('p', {class: 'note ok', text: t('vote_on_file')});
    var button = el('button', {type: 'submit', class: 'primary', text: t('send_vote')});
    var msg = V.message();
    var form = el('form', {class: 'ballot-form', novalidate: true}, [fieldset, problem, onFile, button, msg]);
    [closedNote, badge, form].forEach(function (n) { s.node.appendChild(n); });
    var current = {shape: null, ballotId: null, model: null, built: null, ballot: null, busy: false};

    function spec() { return WD.FORMS[current.ballot.method]; }
    function refresh() {
      var b = current.ballot;
      current.built.refresh();
      var why = spec().problem(b, current.model);
      problem.textContent = b.open ? why : '';
      button.disabled = current.busy || !b.open || !!why;
      button.textContent = current.busy ? t('sending') : t(b.my_paper ? 'change_vote' : 'send_vote');
    }
    function rebuild(ballot) {
      if (ballot.id !== current.ballotId) {
        current.model = spec().init(ballot);
        current.ballotId = ballot.id;
        V.say(msg, '');
      }
      current.shape = shapeOf(ballot);
      current.built = spec().build({ballot: ballot, model: current.model, changed: function () {
        V.say(msg, '');
        onFile.hidden = !current.ballot.my_paper;
        refresh();
      }});
      WD.replaceChildren(body, [current.built.node]);
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (button.disabled) { return; }
      var b = current.ballot;
      current.busy = true;
      refresh();
      app.post('/api/ballots/' + b.id + '/paper', {marks: spec().marks(b, current.model)}).then(function () {
        V.say(msg, t('vote_recorded'), 'ok');
        b.my_paper = {marks: spec().marks(b, current.model)};
        app.load();
      }, function (error) {
        V.say(msg, WD.api.errorText(error), 'error');
        if (error.code === 'closed' || error.code === 'badge_required') { app.load(); }
      }).then(function () { current.busy = false; refresh(); });
    });

    function update(state) {
      var b = state.ballot;
      if (!b || !WD.FORMS[b.method]) { return; }
      s.heading.textContent = b.title;
      var needsBadge = state.mode === 'badge' && !(state.me && state.me.badge_checked);
      badge.hidden = !needsBadge || !b.open;
      form.hidden = needsBadge && b.open;
      closedNote.hidden = !!b.open;
      current.ballot = b;
      if (shapeOf(b) !== current.shape) { rebuild(b); }
      fieldset.disabled = !b.open;
      button.hidden = !b.open;
      onFile.hidden = !b.my_paper || msg.textContent === t('vote_recorded');  // said once, just below
      refresh();
    }
    return {node: s.node, heading: s.heading, update: update};
  }

  V.vote = vote;
}());
