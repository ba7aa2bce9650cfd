/* Run in the page by test_phone_access.py: what a screen reader or a thumb would trip on, on the screen shown. */
var problems = [];
function visible(n) { var r = n.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !n.closest('[hidden]'); }
function rgb(text) { var m = text.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
function lum(c) {
  return [c.r, c.g, c.b].map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
}
function background(n) {
  for (; n; n = n.parentElement) { var c = rgb(getComputedStyle(n).backgroundColor); if (c.a > 0.5) { return c; } }
  return {r: 255, g: 255, b: 255, a: 1};
}
function name(n) {
  if (n.getAttribute('aria-label')) { return n.getAttribute('aria-label'); }
  if (n.labels && n.labels.length) { return n.labels[0].textContent; }
  return n.tagName === 'BUTTON' ? n.textContent.trim() : '';
}
document.querySelectorAll('button, input, select, textarea').forEach(function (n) {
  if (!name(n).trim()) { problems.push('no name: ' + n.outerHTML.slice(0, 80)); }
  var target = n.type === 'radio' ? n.labels[0] : n;
  if (!visible(target)) { return; }
  var r = target.getBoundingClientRect();
  if (r.width < 44 || r.height < 44) { problems.push('small target ' + Math.round(r.width) + 'x' + Math.round(r.height) + ': ' + name(n)); }
});
document.querySelectorAll('body *').forEach(function (n) {
  var own = Array.prototype.some.call(n.childNodes, function (c) { return c.nodeType === 3 && c.textContent.trim(); });
  if (!own || !visible(n) || n.closest(':disabled') || (n.control && n.control.disabled)) { return; }
  var fg = rgb(getComputedStyle(n).color), bg = background(n);
  var a = lum(fg), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) { problems.push('contrast ' + ratio.toFixed(2) + ': ' + n.textContent.slice(0, 40)); }
});
return problems;
