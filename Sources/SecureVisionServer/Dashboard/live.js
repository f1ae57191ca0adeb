// SPDX-License-Identifier: Apache-2.0
// Live: the cameras with their newest frame, and a feed of events as they happen.

import {ApiError, getJSON, listEvents, request} from './api.js';
import {h, icon, statePanel} from './dom.js';
import {ago, describe, when} from './format.js';
import {cameraBadge, eventBadges, eventThumb} from './widgets.js';

const FEED_SIZE = 30;
const CAMERA_REFRESH_MS = 2500;

export function mount(container, context) {
  const grid = h('div', {class: 'camera-grid'}, statePanel('loading', 'Loading cameras…'));
  const feed = h('ol', {class: 'feed', 'aria-label': 'Recent events, newest first'});
  const feedState = h('div', null, statePanel('loading', 'Loading recent events…'));
  const streamNote = h('p', {class: 'muted small'});

  container.append(
    h('div', {class: 'page-head'},
      h('h1', null, 'Live'),
      h('p', {class: 'muted'}, 'Cameras and events as they happen.')),
    h('div', {class: 'live-layout'},
      h('section', {class: 'panel', 'aria-labelledby': 'cameras-heading'},
        h('div', {class: 'panel-head'}, h('h2', {id: 'cameras-heading'}, 'Cameras')),
        grid),
      h('section', {class: 'panel', 'aria-labelledby': 'feed-heading'},
        h('div', {class: 'panel-head'}, h('h2', {id: 'feed-heading'}, 'Event feed'), streamNote),
        feedState, feed)));

  let stopped = false;
  const cards = new Map();
  const frameURLs = new Map();
  const shown = new Set();
  const timers = [];

  // Cameras ------------------------------------------------------------------------------------
  async function refreshCameras() {
    let cameras;
    try {
      cameras = await getJSON('/cameras');
    } catch (error) {
      if (stopped || (error instanceof ApiError && error.status === 401)) return;
      grid.replaceChildren(statePanel('error', 'Cameras could not be loaded', error.message,
        {label: 'Try again', onclick: refreshCameras}));
      cards.clear();
      return;
    }
    if (stopped) return;
    if (cameras.length === 0) {
      grid.replaceChildren(statePanel('empty', 'No cameras configured', 'Add one in the configuration file or with SECUREVISION__VIDEO__SOURCE__URL.'));
      cards.clear();
      return;
    }
    if (cards.size === 0) grid.replaceChildren();
    for (const camera of cameras) {
      let card = cards.get(camera.id);
      if (!card) {
        card = cameraCard(camera);
        cards.set(camera.id, card);
        grid.append(card.root);
      }
      updateCard(card, camera);
      if (camera.state === 'online' && camera.last_frame_ts_ms) refreshFrame(camera.id, card);
    }
  }

  function cameraCard(camera) {
    const img = h('img', {class: 'frame', alt: `Newest frame from ${camera.name || camera.id}`, width: 640, height: 360});
    const placeholder = h('div', {class: 'frame frame-empty'}, icon('camera'), h('span', null, 'Waiting for a frame'));
    const status = h('span');
    const fps = h('span', {class: 'stat'});
    const size = h('span', {class: 'stat'});
    const seen = h('span', {class: 'stat'});
    const root = h('article', {class: 'camera', 'aria-label': `Camera ${camera.name || camera.id}`},
      h('div', {class: 'frame-box'}, placeholder, img),
      h('div', {class: 'camera-body'},
        h('div', {class: 'camera-title'}, h('h3', null, camera.name || camera.id), status),
        h('div', {class: 'camera-stats'}, fps, size, seen)));
    img.hidden = true;
    return {root, img, placeholder, status, fps, size, seen, loading: false};
  }

  function updateCard(card, camera) {
    card.status.replaceChildren(cameraBadge(camera.state));
    card.fps.textContent = `${camera.fps.toFixed(1)} fps`;
    card.size.textContent = camera.width ? `${camera.width}×${camera.height}` : camera.source_type;
    card.seen.textContent = camera.last_frame_ts_ms ? `frame ${ago(camera.last_frame_ts_ms)}` : 'no frame yet';
    card.root.dataset.state = camera.state;
  }

  async function refreshFrame(id, card) {
    if (card.loading) return;
    card.loading = true;
    try {
      const response = await request(`/cameras/${encodeURIComponent(id)}/latest.jpg`, {headers: {Accept: 'image/jpeg'}});
      const url = URL.createObjectURL(await response.blob());
      if (stopped) {
        URL.revokeObjectURL(url);
        return;
      }
      const old = frameURLs.get(id);
      card.img.src = url;
      card.img.hidden = false;
      card.placeholder.hidden = true;
      frameURLs.set(id, url);
      if (old) card.img.addEventListener('load', () => URL.revokeObjectURL(old), {once: true});
    } catch {
      // The card keeps its last frame; the status badge tells why frames stopped.
    } finally {
      card.loading = false;
    }
  }

  // Events -------------------------------------------------------------------------------------
  function feedItem(event, fromStream) {
    const about = describe(event, context.names);
    const time = h('time', {datetime: new Date(event.ts_ms).toISOString()}, when(event.ts_ms));
    return h('li', {class: `feed-item tone-${about.tone}${fromStream ? ' is-new' : ''}`, dataset: {id: event.id, type: event.type, origin: fromStream ? 'stream' : 'history'}},
      h('a', {href: `#/events/${event.id}`, class: 'feed-link'},
        eventThumb(event, context.names),
        h('div', {class: 'feed-text'},
          h('div', {class: 'feed-title'},
            about.tone === 'alert' ? h('span', {class: 'alert-label'}, icon('alert', 'icon-inline'), 'Alert') : null,
            h('strong', {class: event.type.startsWith('plate') ? 'plate-text' : null}, about.title)),
          h('div', {class: 'feed-meta'}, eventBadges(event, context.names)),
          h('div', {class: 'feed-sub muted small'}, `${about.subtitle} · ${event.frame_source_id} · `, time))));
  }

  function add(event, fromStream) {
    if (shown.has(event.id)) return;
    shown.add(event.id);
    feedState.replaceChildren();
    const item = feedItem(event, fromStream);
    if (fromStream) feed.prepend(item);
    else feed.append(item);
    while (feed.children.length > FEED_SIZE) {
      shown.delete(Number(feed.lastElementChild.dataset.id));
      feed.lastElementChild.remove();
    }
  }

  async function loadHistory() {
    try {
      const page = await listEvents({limit: 15});
      if (stopped) return;
      for (const event of page.events) add(event, false);
      if (page.events.length === 0 && feed.children.length === 0) {
        feedState.replaceChildren(statePanel('empty', 'No events yet', 'Events appear here the moment a camera sees a known face or a plate.'));
      } else if (feed.children.length > 0) {
        feedState.replaceChildren();
      }
    } catch (error) {
      if (stopped || (error instanceof ApiError && error.status === 401)) return;
      feedState.replaceChildren(statePanel('error', 'Events could not be loaded', error.message, {label: 'Try again', onclick: loadHistory}));
    }
  }

  const unsubscribe = context.stream ? context.stream.subscribe((event) => add(event, true)) : () => {};
  streamNote.textContent = context.stream ? 'Updates live over the event stream.' : 'Live updates are off on this server; the feed refreshes every 5 s.';
  if (!context.stream) timers.push(setInterval(loadHistory, 5000));

  refreshCameras();
  loadHistory();
  timers.push(setInterval(refreshCameras, CAMERA_REFRESH_MS));

  return {
    destroy() {
      stopped = true;
      unsubscribe();
      for (const timer of timers) clearInterval(timer);
      for (const url of frameURLs.values()) URL.revokeObjectURL(url);
    },
  };
}
