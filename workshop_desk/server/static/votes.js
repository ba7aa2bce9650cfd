/* Workshop Desk phone page: one ballot form per vote method, registered in FORMS under the method's name. */
(function () {
  'use strict';
  var WD = window.WD;
  var el = WD.el;
  var t = WD.t;
  var tn = WD.tn;
  // FORMS.method = {init(ballot) → model, build(ctx) → {node, refresh}, problem(ballot, model) → '' or the
  // sentence that keeps "send" disabled, marks(ballot, model) → the paper's marks as the contract spells them}.
  var FORMS = {};

  function mark(optionId, value, axis, criterionId, comment) {
    return {option_id: optionId, value: value, criterion_id: criterionId === undefined ? null : criterionId,
      axis: axis || '', comment: comment || ''};
  }

  function paperMarks(ballot) {
    return ballot.my_paper && ballot.my_paper.marks ? ballot.my_paper.marks : [];
  }

  function setting(ballot, name, fallback) {
    var value = ballot.settings ? ballot.settings[name] : undefined;
    return typeof value === 'number' ? value : fallback;
  }

  function optionHead(option) {
    return [el('span', {class: 'option-head'}, [el('span', {class: 'option-label', text: option.label}),
      option.description ? el('span', {class: 'option-description', text: option.description}) : null])];
  }

  /* A row of radio buttons low…high; onPick(value) on a choice. */
  function scale(legend, low, high, value, key, onPick) {
    var name = WD.uid('scale');
    var choices = [];
    for (var v = low; v <= high; v += 1) { choices.push(choice(name, String(v), String(v), v === value, key + '-' + v, onPick)); }
    return el('fieldset', {class: 'scale'}, [el('legend', {text: legend}), el('div', {class: 'choices'}, choices)]);
  }

  function choice(name, value, text, checked, key, onPick) {
    var id = WD.uid('c');
    var input = el('input', {type: 'radio', name: name, id: id, value: value, 'data-key': key, prop: {checked: checked},
      on: {change: function () { onPick(Number(value) === Number(value) ? Number(value) : value); }}});
    return el('span', {class: 'choice'}, [input, el('label', {'for': id, text: text})]);
  }

  /* − value + for one option; the value is a number input when `typed` (100 points). */
  function stepper(spec) {
    var minus = el('button', {type: 'button', class: 'step', 'aria-label': spec.downLabel, 'data-key': spec.key + '-down',
      text: '−', on: {click: spec.down}});
    var plus = el('button', {type: 'button', class: 'step', 'aria-label': spec.upLabel, 'data-key': spec.key + '-up',
      text: '+', on: {click: spec.up}});
    var value = spec.set ? el('input', {type: 'number', inputmode: 'numeric', min: 0, step: 1, class: 'step-input',
      'aria-label': spec.label, 'data-key': spec.key + '-value',
      on: {input: function () { spec.set(parseInt(value.value, 10) || 0); }}})
      : el('span', {class: 'step-value'});
    var node = el('div', {class: 'stepper', role: 'group', 'aria-label': spec.label}, [minus, value, plus]);
    function refresh() {
      var n = spec.get();
      if (spec.set) {
        if (document.activeElement !== value || (parseInt(value.value, 10) || 0) !== n) { value.value = String(n); }
      } else {
        value.textContent = String(n);
        value.className = 'step-value' + (n < 0 ? ' negative' : n > 0 ? ' positive' : '');
      }
      minus.disabled = !spec.canDown();
      plus.disabled = !spec.canUp();
    }
    return {node: node, refresh: refresh};
  }

  function sum(values, sign) {
    return Object.keys(values).reduce(function (total, id) {
      var v = values[id];
      return total + (sign > 0 ? Math.max(v, 0) : sign < 0 ? Math.max(-v, 0) : v);
    }, 0);
  }

  function known(ballot, values) {
    var out = {};
    ballot.options.forEach(function (o) { if (values[o.id]) { out[o.id] = values[o.id]; } });
    return out;
  }

  /* Options with a stepper each, and a live line about the budget above them. */
  function stepperForm(ctx, spec) {
    var budget = el('p', {class: 'budget', 'aria-live': 'polite'});
    var steppers = [];
    var items = ctx.ballot.options.map(function (o) {
      var s = spec(o);
      steppers.push(s);
      return el('li', {class: 'option'}, optionHead(o).concat([s.node]));
    });
    return {budget: budget, list: el('ul', {class: 'options'}, items), refreshAll: function () {
      steppers.forEach(function (s) { s.refresh(); });
    }};
  }

  // --- Dots: a budget, an optional cap per option, optional dots against -------------------------------------
  FORMS.dots = {
    init: function (ballot) {
      var values = {};
      paperMarks(ballot).forEach(function (m) { values[m.option_id] = m.value; });  // against: negative
      return {values: values};
    },
    build: function (ctx) {
      var b = ctx.ballot, values = ctx.model.values;
      var budget = setting(b, 'dots_per_voter', 5), cap = setting(b, 'max_per_option', 0);
      var against = setting(b, 'negative_dots', 0);
      function get(id) { return values[id] || 0; }
      function change(id, delta) { values[id] = get(id) + delta; ctx.changed(); }
      var form = stepperForm(ctx, function (o) {
        return stepper({label: t('dots_on', {label: o.label}), key: 'dots-' + o.id,
          upLabel: t('add_dot'), downLabel: t('remove_dot'), get: function () { return get(o.id); },
          up: function () { change(o.id, 1); }, down: function () { change(o.id, -1); },
          canUp: function () { var v = get(o.id); return v < 0 || (sum(values, 1) < budget && (!cap || v < cap)); },
          canDown: function () {
            var v = get(o.id);
            return v > 0 || (sum(values, -1) < against && (!cap || -v < cap));
          }});
      });
      var rules = el('p', {class: 'hint', text: cap ? t('dots_cap', {max: cap}) : ''});
      return {node: el('div', {}, [el('p', {text: t('dots_intro')}), rules, form.budget, form.list]),
        refresh: function () {
          var text = tn('dots_left', budget - sum(values, 1), {max: budget});
          if (against) { text += ' ' + tn('dots_neg_left', against - sum(values, -1), {max: against}); }
          form.budget.textContent = text;
          form.refreshAll();
        }};
    },
    problem: function (ballot, model) {
      return sum(known(ballot, model.values), 1) + sum(known(ballot, model.values), -1) ? '' : t('dots_none');
    },
    marks: function (ballot, model) {
      return ballot.options.filter(function (o) { return model.values[o.id]; }).map(function (o) {
        return mark(o.id, model.values[o.id], '');  // dots against as a negative value, as the domain counts them
      });
    }
  };

  // --- 100 points: exactly the total -------------------------------------------------------------------------
  FORMS.points = {
    init: function (ballot) {
      var values = {};
      paperMarks(ballot).forEach(function (m) { values[m.option_id] = m.value; });
      return {values: values};
    },
    build: function (ctx) {
      var b = ctx.ballot, values = ctx.model.values, total = setting(b, 'total', 100);
      var step = Math.max(1, Math.round(total / 20));
      function get(id) { return values[id] || 0; }
      function put(id, v) { values[id] = Math.max(0, Math.min(total, v)); ctx.changed(); }
      var form = stepperForm(ctx, function (o) {
        return stepper({label: t('points_for', {label: o.label}), key: 'points-' + o.id,
          upLabel: t('add_points', {n: step}), downLabel: t('remove_points', {n: step}),
          get: function () { return get(o.id); }, set: function (v) { put(o.id, v); },
          up: function () { put(o.id, get(o.id) + Math.min(step, Math.max(1, total - sum(values, 0)))); },
          down: function () { put(o.id, get(o.id) - step); },
          canUp: function () { return sum(values, 0) < total; }, canDown: function () { return get(o.id) > 0; }});
      });
      return {node: el('div', {}, [el('p', {text: t('points_intro', {total: total})}), form.budget, form.list]),
        refresh: function () {
          var left = total - sum(values, 0);
          form.budget.textContent = left > 0 ? tn('points_left', left) : left < 0 ? tn('points_over', -left)
            : t('points_exact', {total: total});
          form.budget.className = 'budget' + (left === 0 ? ' ok' : left < 0 ? ' over' : '');
          form.refreshAll();
        }};
    },
    problem: function (ballot, model) {
      var left = setting(ballot, 'total', 100) - sum(known(ballot, model.values), 0);
      return left > 0 ? tn('points_left', left) : left < 0 ? tn('points_over', -left) : '';
    },
    marks: function (ballot, model) {
      return ballot.options.filter(function (o) { return model.values[o.id] > 0; }).map(function (o) {
        return mark(o.id, model.values[o.id]);
      });
    }
  };

  // --- Ratings on a scale; options may be left out ---------------------------------------------------------
  FORMS.rating = {
    init: function (ballot) {
      var values = {};
      paperMarks(ballot).forEach(function (m) { values[m.option_id] = m.value; });
      return {values: values};
    },
    build: function (ctx) {
      var b = ctx.ballot, values = ctx.model.values;
      var low = setting(b, 'low', 1), high = setting(b, 'high', 5);
      var clears = [];
      var items = b.options.map(function (o) {
        var row = scale('', low, high, values[o.id], 'rate-' + o.id, function (v) { values[o.id] = v; ctx.changed(); });
        WD.replaceChildren(row.querySelector('legend'), optionHead(o));
        var clear = el('button', {type: 'button', class: 'link', 'data-key': 'rate-' + o.id + '-clear',
          'aria-label': t('rating_clear') + ' — ' + o.label, text: t('rating_clear'), on: {click: function () {
            delete values[o.id];
            Array.prototype.forEach.call(row.querySelectorAll('input'), function (i) { i.checked = false; });
            row.querySelector('input').focus();
            ctx.changed();
          }}});
        row.querySelector('.choices').appendChild(clear);
        clears.push({button: clear, id: o.id});
        return el('li', {class: 'option'}, [row]);
      });
      return {node: el('div', {}, [el('p', {text: t('rating_intro', {low: low, high: high})}),
        el('ul', {class: 'options'}, items)]), refresh: function () {
          clears.forEach(function (c) { c.button.hidden = values[c.id] === undefined; });
        }};
    },
    problem: function (ballot, model) {
      return ballot.options.some(function (o) { return model.values[o.id] !== undefined; }) ? '' : t('rating_none');
    },
    marks: function (ballot, model) {
      return ballot.options.filter(function (o) { return model.values[o.id] !== undefined; }).map(function (o) {
        return mark(o.id, model.values[o.id]);
      });
    }
  };

  // --- Ranking: tap in order, tap again to remove, up/down to adjust ---------------------------------------
  function rankLabel(n) { return n === 1 ? t('rank_first') : t('rank_of', {n: n}); }

  FORMS.ranking = {
    init: function (ballot) {
      var ranked = paperMarks(ballot).slice().sort(function (a, b) { return a.value - b.value; });
      return {order: ranked.map(function (m) { return m.option_id; })};
    },
    build: function (ctx) {
      var b = ctx.ballot, model = ctx.model, most = setting(b, 'max_ranked', 0);
      var byId = {};
      b.options.forEach(function (o) { byId[o.id] = o; });
      model.order = model.order.filter(function (id) { return byId[id]; });
      var ranked = el('ol', {class: 'ranked'}), unranked = el('ul', {class: 'options'});
      var full = el('p', {class: 'hint', 'aria-live': 'polite'});
      var node = el('div', {}, [el('p', {text: t('ranking_intro')}),
        most ? el('p', {class: 'hint', text: t('ranking_max', {max: most})}) : null,
        el('h3', {text: t('ranked_title')}), ranked, full, el('h3', {text: t('unranked_title')}), unranked]);
      function move(index, delta) {
        var id = model.order.splice(index, 1)[0];
        model.order.splice(index + delta, 0, id);
        ctx.changed();
      }
      function rankedItem(id, index) {
        var o = byId[id];
        return el('li', {class: 'rank-item'}, [
          el('button', {type: 'button', class: 'rank-main', 'data-key': 'opt-' + id,
            'aria-label': rankLabel(index + 1) + ' — ' + o.label + ' — ' + t('remove_rank'),
            on: {click: function () { model.order.splice(index, 1); ctx.changed(); }}},
          [el('span', {class: 'rank-n', 'aria-hidden': 'true', text: String(index + 1)})].concat(optionHead(o))),
          el('button', {type: 'button', class: 'step', 'data-key': 'up-' + id, text: '↑', disabled: index === 0,
            'aria-label': t('move_up') + ' — ' + o.label, on: {click: function () { move(index, -1); }}}),
          el('button', {type: 'button', class: 'step', 'data-key': 'down-' + id, text: '↓',
            disabled: index === model.order.length - 1, 'aria-label': t('move_down') + ' — ' + o.label,
            on: {click: function () { move(index, 1); }}})]);
      }
      function unrankedItem(o, isFull) {
        return el('li', {}, [el('button', {type: 'button', class: 'rank-add', 'data-key': 'opt-' + o.id,
          disabled: isFull, on: {click: function () { model.order.push(o.id); ctx.changed(); }}}, optionHead(o))]);
      }
      return {node: node, refresh: function () {
        WD.keepFocus(node, function () {
          var isFull = most > 0 && model.order.length >= most;
          WD.replaceChildren(ranked, model.order.length ? model.order.map(rankedItem)
            : [el('li', {class: 'empty', text: t('ranking_empty')})]);
          WD.replaceChildren(unranked, b.options.filter(function (o) { return model.order.indexOf(o.id) < 0; })
            .map(function (o) { return unrankedItem(o, isFull); }));
          full.textContent = isFull ? t('ranking_full') : '';
        });
      }};
    },
    problem: function (ballot, model) { return model.order.length ? '' : t('ranking_none'); },
    marks: function (ballot, model) {
      return model.order.map(function (id, index) { return mark(id, index + 1); });
    }
  };

  // --- Scores on a scale per option and per axis or criterion (matrix, ELIRE grid) ---------------------------
  function gridForm(ctx, intro, columns, keyOf) {
    var b = ctx.ballot, scores = ctx.model.scores;
    var low = setting(b, 'low', 1), high = setting(b, 'high', 5);
    var items = b.options.map(function (o) {
      var rows = columns.map(function (c) {
        var key = keyOf(c);
        var own = scores[o.id] || {};
        return scale(c.label, low, high, own[key], 'grid-' + o.id + '-' + key, function (v) {
          scores[o.id] = scores[o.id] || {};
          scores[o.id][key] = v;
          ctx.changed();
        });
      });
      return el('li', {class: 'option'}, [el('fieldset', {class: 'grid'}, [el('legend', {}, optionHead(o))].concat(rows))]);
    });
    return {node: el('div', {}, [el('p', {text: t(intro, {low: low, high: high})}), el('ul', {class: 'options'}, items)]),
      refresh: function () {}};
  }

  function missing(ballot, model, keys) {
    var n = 0;
    ballot.options.forEach(function (o) {
      keys.forEach(function (k) { if (!model.scores[o.id] || model.scores[o.id][k] === undefined) { n += 1; } });
    });
    return n;
  }

  function gridInit(keyOfMark) {
    return function (ballot) {
      var scores = {};
      paperMarks(ballot).forEach(function (m) {
        scores[m.option_id] = scores[m.option_id] || {};
        scores[m.option_id][keyOfMark(m)] = m.value;
      });
      return {scores: scores};
    };
  }

  var AXES = ['impact', 'feasibility'];
  FORMS.matrix = {
    init: gridInit(function (m) { return m.axis; }),
    build: function (ctx) {
      return gridForm(ctx, 'matrix_intro', AXES.map(function (a) { return {id: a, label: t(a)}; }),
        function (c) { return c.id; });
    },
    problem: function (ballot, model) {
      var n = missing(ballot, model, AXES);
      return n ? tn('incomplete', n) : '';
    },
    marks: function (ballot, model) {
      var out = [];
      ballot.options.forEach(function (o) {
        AXES.forEach(function (a) { out.push(mark(o.id, model.scores[o.id][a], a)); });
      });
      return out;
    }
  };

  function criterionLabel(c) {
    return c.weight !== undefined && c.weight !== 1 ? c.name + ' (' + t('weight', {w: c.weight}) + ')' : c.name;
  }

  FORMS.criteria = {
    init: gridInit(function (m) { return String(m.criterion_id); }),
    build: function (ctx) {
      return gridForm(ctx, 'criteria_intro', (ctx.ballot.criteria || []).map(function (c) {
        return {id: c.id, label: criterionLabel(c)};
      }), function (c) { return String(c.id); });
    },
    problem: function (ballot, model) {
      var n = missing(ballot, model, (ballot.criteria || []).map(function (c) { return String(c.id); }));
      return n ? tn('incomplete', n) : '';
    },
    marks: function (ballot, model) {
      var out = [];
      ballot.options.forEach(function (o) {
        (ballot.criteria || []).forEach(function (c) { out.push(mark(o.id, model.scores[o.id][String(c.id)], '', c.id)); });
      });
      return out;
    }
  };

  // --- Consent: a stance per proposal, a reason for reservations and objections ----------------------------
  var STANCES = ['agree', 'concerns', 'objection'];
  var REASON_MAX = 200;  // several reasons must fit the server's 4 KB body limit

  FORMS.consent = {
    init: function (ballot) {
      var stances = {}, reasons = {};
      paperMarks(ballot).forEach(function (m) { stances[m.option_id] = m.axis; reasons[m.option_id] = m.comment || ''; });
      return {stances: stances, reasons: reasons};
    },
    build: function (ctx) {
      var model = ctx.model, boxes = [];
      var items = ctx.ballot.options.map(function (o) {
        var name = WD.uid('stance'), reasonId = WD.uid('reason');
        var reason = el('textarea', {id: reasonId, maxlength: REASON_MAX, rows: 2, 'data-key': 'reason-' + o.id,
          on: {input: function () { model.reasons[o.id] = reason.value; ctx.changed(); }}});
        reason.value = model.reasons[o.id] || '';
        var box = el('div', {class: 'reason'}, [el('label', {'for': reasonId, text: t('reason_label')}), reason]);
        boxes.push({box: box, id: o.id});
        var choices = STANCES.map(function (s) {
          return choice(name, s, t(s), model.stances[o.id] === s, 'stance-' + o.id + '-' + s, function () {
            model.stances[o.id] = s;
            ctx.changed();
          });
        });
        return el('li', {class: 'option'}, [el('fieldset', {class: 'stance'}, [el('legend', {}, optionHead(o)),
          el('div', {class: 'choices wide'}, choices), box])]);
      });
      return {node: el('div', {}, [el('p', {text: t('consent_intro')}), el('ul', {class: 'options'}, items)]),
        refresh: function () {
          boxes.forEach(function (b) { b.box.hidden = !needsReason(model.stances[b.id]); });
        }};
    },
    problem: function (ballot, model) {
      var left = ballot.options.filter(function (o) { return !model.stances[o.id]; }).length;
      if (left) { return tn('consent_missing', left); }
      var silent = ballot.options.some(function (o) {
        return needsReason(model.stances[o.id]) && !(model.reasons[o.id] || '').trim();
      });
      return silent ? t('consent_reason') : '';
    },
    marks: function (ballot, model) {
      return ballot.options.map(function (o) {
        var s = model.stances[o.id];
        return mark(o.id, 1, s, null, needsReason(s) ? (model.reasons[o.id] || '').trim() : '');
      });
    }
  };

  function needsReason(stance) { return stance === 'concerns' || stance === 'objection'; }

  WD.FORMS = FORMS;
}());
