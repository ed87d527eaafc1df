'use strict';
// The loss chart: content, style, TV and total loss against the iteration, on a log scale, drawn
// on a canvas (a few dozen lines instead of a chart library).
class LossChart {
  static SERIES = [
    { key: 'loss', label: 'total', colour: '#222' },
    { key: 'content', label: 'content', colour: '#1a5fb4' },
    { key: 'style', label: 'style', colour: '#c64600' },
    { key: 'tv', label: 'TV', colour: '#26a269' },
  ];

  constructor(canvas) {
    this.canvas = canvas;
    this.reset();
  }

  reset() {
    this.steps = [];
    this.total = 1;
    this.draw();
  }

  /** All of a run's steps at once, drawn once. */
  show(steps) {
    this.steps = [...steps];
    this.total = steps.length > 0 ? steps[steps.length - 1].total : 1;
    this.draw();
  }

  add(step) {
    this.steps.push(step);
    this.total = step.total;
    this.draw();
  }

  draw() {
    const c = this.canvas.getContext('2d');
    const w = this.canvas.width, h = this.canvas.height;
    const left = 52, right = 10, top = 24, bottom = 26;
    c.clearRect(0, 0, w, h);
    c.font = '11px system-ui, sans-serif';
    this.canvas.dataset.points = String(this.steps.length);
    const values = this.steps.flatMap(s => LossChart.SERIES.map(series => s[series.key])).filter(v => v > 0);
    if (values.length === 0) {
      c.fillStyle = '#888';
      c.fillText('The losses appear here once a run starts.', left, h / 2);
      return;
    }
    const low = Math.floor(Math.log10(Math.min(...values)));
    const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...values))));
    const x = i => left + (w - left - right) * (i - 1) / Math.max(1, this.total - 1);
    const y = v => top + (h - top - bottom) * (high - Math.log10(v)) / (high - low);
    c.strokeStyle = '#ddd';
    c.fillStyle = '#666';
    c.textAlign = 'right';
    for (let p = low; p <= high; p++) {
      c.beginPath(); c.moveTo(left, y(10 ** p)); c.lineTo(w - right, y(10 ** p)); c.stroke();
      c.fillText('1e' + p, left - 4, y(10 ** p) + 4);
    }
    c.textAlign = 'center';
    c.fillText('iteration (of ' + this.total + ')', (left + w - right) / 2, h - 6);
    c.textAlign = 'left';
    LossChart.SERIES.forEach((series, n) => {
      const points = this.steps.filter(s => s[series.key] > 0);
      c.strokeStyle = series.colour;
      c.lineWidth = series.key === 'loss' ? 2 : 1.2;
      c.beginPath();
      points.forEach((s, i) => i === 0 ? c.moveTo(x(s.iteration), y(s[series.key])) : c.lineTo(x(s.iteration), y(s[series.key])));
      c.stroke();
      c.fillStyle = series.colour;
      c.fillRect(left + n * 80, 8, 12, 3);
      c.fillText(series.label, left + n * 80 + 16, 13);
    });
  }
}
