// SPDX-License-Identifier: Apache-2.0
// How events, times and sizes read on the page.

const timeFormat = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit', second: '2-digit'});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** A time of day for today, a date and time for anything older. */
export function when(ms) {
  const date = new Date(ms);
  return date.toDateString() === new Date().toDateString() ? timeFormat.format(date) : dateTimeFormat.format(date);
}

const dateFormat = new Intl.DateTimeFormat(undefined, {year: 'numeric', month: 'short', day: 'numeric'});

export function date(ms) {
  return dateFormat.format(new Date(ms));
}

export function dateTime(ms) {
  return dateTimeFormat.format(new Date(ms));
}

/** "12 s ago", "3 min ago", ... */
export function ago(ms) {
  const seconds = Math.max(0, Math.round((Date.now() - ms) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

export function duration(seconds) {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${seconds % 60} s`;
  return `${seconds} s`;
}

export function bytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export function percent(value) {
  return typeof value === 'number' ? `${Math.round(value * 100)} %` : '—';
}

export const EVENT_TYPES = [
  ['face_match', 'Known person'],
  ['face_unknown', 'Unknown face'],
  ['plate_read', 'Plate read'],
  ['plate_alert', 'Deny-list alert'],
  ['object', 'Person or vehicle'],
  ['camera_offline', 'Camera offline'],
  ['camera_online', 'Camera online'],
];

const typeLabels = new Map(EVENT_TYPES);

export function typeLabel(type) {
  return typeLabels.get(type) ?? type;
}

const LIST_NAMES = {whitelist: 'Allow list', blacklist: 'Deny list'};

/**
 * What an event is about, for lists and cards: {title, subtitle, icon, tone, list}.
 * `names` maps person ids to display names.
 */
export function describe(event, names = new Map()) {
  const p = event.payload ?? {};
  const list = p.matched_list ? LIST_NAMES[p.matched_list] ?? p.matched_list : null;
  switch (event.type) {
  case 'face_match': {
    const name = names.get(p.person_id) ?? p.person_id ?? 'Known person';
    return {title: name, subtitle: `Known person · ${percent(p.similarity)} match`, icon: 'person', tone: 'known', list};
  }
  case 'face_unknown':
    return {title: 'Unknown face', subtitle: 'Nobody in the gallery', icon: 'person', tone: 'unknown', list};
  case 'plate_alert':
    return {title: p.text_clean ?? 'Plate', subtitle: 'Plate on the deny list', icon: 'alert', tone: 'alert', list: list ?? 'Deny list'};
  case 'plate_read':
    return {title: p.text_clean ?? 'Plate', subtitle: list ? `Plate on the ${list.toLowerCase()}` : 'Plate read', icon: 'car', tone: p.matched_list === 'whitelist' ? 'allowed' : 'neutral', list};
  case 'object':
    return {title: p.label ? p.label[0].toUpperCase() + p.label.slice(1) : 'Object', subtitle: 'Seen', icon: p.label === 'person' ? 'person' : 'car', tone: 'neutral', list};
  case 'camera_offline':
    return {title: 'Camera offline', subtitle: p.reason ?? '', icon: 'camera', tone: 'alert', list};
  case 'camera_online':
    return {title: 'Camera online', subtitle: p.reason ?? '', icon: 'camera', tone: 'known', list};
  default:
    return {title: typeLabel(event.type), subtitle: '', icon: 'empty', tone: 'neutral', list};
  }
}
