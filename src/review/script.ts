// The page's only script: jump between a source span and its outline entry, and the unit filter.
// The page is complete without it (outline links are plain #fragment anchors).
export const REVIEW_SCRIPT = `
(function () {
  var root = document.documentElement;
  root.classList.remove('no-js');
  function clear() {
    var old = document.querySelectorAll('.flash');
    for (var i = 0; i < old.length; i++) old[i].classList.remove('flash');
  }
  function fragments(el, key) {
    var pane = el.closest('.pane');
    if (!key || !pane) return [el];
    var all = pane.querySelectorAll('[data-k~="' + key + '"]');
    return all.length ? all : [el];
  }
  function reveal(el) {
    for (var d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var jump = t.closest('a.jump');
    if (jump) {
      var target = document.getElementById(jump.getAttribute('href').slice(1));
      if (!target) return;
      ev.preventDefault();
      clear();
      var item = jump.closest('[data-key]');
      var frags = fragments(target, item && item.getAttribute('data-key'));
      for (var i = 0; i < frags.length; i++) frags[i].classList.add('flash');
      if (item) item.classList.add('flash');
      reveal(target);
      return;
    }
    var hl = t.closest('.pane-src [data-k]');
    while (hl && !document.getElementById(hl.getAttribute('data-out') || '')) hl = hl.parentElement && hl.parentElement.closest('.pane-src [data-k]');
    if (!hl) return;
    var out = document.getElementById(hl.getAttribute('data-out'));
    clear();
    var own = fragments(hl, hl.getAttribute('data-k').split(' ')[0]);
    for (var j = 0; j < own.length; j++) own[j].classList.add('flash');
    out.classList.add('flash');
    reveal(out);
  });
  var input = document.getElementById('unit-filter');
  if (!input) return;
  var count = document.getElementById('unit-filter-count');
  function has(el, q) {
    var units = (el.getAttribute('data-units') || el.getAttribute('data-unit') || '').split('|');
    for (var i = 0; i < units.length; i++) if (units[i] && units[i].indexOf(q) !== -1) return true;
    return false;
  }
  function apply() {
    var q = input.value.trim();
    document.body.classList.toggle('filtering', q !== '');
    var n = 0;
    var tasks = document.querySelectorAll('.pane-out li.task');
    for (var i = 0; i < tasks.length; i++) {
      var hit = q !== '' && has(tasks[i], q);
      tasks[i].hidden = q !== '' && !hit;
      tasks[i].classList.toggle('hit', hit);
      if (hit) n++;
      var as = tasks[i].querySelectorAll('li.as');
      for (var k = 0; k < as.length; k++) as[k].classList.toggle('hit', hit && as[k].querySelector('.unit').textContent.indexOf(q) !== -1);
    }
    var blocks = document.querySelectorAll('.pane-out section.group, .pane-out details.annex, .pane-out section.notice');
    for (var b = 0; b < blocks.length; b++) blocks[b].hidden = q !== '' && !blocks[b].querySelector('li.task:not([hidden])');
    var marks = document.querySelectorAll('.pane-src .task, .pane-src .mn');
    for (var m = 0; m < marks.length; m++) marks[m].classList.toggle('hit', q !== '' && has(marks[m], q));
    if (count) count.textContent = q ? n + ' 项任务' : '';
  }
  input.addEventListener('input', apply);
  apply();
})();
`;
