'use strict';
// The studio page: picks images, sends the settings, and follows the run through Server-Sent Events.
const $ = id => document.getElementById(id);
const LOG_SLIDERS = ['contentWeight', 'styleWeight', 'tvWeight'];
const PLAIN = ['size', 'iterations', 'optimizer', 'init', 'preserveColors', 'levels', 'seed', 'weights'];
const chart = new LossChart($('chart'));
const page = { config: null, content: null, styles: [], known: new Map(), run: null, frames: 0 };

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

async function call(url, options) {
  const reply = await fetch(url, options);
  const body = await reply.json().catch(() => ({ message: `The studio answered ${reply.status} ${reply.statusText}` }));
  if (!reply.ok) {
    throw Object.assign(new Error(body.message), { setting: body.setting, status: reply.status });
  }
  return body;
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
  $('weights-note').hidden = $('weights').value !== 'random';
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
  LOG_SLIDERS.forEach(id => { settings[id] = shortNumber(10 ** Number($(id).value)); });
  return settings;
}

// ---- images ---------------------------------------------------------------------------------
// An image of an earlier result: as added on this page, or (after a reload) by its id alone.
function imageFromId(id) {
  return page.known.get(id) || { id, name: id, thumbnail: 'api/images/thumbnail?id=' + encodeURIComponent(id) };
}

function renderImages() {
  const content = $('content-list');
  content.replaceChildren();
  if (page.content) content.append(figure(page.content, () => { page.content = null; renderImages(); }));
  const styles = $('style-list');
  styles.replaceChildren();
  page.styles.forEach((style, i) => {
    const item = figure(style, () => { page.styles.splice(i, 1); renderImages(); });
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
  $('stop').disabled = !running;
}

async function start(replace) {
  clearError();
  if (page.styles.length === 0) {
    showError('Add a style image first (drop one, or click a sample)', 'style');
    return;
  }
  try {
    const reply = await call('api/runs' + (replace ? '?replace=true' : ''), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(collectSettings()) });
    page.run = reply.run;
    page.frames = 0;
    chart.reset();
    $('result').hidden = true;
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
  if (step.run !== page.run) return;
  if (step.iteration === 1 || chart.steps.length === 0) chart.reset();
  chart.add(step);
  const scale = step.levels > 1 ? `, scale ${step.level} of ${step.levels}` : '';
  $('status').textContent = `Run ${step.run}: iteration ${step.iteration} of ${step.total} at ${step.width}×${step.height} px`
    + `${scale} · ${step.secondsPerIteration.toFixed(2)} s/iteration · ETA ${seconds(step.etaSeconds)}`
    + ` · loss ${step.loss.toPrecision(4)}`;
}

function onPreview(event) {
  if (event.run !== page.run) return;
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
  $('result-info').textContent = `Run ${result.id}: ${result.width}×${result.height} px, best of ${result.iterations}`
    + ` iterations at ${result.bestIteration} (loss ${result.bestLoss.toPrecision(4)}), ${seconds(result.seconds)}`
    + (result.stopped ? ', stopped early' : '');
  $('result').hidden = false;
  document.querySelectorAll('#history figure').forEach(f => f.classList.toggle('shown', f.dataset.run === String(result.id)));
}

function addToHistory(result) {
  const item = document.createElement('figure');
  item.dataset.run = String(result.id);
  const img = document.createElement('img');
  img.src = result.thumbnail;
  img.alt = 'Result of run ' + result.id;
  const caption = document.createElement('figcaption');
  caption.textContent = `#${result.id} · ${result.width}×${result.height} · ${result.iterations} it.${result.stopped ? ' (stopped)' : ''}`;
  item.append(img, caption);
  item.addEventListener('click', () => reopen(result));
  $('history').prepend(item);
}

function reopen(result) {
  const s = result.settings;
  applySettings(s);
  page.content = s.content ? imageFromId(s.content) : null;
  page.styles = s.styles.map((id, i) => ({ ...imageFromId(id), weight: s.styleBlend ? s.styleBlend[i] : 1 }));
  renderImages();
  showResult(result);
}

function onResult(result) {
  addToHistory(result);
  if (result.id === page.run) {
    setRunning(false);
    $('status').textContent = `Run ${result.id} ${result.stopped ? 'stopped' : 'finished'}.`;
    showResult(result);
  }
}

function onStatus(status) {
  if (status.run !== page.run) return;
  $('status').textContent = `Run ${status.run}: ${status.message}`;
}

function onFailure(failure) {
  if (failure.run !== page.run) return;
  setRunning(false);
  $('status').textContent = `Run ${failure.run} failed.`;
  showError(failure.message);
}

function onDownload(progress) {
  const total = progress.total > 0 ? ' of ' + megabytes(progress.total) : '';
  $('status').textContent = `Downloading the VGG19 weights (once): ${megabytes(progress.done)}${total}`
    + ` at ${megabytes(progress.bytesPerSecond)}/s`;
}

function listen() {
  const events = new EventSource('api/events');
  const handlers = { progress: onProgress, preview: onPreview, result: onResult, status: onStatus,
    failure: onFailure, download: onDownload };
  Object.entries(handlers).forEach(([name, handler]) =>
    events.addEventListener(name, e => handler(JSON.parse(e.data))));
}

async function init() {
  // The token stays in the cookie the server set; the address bar need not show it.
  history.replaceState(null, '', location.pathname);
  $('preview').addEventListener('load', () => { $('preview').dataset.frames = String(++page.frames); });
  page.config = await call('api/config');
  applySettings(page.config.defaults);
  LOG_SLIDERS.forEach(id => $(id).addEventListener('input', () => showSlider(id)));
  $('weights').addEventListener('change', () => { $('weights-note').hidden = $('weights').value !== 'random'; });
  $('defaults').addEventListener('click', () => applySettings({ ...page.config.defaults, weights: $('weights').value }));
  $('start').addEventListener('click', () => start(false));
  $('stop').addEventListener('click', () => call('api/runs/stop', { method: 'POST' }).catch(e => showError(e.message)));
  dropZone('content');
  dropZone('style');
  listen();
  const state = await call('api/state');
  state.results.forEach(addToHistory);
  if (state.running) {
    page.run = state.running.run;
    setRunning(true);
    state.running.progress.forEach(onProgress);
    if (state.running.frames > 0) onPreview({ run: page.run, frame: state.running.frames });
  }
  await showSamples();
  document.body.dataset.ready = 'true';
}

init().catch(e => showError(e.message));
