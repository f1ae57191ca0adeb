// SPDX-License-Identifier: Apache-2.0
// WS /stream: authenticates with its first message, reconnects with backoff, and hands events out.

export class LiveStream {
  /** `token` may be null when the server runs without auth. `onStatus(state)`: connecting, live, retrying, off. */
  constructor({token, onStatus, onExpired}) {
    this.token = token;
    this.onStatus = onStatus;
    this.onExpired = onExpired;
    this.listeners = new Set();
    this.retry = 0;
    this.stopped = false;
    this.socket = null;
    this.timer = null;
  }

  /** Calls `listener(event)` for each event; returns the function that stops it. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close(1000, 'signed out');
      this.socket = null;
    }
  }

  connect() {
    this.onStatus('connecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/stream`);
    this.socket = socket;
    socket.onopen = () => {
      if (this.token) socket.send(JSON.stringify({type: 'auth', token: this.token}));
      else this.live();
    };
    socket.onmessage = (message) => {
      let data;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      if (data.type === 'auth_ok') {
        this.live();
      } else if (typeof data.id === 'number' && typeof data.ts_ms === 'number') {
        for (const listener of this.listeners) listener(data);
      }
    };
    socket.onclose = (close) => {
      this.socket = null;
      if (this.stopped) return;
      if (close.code === 1008 && /token|authenticat/.test(close.reason)) {
        this.onStatus('off');
        this.onExpired();
        return;
      }
      if (close.code === 1008 && /disabled/.test(close.reason)) {
        this.onStatus('off');
        return;
      }
      this.retry = Math.min(this.retry + 1, 5);
      this.onStatus('retrying');
      this.timer = setTimeout(() => this.connect(), 1000 * 2 ** (this.retry - 1));
    };
  }

  live() {
    this.retry = 0;
    this.onStatus('live');
  }
}
