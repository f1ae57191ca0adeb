// SPDX-License-Identifier: Apache-2.0
// Pieces the views share: event thumbnails and badges, camera status.

import {loadImage} from './api.js';
import {h, icon} from './dom.js';
import {describe, typeLabel} from './format.js';

/** The event's crop (or snapshot) as a thumbnail, or an icon when it has no image. */
export function eventThumb(event, names, className = 'thumb') {
  const about = describe(event, names);
  const path = event.crop_url ?? event.snapshot_url;
  if (!path) return h('span', {class: `${className} thumb-icon tone-${about.tone}`}, icon(about.icon));
  const plate = event.type.startsWith('plate') && event.crop_url ? ' thumb-plate' : '';
  const img = h('img', {class: className + plate, alt: `${about.title}, ${typeLabel(event.type).toLowerCase()}`, width: 64, height: 64});
  loadImage(img, path);
  return img;
}

export function badge(text, tone = 'neutral') {
  return h('span', {class: `badge badge-${tone}`}, text);
}

/** The type badge plus, for plates, the list it matched. */
export function eventBadges(event, names) {
  const about = describe(event, names);
  const badges = [badge(typeLabel(event.type), about.tone)];
  if (about.list && event.type !== 'plate_alert') badges.push(badge(about.list, about.list === 'Deny list' ? 'alert' : 'allowed'));
  return badges;
}

const CAMERA_TONES = {online: 'known', connecting: 'unknown', reconnecting: 'unknown', offline: 'alert', failed: 'alert', disabled: 'neutral'};

export function cameraBadge(state) {
  return badge(state[0].toUpperCase() + state.slice(1), CAMERA_TONES[state] ?? 'neutral');
}
