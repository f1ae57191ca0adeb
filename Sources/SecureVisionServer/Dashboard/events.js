// SPDX-License-Identifier: Apache-2.0
// Events: filters, paging through X-Next-Cursor / X-Total-Count, and one event in full.

import {ApiError, cachedImage, getJSON, listEvents} from './api.js';
import {h, icon, statePanel} from './dom.js';
import {EVENT_TYPES, dateTime, describe, percent, typeLabel, when} from './format.js';
import {badge, eventBadges, eventThumb} from './widgets.js';

const PAGE_SIZES = [10, 20, 50, 100];
const FILTERS = ['type', 'camera', 'person_id', 'plate', 'matched_list', 'since', 'until'];
let listHash = '#/events';

export function mount(container, context, route) {
  if (route.parts[1]) return mountDetail(container, context, route.parts[1]);
  return mountList(container, context, route.params);
}

// The list --------------------------------------------------------------------------------------

function toLocalInput(ms) {
  if (!ms) return '';
  const date = new Date(Number(ms));
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function field(id, label, control) {
  control.id = id;
  return h('div', {class: 'field'}, h('label', {for: id}, label), control);
}

function select(name, options, value) {
  const el = h('select', {name}, options.map(([optionValue, text]) => h('option', {value: optionValue}, text)));
  el.value = value ?? '';
  return el;
}

function mountList(container, context, params) {
  listHash = location.hash || '#/events';
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? '']));
  let stopped = false;
  let cursors = [null];
  const wanted = Number(params.get('limit'));
  const pageSize = Number.isInteger(wanted) && wanted >= 1 && wanted <= 100 ? wanted : 20;

  const typeSelect = select('type', [['', 'All types'], ...EVENT_TYPES], filters.type);
  const cameraSelect = select('camera', [['', 'All cameras']], '');
  const personSelect = select('person_id', [['', 'Anyone']], '');
  const plateInput = h('input', {name: 'plate', type: 'search', placeholder: 'e.g. KX19ABC', autocomplete: 'off', spellcheck: 'false', value: filters.plate});
  const listSelect = select('matched_list', [['', 'Any'], ['blacklist', 'Deny list'], ['whitelist', 'Allow list']], filters.matched_list);
  const sinceInput = h('input', {name: 'since', type: 'datetime-local', value: toLocalInput(filters.since)});
  const untilInput = h('input', {name: 'until', type: 'datetime-local', value: toLocalInput(filters.until)});
  const sizes = PAGE_SIZES.includes(pageSize) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  const sizeSelect = select('limit', sizes.map((n) => [String(n), `${n} per page`]), String(pageSize));

  const active = FILTERS.filter((key) => filters[key]).length;
  const toggle = h('button', {class: 'button filters-toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'filter-fields'},
    active ? `Filters (${active} active)` : 'Filters');
  const form = h('form', {class: 'filters panel', 'aria-label': 'Filter events', role: 'search'},
    toggle,
    h('div', {class: 'filter-grid', id: 'filter-fields'},
      field('filter-type', 'Type', typeSelect),
      field('filter-camera', 'Camera', cameraSelect),
      field('filter-person', 'Person', personSelect),
      field('filter-plate', 'Plate text', plateInput),
      field('filter-list', 'List match', listSelect),
      field('filter-since', 'From', sinceInput),
      field('filter-until', 'To', untilInput),
      field('filter-limit', 'Page size', sizeSelect),
      h('div', {class: 'filter-actions'},
        h('button', {class: 'button button-primary', type: 'submit'}, 'Apply filters'),
        h('button', {class: 'button button-ghost', type: 'button', onclick: () => { location.hash = '#/events'; }}, 'Clear'))));
  toggle.addEventListener('click', () => {
    const open = form.classList.toggle('filters-open');
    toggle.setAttribute('aria-expanded', String(open));
  });

  form.addEventListener('submit', (submitEvent) => {
    submitEvent.preventDefault();
    const query = new URLSearchParams();
    const values = {
      type: typeSelect.value, camera: cameraSelect.value, person_id: personSelect.value,
      plate: plateInput.value.trim().toUpperCase(), matched_list: listSelect.value,
      since: sinceInput.value ? new Date(sinceInput.value).getTime() : '',
      until: untilInput.value ? new Date(untilInput.value).getTime() + 59999 : '',
    };
    for (const [key, value] of Object.entries(values)) if (value !== '' && !Number.isNaN(value)) query.set(key, value);
    if (sizeSelect.value !== '20') query.set('limit', sizeSelect.value);
    const next = query.toString() ? `#/events?${query}` : '#/events';
    if (location.hash === next) load(0);
    else location.hash = next;
  });

  const summary = h('p', {class: 'summary', role: 'status'});
  const results = h('div', {class: 'results'});
  const newer = h('button', {class: 'button pager-newer', type: 'button', disabled: true, onclick: () => load(page - 1)}, '← Newer');
  const older = h('button', {class: 'button pager-older', type: 'button', disabled: true, onclick: () => load(page + 1)}, 'Older →');
  const pageLabel = h('span', {class: 'muted'});
  const pager = h('nav', {class: 'pager', 'aria-label': 'Pages'}, newer, pageLabel, older);
  let page = 0;

  container.append(
    h('div', {class: 'page-head'}, h('h1', null, 'Events'), h('p', {class: 'muted'}, 'Everything the cameras recorded, newest first.')),
    form,
    h('section', {class: 'panel', 'aria-label': 'Results'}, summary, results, pager));

  Promise.all([getJSON('/cameras').catch(() => []), getJSON('/people').catch(() => [])]).then(([cameras, people]) => {
    if (stopped) return;
    for (const camera of cameras) cameraSelect.append(h('option', {value: camera.id}, camera.name || camera.id));
    for (const person of people) personSelect.append(h('option', {value: person.id}, person.display_name || person.id));
    if (filters.camera && ![...cameraSelect.options].some((o) => o.value === filters.camera)) cameraSelect.append(h('option', {value: filters.camera}, filters.camera));
    if (filters.person_id && ![...personSelect.options].some((o) => o.value === filters.person_id)) personSelect.append(h('option', {value: filters.person_id}, filters.person_id));
    cameraSelect.value = filters.camera;
    personSelect.value = filters.person_id;
  });

  async function load(target) {
    results.replaceChildren(statePanel('loading', 'Loading events…'));
    summary.textContent = '';
    newer.disabled = true;
    older.disabled = true;
    let result;
    try {
      result = await listEvents({...filters, limit: pageSize, cursor: cursors[target] ?? ''});
    } catch (error) {
      if (stopped || (error instanceof ApiError && error.status === 401)) return;
      results.replaceChildren(statePanel('error', 'Events could not be loaded', error.message, {label: 'Try again', onclick: () => load(target)}));
      return;
    }
    if (stopped) return;
    page = target;
    cursors = cursors.slice(0, page + 1);
    if (result.next) cursors[page + 1] = result.next;
    const filtered = FILTERS.some((key) => filters[key]);
    const first = page * pageSize + 1;
    summary.textContent = result.total === 0 ? '' : `${result.total} event${result.total === 1 ? '' : 's'}${filtered ? (result.total === 1 ? ' matches' : ' match') : ''} · showing ${first}–${first + result.events.length - 1}`;
    pageLabel.textContent = result.total > pageSize ? `Page ${page + 1} of ${Math.ceil(result.total / pageSize)}` : '';
    newer.disabled = page === 0;
    older.disabled = !result.next;
    pager.hidden = page === 0 && !result.next;
    if (result.events.length === 0) {
      results.replaceChildren(filtered
        ? statePanel('empty', 'No events match these filters', 'Widen the time range or clear a filter.', {label: 'Clear filters', onclick: () => { location.hash = '#/events'; }})
        : statePanel('empty', 'No events yet', 'Events are recorded when a camera sees a face, a person, a vehicle or a plate.'));
      return;
    }
    results.replaceChildren(table(result.events, context.names));
  }

  load(0);
  return {destroy() { stopped = true; }};
}

function table(events, names) {
  return h('table', {class: 'events-table'},
    h('thead', null, h('tr', null,
      h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Image')),
      h('th', {scope: 'col'}, 'What'), h('th', {scope: 'col'}, 'Type'),
      h('th', {scope: 'col'}, 'Camera'), h('th', {scope: 'col'}, 'Time'))),
    h('tbody', null, events.map((event) => {
      const about = describe(event, names);
      return h('tr', {class: `tone-${about.tone}`, dataset: {id: event.id, type: event.type, ts: event.ts_ms}},
        h('td', {class: 'cell-thumb'}, eventThumb(event, names)),
        h('td', {class: 'cell-what'},
          h('a', {href: `#/events/${event.id}`, class: `event-link${event.type.startsWith('plate') ? ' plate-text' : ''}`}, about.title),
          h('div', {class: 'muted small'}, about.subtitle)),
        h('td', {class: 'cell-type', 'data-label': 'Type'}, eventBadges(event, names)),
        h('td', {class: 'cell-camera', 'data-label': 'Camera'}, event.frame_source_id),
        h('td', {class: 'cell-time', 'data-label': 'Time'}, h('time', {datetime: new Date(event.ts_ms).toISOString()}, when(event.ts_ms))));
    })));
}

// One event -------------------------------------------------------------------------------------

function mountDetail(container, context, idText) {
  let stopped = false;
  const back = h('a', {href: listHash, class: 'back-link'}, '← Back to events');
  const body = h('div', null, statePanel('loading', 'Loading the event…'));
  container.append(back, body);

  const id = Number(idText);
  if (!Number.isInteger(id) || id < 1) {
    body.replaceChildren(statePanel('error', 'No such event', 'Event ids are positive whole numbers.'));
    return {destroy() {}};
  }

  getJSON(`/events/${id}`).then((event) => {
    if (!stopped) body.replaceChildren(detail(event, context.names));
  }, (error) => {
    if (stopped || (error instanceof ApiError && error.status === 401)) return;
    body.replaceChildren(error.status === 404
      ? statePanel('empty', `Event ${id} was not found`, 'It may have been removed by retention.')
      : statePanel('error', 'The event could not be loaded', error.message));
  });
  return {destroy() { stopped = true; }};
}

function row(label, value) {
  if (value === null || value === undefined || value === '') return null;
  return [h('dt', null, label), h('dd', null, value)];
}

function score(value) {
  return typeof value === 'number' ? value.toFixed(2) : null;
}

function detail(event, names) {
  const about = describe(event, names);
  const p = event.payload ?? {};
  const figure = h('figure', {class: 'snapshot'});
  if (event.snapshot_url) {
    const img = h('img', {alt: `Full camera frame of event ${event.id}: ${about.title}`, class: 'snapshot-image'});
    const frame = h('div', {class: 'snapshot-frame'}, img);
    figure.append(frame, h('figcaption', {class: 'muted small'}, `Camera ${event.frame_source_id} at ${dateTime(event.ts_ms)}. The box marks what was detected.`));
    cachedImage(event.snapshot_url).then((url) => {
      img.addEventListener('load', () => drawBox(frame, img, p.bbox), {once: true});
      img.src = url;
    }, () => frame.replaceChildren(statePanel('error', 'The snapshot could not be loaded')));
  } else {
    figure.append(statePanel('empty', 'No snapshot', 'This event was stored without an image.'));
  }

  const more = [];
  if (p.person_id) more.push(h('a', {href: `#/events?person_id=${encodeURIComponent(p.person_id)}`}, `All events of ${about.title}`));
  if (p.text_clean) more.push(h('a', {href: `#/events?plate=${encodeURIComponent(p.text_clean)}`}, `All sightings of ${p.text_clean}`));

  const facts = h('dl', {class: 'facts'},
    row('Event', `#${event.id}`),
    row('Type', typeLabel(event.type)),
    row('Camera', event.frame_source_id),
    row('Time', dateTime(event.ts_ms)),
    row('Person', p.person_id),
    row('Similarity', typeof p.similarity === 'number' ? percent(p.similarity) : null),
    row('Plate', p.text_clean ? h('span', {class: 'plate-text'}, p.text_clean) : null),
    row('Read as', p.text_raw && p.text_raw !== p.text_clean ? p.text_raw : null),
    row('List', about.list),
    row('Matched entry', p.matched_plate),
    row('OCR confidence', typeof p.ocr_confidence === 'number' ? percent(p.ocr_confidence) : null),
    row('Detector score', score(p.detection_score ?? p.detector_score ?? p.score)),
    row('Seen as', p.label),
    row('Track', event.track_id ?? p.track_id),
    row('Recorded', dateTime(Date.parse(event.created_at))));

  return h('article', {class: `event-detail tone-${about.tone}`, 'aria-labelledby': 'event-title'},
    h('div', {class: 'page-head'},
      h('h1', {id: 'event-title', class: event.type.startsWith('plate') ? 'plate-text' : null},
        about.tone === 'alert' ? icon('alert', 'icon-title') : null, about.title),
      h('div', {class: 'badges'}, eventBadges(event, names), badge(event.frame_source_id))),
    h('div', {class: 'detail-layout'},
      figure,
      h('section', {class: 'panel', 'aria-label': 'Details'},
        event.crop_url ? eventThumb(event, names, 'crop') : null,
        facts,
        more.length ? h('p', {class: 'more-links'}, more) : null,
        h('details', {class: 'raw'}, h('summary', null, 'Raw event JSON'), h('pre', null, JSON.stringify(event, null, 2))))));
}

/** Outlines the detection on the snapshot; boxes are in frame pixels (or 0-1 when normalised). */
function drawBox(frame, img, box) {
  if (!box || typeof box.x1 !== 'number') return;
  const normalised = box.x2 <= 1.5 && box.y2 <= 1.5;
  const width = normalised ? 1 : img.naturalWidth;
  const height = normalised ? 1 : img.naturalHeight;
  if (!width || !height) return;
  const el = h('div', {class: 'bbox', 'aria-hidden': 'true'});
  el.style.left = `${(box.x1 / width) * 100}%`;
  el.style.top = `${(box.y1 / height) * 100}%`;
  el.style.width = `${((box.x2 - box.x1) / width) * 100}%`;
  el.style.height = `${((box.y2 - box.y1) / height) * 100}%`;
  frame.append(el);
}
