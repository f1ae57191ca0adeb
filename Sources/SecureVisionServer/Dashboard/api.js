// SPDX-License-Identifier: Apache-2.0
// The public API with the signed-in token: every call sends it as a bearer header.

const TOKEN_KEY = 'securevision.token';

/** A refused or failed call, with the server's {"detail"} when it sent one. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
    this.detail = detail;
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  save(token) { sessionStorage.setItem(TOKEN_KEY, token); },
  clear() { sessionStorage.removeItem(TOKEN_KEY); },
};

let expiredHandler = () => {};

/** Called once per expired session (a 401 on any call): the page goes back to sign-in. */
export function onSessionExpired(handler) {
  expiredHandler = handler;
}

/**
 * Calls the API and returns the Response when it is 2xx; throws ApiError otherwise.
 * A 401 ends the session unless `signIn` is set (the sign-in form checks a token that way).
 */
export async function request(path, {method = 'GET', body, headers = {}, token = session.token, signIn = false, signal} = {}) {
  const sent = {Accept: 'application/json', ...headers};
  if (token) sent.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {method, body, headers: sent, signal, cache: 'no-store', credentials: 'omit'});
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'The server cannot be reached. Check that SecureVision is running.');
  }
  if (response.ok) return response;
  let detail = response.statusText || `HTTP ${response.status}`;
  try {
    const json = await response.json();
    if (json && typeof json.detail === 'string') detail = json.detail;
  } catch {
    // Not JSON: keep the status text.
  }
  if (response.status === 429) {
    const wait = response.headers.get('Retry-After');
    detail = wait ? `Too many attempts. Try again in ${wait} s.` : 'Too many attempts. Try again shortly.';
  }
  if (response.status === 401 && !signIn) {
    expiredHandler();
  }
  throw new ApiError(response.status, detail);
}

export async function getJSON(path, options) {
  const response = await request(path, options);
  return response.json();
}

/** GET /events with filters; returns {events, total, next}. */
export async function listEvents(filters, options) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const response = await request(`/events?${query}`, options);
  return {
    events: await response.json(),
    total: Number(response.headers.get('X-Total-Count') ?? 0),
    next: response.headers.get('X-Next-Cursor'),
  };
}

export async function sendJSON(method, path, value) {
  const response = await request(path, {method, body: JSON.stringify(value), headers: {'Content-Type': 'application/json'}});
  return response.status === 204 ? null : response.json();
}

// Images need the bearer header too, so they are fetched and shown from blob: URLs. Event images
// never change; they are kept (up to a limit) so lists and the feed do not fetch them twice.
const imageCache = new Map();
const IMAGE_CACHE_LIMIT = 300;

/** A blob: URL for an event image (snapshot or crop) at `path`. */
export async function cachedImage(path) {
  const hit = imageCache.get(path);
  if (hit) {
    imageCache.delete(path);
    imageCache.set(path, hit);
    return hit;
  }
  const pending = request(path, {headers: {Accept: 'image/jpeg'}})
    .then((response) => response.blob())
    .then((blob) => URL.createObjectURL(blob));
  imageCache.set(path, pending);
  pending.catch(() => imageCache.delete(path));
  while (imageCache.size > IMAGE_CACHE_LIMIT) {
    const [oldest, url] = imageCache.entries().next().value;
    imageCache.delete(oldest);
    url.then((value) => URL.revokeObjectURL(value), () => {});
  }
  return pending;
}

/** Fills `img` with the image at `path`; on failure the image gets the class `broken`. */
export function loadImage(img, path) {
  img.classList.add('loading');
  cachedImage(path).then((url) => {
    img.src = url;
    img.classList.remove('loading');
  }, () => {
    img.classList.remove('loading');
    img.classList.add('broken');
  });
}

export function clearImages() {
  for (const url of imageCache.values()) url.then((value) => URL.revokeObjectURL(value), () => {});
  imageCache.clear();
}
