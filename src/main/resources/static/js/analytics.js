// The Analytics page's charts: each canvas carries its Chart.js configuration (built on the server) in data-chart.
(function () {
  function draw() {
    if (!window.Chart) return;
    var style = getComputedStyle(document.body);
    Chart.defaults.font.family = style.fontFamily;
    Chart.defaults.color = '#667085';
    Chart.defaults.animation = false;
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      new Chart(canvas, JSON.parse(canvas.getAttribute('data-chart')));
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
