'use strict';
// The studio page: picks images, sends the settings, and follows the run through Server-Sent Events.
const $ = id => document.getElementById(id);
const LOG_SLIDERS = ['contentWeight', 'styleWeight', 'tvWeight'];
const PLAIN = ['size', 'iterations', 'optimizer', 'init', 'preserveColors', 'levels', 'seed', 'weights'];
const chart = new LossChart($('chart'));
// run: the run this page follows (the live or last one); shown: the run whose picture, chart and status show.
// failed: the last run whose failure the page showed (the stream and a catch-up may both bring it).
const page = { config: null, content: null, styles: [], known: new Map(), run: null, shown: null, running: false,
  frames: 0, events: null, failed: null };

// ---- messages -------------------------------------------------------------------------------
function showError(message, setting) {
  clearError();
  const control = setting && (document.querySelector(`[data-setting="${setting}"]`) || $(setting));
  const label = setting && document.querySelector(`label[for="${setting}"]`);
  $('error').textContent = (label ? label.textContent + ': ' : '') + message;
  $('error').hidden = false;
  if (control) control.classList.add('invalid');
}

function clearError() {
  $('error').hidden = true;
  document.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
}

// The server's reply as JSON; on an error, its sentence as the Error's message.
async function call(url, options) {
  const reply = await fetch(url, options);
  if (reply.ok) return reply.json();
  throw await problem(reply);
}

// The sentence of a refusal, JSON {message, setting} or plain text; the status line only if there is none.
async function problem(reply) {
  const text = await reply.text();
  const type = reply.headers.get('Content-Type') || '';
  let body = {};
  if (type.startsWith('application/json')) body = JSON.parse(text);
  else if (type.startsWith('text/plain')) body = { message: text.trim() };
  const message = body.message || `The studio answered ${reply.status} ${reply.statusText}`;
  return Object.assign(new Error(message), { setting: body.setting, status: reply.status });
}

const megabytes = bytes => (bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 0) + ' MB';
const seconds = s => s < 90 ? s.toFixed(s < 10 ? 1 : 0) + ' s' : Math.round(s / 60) + ' min';

// ---- settings -------------------------------------------------------------------------------
function shortNumber(v) {
  return Number(v.toPrecision(2));
}

function showSlider(id) {
  document.querySelector(`output[for="${id}"]`).textContent = String(shortNumber(10 ** Number($(id).value)));
}

function applySettings(settings) {
  PLAIN.forEach(id => { $(id).value = settings[id] ?? ''; });
  LOG_SLIDERS.forEach(id => { $(id).value = Math.log10(settings[id]); showSlider(id); });
  showWeightsNote();
}

/** What the chosen weights mean; untrained weights use no TV smoothing, so its slider rests. */
function showWeightsNote() {
  const weights = $('weights').value;
  $('weights-note').hidden = weights === 'pretrained';
  $('weights-note').textContent = weights === 'random'
    ? 'Random weights: the zoo model\'s random initialisation, a pipeline check only, not a real style transfer.'
    : 'Untrained weights: no download; random filters drawn to see style. Plainer than the pretrained network,'
      + ' but a real style transfer. Smoothness (TV) is off with them.';
  $('tvWeight').disabled = weights === 'untrained';
}

function collectSettings() {
  const number = id => $(id).value === '' ? null : Number($(id).value);
  const settings = {
    content: page.content && page.content.id,
    styles: page.styles.map(s => s.id),
    styleBlend: page.styles.length > 1 ? page.styles.map(s => Number(s.weight)) : null,
    size: number('size'), iterations: number('iterations'), levels: number('levels'), seed: number('seed'),
    optimizer: $('optimizer').value, init: $('init').value || null,
    preserveColors: $('preserveColors').value, weights: $('weights').value,
  };
  LOG_SLIDERS.filter(id => !$(id).disabled).forEach(id => { settings[id] = shortNumber(10 ** Number($(id).value)); });
  return settings;
}

// ---- images ---------------------------------------------------------------------------------
// page.known: the images the server holds, by id (it frees them when removed or to make room).
function renderImages() {
  const content = $('content-list');
  content.replaceChildren();
  if (page.content) content.append(figure(page.content, () => removeImage(page.content)));
  const styles = $('style-list');
  styles.replaceChildren();
  page.styles.forEach(style => {
    const item = figure(style, () => removeImage(style));
    if (page.styles.length > 1) {
      const weight = document.createElement('input');
      Object.assign(weight, { type: 'number', min: '0', step: '0.1', value: style.weight, title: 'Blend weight' });
      weight.className = 'blend';
      weight.addEventListener('input', () => { style.weight = weight.value; });
      item.append(weight);
    }
    styles.append(item);
  });
}

function figure(image, remove) {
  const item = document.createElement('figure');
  const img = document.createElement('img');
  img.src = image.thumbnail;
  img.alt = image.name;
  const caption = document.createElement('figcaption');
  caption.textContent = image.name;
  const button = document.createElement('button');
  Object.assign(button, { textContent: '×', title: 'Remove', className: 'remove' });
  button.addEventListener('click', remove);
  item.append(img, caption, button);
  return item;
}

// The server frees a removed image: what a session holds is bounded.
function removeImage(image) {
  unselect(image.id);
  call('api/images/remove?id=' + encodeURIComponent(image.id), { method: 'POST' })
    .catch(e => { if (e.status !== 404) showError(e.message); });
}

function unselect(id) {
  if (page.content && page.content.id === id) page.content = null;
  page.styles = page.styles.filter(style => style.id !== id);
  renderImages();
}

function onFreed(freed) {
  page.known.delete(freed.id);
  const selected = (page.content && page.content.id === freed.id) || page.styles.some(s => s.id === freed.id);
  if (!selected) return;
  unselect(freed.id);
  showError(`${freed.name} is no longer held by the studio (removed, or freed to make room for newer images):`
    + ' add it again to use it');
}

function addImage(role, image) {
  page.known.set(image.id, image);
  if (role === 'content') {
    page.content = image;
  } else {
    page.styles.push({ ...image, weight: 1 });
  }
  renderImages();
}

async function uploadFiles(role, files) {
  clearError();
  for (const file of files) {
    try {
      if (file.size > page.config.maxUploadBytes) {
        throw new Error(`${file.name} is ${megabytes(file.size)}; uploads are limited to ${megabytes(page.config.maxUploadBytes)}`);
      }
      addImage(role, await call('api/images?name=' + encodeURIComponent(file.name),
        { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } }));
    } catch (e) {
      showError(e.message);
    }
    if (role === 'content') break;
  }
}

function dropZone(role) {
  const zone = $(role + '-drop');
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('over');
    uploadFiles(role, e.dataTransfer.files);
  });
  const input = $(role + '-file');
  input.addEventListener('change', () => { uploadFiles(role, [...input.files]); input.value = ''; });
}

async function showSamples() {
  for (const sample of await call('api/samples')) {
    const img = document.createElement('img');
    img.src = 'api/samples/thumbnail?key=' + encodeURIComponent(sample.key);
    img.alt = img.title = sample.name;
    img.dataset.key = sample.key;
    img.addEventListener('click', async () => {
      try {
        clearError();
        addImage(sample.role, await call('api/samples/add?key=' + encodeURIComponent(sample.key), { method: 'POST' }));
      } catch (e) {
        showError(e.message);
      }
    });
    $('samples-' + sample.role).append(img);
  }
}

// ---- runs -----------------------------------------------------------------------------------
function setRunning(running) {
  page.running = running;
  $('stop').disabled = !running;
  $('follow').hidden = !running || page.shown === page.run;
}

// Whether the page shows the run it follows, as it goes.
const live = () => page.shown === page.run;

async function start(replace) {
  clearError();
  if (page.styles.length === 0) {
    showError('Add a style image first (drop one, or click a sample)', 'style');
    return;
  }
  try {
    const reply = await call('api/runs' + (replace ? '?replace=true' : ''), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(collectSettings()) });
    page.run = page.shown = reply.run;
    page.frames = 0;
    chart.reset();
    $('result').hidden = true;
    markShown();
    setRunning(true);
    $('status').textContent = `Run ${reply.run}: starting…`;
  } catch (e) {
    if (e.status === 409) {
      if (confirm('A run is in progress. Stop it (keeping its best image) and start this one after it?')) start(true);
      return;
    }
    showError(e.message, e.setting);
  }
}

function onProgress(step) {
  if (step.run !== page.run || !live()) return;
  // The stream and a catch-up from the state may both bring a step.
  if (chart.steps.some(s => s.iteration === step.iteration && s.level === step.level)) return;
  chart.add(step);
  const scale = step.levels > 1 ? `, scale ${step.level} of ${step.levels}` : '';
  $('status').textContent = `Run ${step.run}: iteration ${step.iteration} of ${step.total} at ${step.width}×${step.height} px`
    + `${scale} · ${step.secondsPerIteration.toFixed(2)} s/iteration · ETA ${seconds(step.etaSeconds)}`
    + ` · loss ${step.loss.toPrecision(4)}`;
}

function onPreview(event) {
  if (event.run !== page.run || !live()) return;
  const preview = $('preview');
  preview.hidden = false;
  preview.src = `api/preview.png?run=${event.run}&frame=${event.frame}`;
}

function showResult(result) {
  const preview = $('preview');
  preview.hidden = false;
  preview.src = result.image;
  $('download').href = result.image + '&download=1';
  $('record').href = result.record + '&download=1';
  $('result-info').textContent = result.model
    ? `Run ${result.id}: ${result.width}×${result.height} px by the model ${result.model} in ${seconds(result.seconds)}`
    : `Run ${result.id}: ${result.width}×${result.height} px, best of ${result.iterations}`
      + ` iterations at ${result.bestIteration} (loss ${result.bestLoss.toPrecision(4)}), ${seconds(result.seconds)}`
      + (result.stopped ? ', stopped early' : '');
  $('record').textContent = result.model ? 'Record (JSON)' : 'Run record (JSON)';
  $('result').hidden = false;
  markShown();
}

function markShown() {
  document.querySelectorAll('#history figure').forEach(f => f.classList.toggle('shown', f.dataset.run === String(page.shown)));
}

function addToHistory(result) {
  const item = document.createElement('figure');
  item.dataset.run = String(result.id);
  const img = document.createElement('img');
  img.src = result.thumbnail;
  img.alt = 'Result of run ' + result.id;
  const caption = document.createElement('figcaption');
  caption.textContent = result.model ? `#${result.id} · ${result.width}×${result.height} · ${result.model}`
    : `#${result.id} · ${result.width}×${result.height} · ${result.iterations} it.${result.stopped ? ' (stopped)' : ''}`;
  item.append(img, caption);
  item.addEventListener('click', () => reopen(result).catch(e => showError(e.message)));
  $('history').prepend(item);
}

// Shows an earlier result with its settings, images, chart and status; images the server no longer
// holds are named, not shown.
async function reopen(result) {
  clearError();
  const progress = await call(result.progress);
  const gone = [];
  const held = id => {
    if (!page.known.has(id)) gone.push(result.imageNames[id] || id);
    return page.known.get(id);
  };
  if (result.model) { // a fast model's result: its photo comes back, the settings stay
    page.content = held(result.content) || null;
  } else {
    const s = result.settings;
    applySettings(s);
    page.content = s.content ? held(s.content) || null : null;
    page.styles = [];
    s.styles.forEach((id, i) => {
      const image = held(id);
      if (image) page.styles.push({ ...image, weight: s.styleBlend ? s.styleBlend[i] : 1 });
    });
  }
  renderImages();
  page.shown = result.id;
  setRunning(page.running);
  showEnded(result);
  chart.show(progress);
  if (gone.length) {
    showError(`${gone.join(', ')}: no longer held by the studio (removed, or freed to make room); add again to use`);
  }
}

function showEnded(result) {
  $('status').textContent = result.model ? `Run ${result.id}: ${result.model} applied to ${result.imageNames[result.content]}.`
    : `Run ${result.id} ${result.stopped ? 'stopped' : 'finished'}.`;
  showResult(result);
}

function onResult(result) {
  addToHistory(result);
  if (result.id !== page.run) return;
  setRunning(false);
  if (live()) showEnded(result);
}

function onStatus(status) {
  if (status.run !== page.run || !live()) return;
  $('status').textContent = `Run ${status.run}: ${status.message}`;
}

function onFailure(failure) {
  if (failure.run !== page.run || failure.run === page.failed) return;
  page.failed = failure.run;
  setRunning(false);
  if (live()) $('status').textContent = `Run ${failure.run} failed.`;
  showError(failure.message);
  if (failure.weights) { // no pretrained weights could be downloaded: offer what needs no download
    $('weights').value = failure.weights;
    showWeightsNote();
  }
}

function onDownload(progress) {
  const total = progress.total > 0 ? ' of ' + megabytes(progress.total) : '';
  $('status').textContent = `Downloading the VGG19 weights (once): ${megabytes(progress.done)}${total}`
    + ` at ${megabytes(progress.bytesPerSecond)}/s`;
}

// ---- fast style models ----------------------------------------------------------------------------
function renderModels(models) {
  const select = $('model');
  const chosen = select.value;
  select.replaceChildren(...models.map(model => {
    const option = document.createElement('option');
    option.value = model.id;
    option.textContent = model.styles.length ? `${model.name} (${model.styles.join(', ')})` : model.name;
    return option;
  }));
  if (models.some(model => model.id === chosen)) select.value = chosen;
  $('apply').disabled = models.length === 0;
}

async function loadModel(file) {
  clearError();
  try {
    const model = await call('api/models?name=' + encodeURIComponent(file.name),
      { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
    const state = await call('api/state');
    renderModels(state.models);
    $('model').value = model.id;
  } catch (e) {
    showError(e.message, 'model');
  }
}

async function applyModel() {
  clearError();
  if (!page.content) {
    showError('Add a photo first (drop one, or click a sample)', 'content');
    return;
  }
  try {
    const size = $('size').value === '' ? page.config.defaults.size : Number($('size').value);
    const reply = await call('api/apply', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: $('model').value, content: page.content.id, size }) });
    page.run = page.shown = reply.run;
    chart.reset();
    $('result').hidden = true;
    markShown();
    setRunning(true);
    $('status').textContent = `Run ${reply.run}: applying the model…`;
  } catch (e) {
    showError(e.message, e.setting);
  }
}

// ---- the event stream -------------------------------------------------------------------------
// A stream is a connection: browsers allow six per server and the studio a few more, so a hidden
// page closes its stream and catches up from the state when shown again.
function listen() {
  const events = new EventSource('api/events');
  const handlers = { progress: onProgress, preview: onPreview, result: onResult, status: onStatus,
    failure: onFailure, download: onDownload, freed: onFreed };
  Object.entries(handlers).forEach(([name, handler]) =>
    events.addEventListener(name, e => handler(JSON.parse(e.data))));
  // Events sent while the stream was closed or reconnecting are missed: each opening catches up.
  events.addEventListener('open', () => call('api/state').then(catchUp).catch(e => showError(e.message)));
  events.addEventListener('error', () => { if (events.readyState === EventSource.CLOSED) streamRefused(); });
  page.events = events;
  document.body.dataset.stream = 'open';
}

function release() {
  page.events.close();
  page.events = null;
  document.body.dataset.stream = 'closed';
}

// An EventSource does not show why it was refused: ask once more and show the server's sentence.
async function streamRefused() {
  release();
  const attempt = new AbortController();
  try {
    const reply = await fetch('api/events', { signal: attempt.signal });
    if (reply.ok) {
      // Admitted this time: this request's stream is not needed, the page's own one is opened again.
      attempt.abort();
      if (!document.hidden) listen();
      return;
    }
    showError((await problem(reply)).message);
  } catch (e) {
    if (e.name !== 'AbortError') showError('The studio is not reachable (' + e.message + '): is nst studio still running?');
  }
}

function onVisibility() {
  if (document.hidden) {
    if (page.events) release();
  } else if (!page.events) {
    listen();
  }
}

// Brings the page up to the server's state: images held, results, and the run going, ended or failed.
function catchUp(state) {
  page.known = new Map(state.images.map(image => [image.id, image]));
  renderModels(state.models);
  [page.content, ...page.styles].filter(image => image && !page.known.has(image.id))
    .forEach(onFreed);
  const listed = new Set([...$('history').children].map(item => item.dataset.run));
  state.results.filter(result => !listed.has(String(result.id))).forEach(addToHistory);
  const following = live();
  if (state.running) {
    page.run = state.running.run;
    if (following) {
      page.shown = page.run;
      chart.reset();
      state.running.progress.forEach(onProgress);
      if (state.running.frames > 0) onPreview({ run: page.run, frame: state.running.frames });
    }
    setRunning(true);
    return;
  }
  setRunning(false);
  const ended = state.results.find(result => result.id === page.run);
  if (following && ended) showEnded(ended);
  const failure = state.failures.find(f => f.run === page.run);
  if (failure) onFailure(failure);
}

async function init() {
  // The token stays in the cookie the server set; the address bar need not show it.
  history.replaceState(null, '', location.pathname);
  $('preview').addEventListener('load', () => { $('preview').dataset.frames = String(++page.frames); });
  page.config = await call('api/config');
  applySettings(page.config.defaults);
  LOG_SLIDERS.forEach(id => $(id).addEventListener('input', () => showSlider(id)));
  $('weights').addEventListener('change', () => {
    const contentWeight = page.config.contentWeightByWeights[$('weights').value];
    $('contentWeight').value = Math.log10(contentWeight);
    showSlider('contentWeight');
    showWeightsNote();
  });
  $('defaults').addEventListener('click', () => applySettings({ ...page.config.defaults, weights: $('weights').value,
    contentWeight: page.config.contentWeightByWeights[$('weights').value] }));
  $('start').addEventListener('click', () => start(false));
  $('stop').addEventListener('click', () => call('api/runs/stop', { method: 'POST' }).catch(e => showError(e.message)));
  $('follow').addEventListener('click', async () => {
    page.shown = page.run;
    catchUp(await call('api/state'));
  });
  dropZone('content');
  dropZone('style');
  $('model-file').addEventListener('change', () => {
    const file = $('model-file').files[0];
    $('model-file').value = '';
    if (file) loadModel(file);
  });
  $('apply').addEventListener('click', applyModel);
  document.addEventListener('visibilitychange', onVisibility);
  if (!document.hidden) listen();
  catchUp(await call('api/state'));
  await showSamples();
  document.body.dataset.ready = 'true';
}

init().catch(e => showError(e.message));
