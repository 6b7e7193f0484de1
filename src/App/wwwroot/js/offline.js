// The field app's offline queue (no framework). One file for both sides:
// - in the service worker (importScripts), PepQueue sends the queued visits when background sync fires;
// - on every page, it registers the service worker, sends what waits, and clears the kept field page after sign-out;
//   on the field page (/lapangan) it queues each follow-up form's visit on the phone (IndexedDB) with the
//   Idempotency-Key it will always be sent with, and shows each visit's state until the mentor dismisses it.
// A visit is sent to the JSON API (same origin, the staff cookie, Content-Type application/json): a resend with the
// same key gets the first answer, so nothing is recorded twice.
'use strict';

const PepQueue = (() => {
  const DB = 'pep-lapangan';
  const STORE = 'kunjungan';

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function run(mode, work) {
    const db = await open();
    try {
      return await new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const result = work(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }

  const all = () => run('readonly', (store) => store.getAll());
  const put = (visit) => run('readwrite', (store) => store.put(visit));
  const remove = (key) => run('readwrite', (store) => store.delete(key));

  // One sender at a time across the page and the service worker (where the browser has Web Locks).
  function exclusively(work) {
    return typeof navigator !== 'undefined' && navigator.locks
      ? navigator.locks.request('pep-kirim-kunjungan', work)
      : work();
  }

  // The signed-in staff member's username; null when the session has ended. Throws when the network is down.
  async function signedIn() {
    const response = await fetch('/api/session', { credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' } });
    if (response.ok) {
      return (await response.json()).username;
    }
    if (response.status === 401 || response.status === 403 || response.type === 'opaqueredirect') {
      return null;
    }
    throw new Error(`The session could not be read (${response.status}).`);
  }

  async function reasonOf(response) {
    try {
      const problem = await response.json();
      const fields = problem.errors ? Object.values(problem.errors).flat() : [];
      return [problem.detail || problem.title, ...fields].filter(Boolean).join(' ');
    } catch {
      return '';
    }
  }

  // Sends every visit that waits: 'done' when none waits any more for the network, 'later' when the network or the
  // server is not there (the visits keep waiting), 'signin' when the session has ended (they wait for the next sign-in).
  function sendAll() {
    return exclusively(async () => {
      const waiting = (await all()).filter((v) => v.state === 'waiting' || v.state === 'signin');
      if (waiting.length === 0) {
        return 'done';
      }
      let user;
      try {
        user = await signedIn();
      } catch {
        return 'later';
      }
      let outcome = 'done';
      for (const visit of waiting) {
        if (!user || user.toLowerCase() !== visit.user.toLowerCase()) {
          // Sent only as the mentor who wrote it: it waits for their next sign-in.
          visit.state = 'signin';
          await put(visit);
          outcome = 'signin';
          continue;
        }
        let response;
        try {
          response = await fetch(`/api/cases/${encodeURIComponent(visit.caseId)}/follow-ups/${visit.seq}`, {
            method: 'POST',
            credentials: 'same-origin',
            redirect: 'manual',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': visit.key },
            body: JSON.stringify(visit.body),
          });
        } catch {
          return 'later';
        }
        if (response.ok) {
          // The server's answer replaces the waiting mark; what was written is on the server now, not kept here.
          Object.assign(visit, { state: 'sent', body: null, status: response.status, sentAt: new Date().toISOString() });
        } else if (response.status === 401 || response.type === 'opaqueredirect') {
          visit.state = 'signin';
          outcome = 'signin';
        } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          Object.assign(visit, { state: 'refused', status: response.status, reason: await reasonOf(response) });
        } else {
          return 'later';
        }
        await put(visit);
      }
      return outcome;
    });
  }

  return {
    CACHE: 'pep-lapangan-v1',
    PAGE: '/lapangan',
    SYNC_TAG: 'pep-kirim-kunjungan',
    CHANGED: 'pep-antrian-berubah',
    all, put, remove, sendAll,
  };
})();

if (typeof document !== 'undefined') {
  (() => {
    const script = document.currentScript;
    const user = script ? script.dataset.user || '' : '';
    const page = document.getElementById('lapangan');
    const texts = page ? document.getElementById('field-texts').dataset : {};

    async function forgetTheFieldPage() {
      // Signed out (or the session ended) and back online: the kept page, which names the mentor's people, goes.
      if ('caches' in self) {
        const cache = await caches.open(PepQueue.CACHE);
        await cache.delete(PepQueue.PAGE);
      }
      for (const visit of await PepQueue.all()) {
        if (visit.state === 'sent' || visit.state === 'refused') {
          await PepQueue.remove(visit.key);
        }
      }
    }

    function stateText(visit) {
      switch (visit.state) {
        case 'waiting': return texts.waiting;
        case 'signin': return texts.signIn;
        case 'sent': return texts.sent;
        default: {
          const why = texts[`status-${visit.status}`] || '';
          return `${texts.refused} (${visit.status})${why ? `: ${why}` : ''}${visit.reason ? ` — ${visit.reason}` : ''}`;
        }
      }
    }

    async function render() {
      if (!page) {
        return;
      }
      const mine = (await PepQueue.all()).filter((v) => v.user.toLowerCase() === user.toLowerCase());
      mine.sort((a, b) => a.at.localeCompare(b.at));
      const list = document.getElementById('antrian-list');
      list.replaceChildren(...mine.map((visit) => {
        const item = document.createElement('li');
        item.dataset.key = visit.key;
        item.dataset.state = visit.state;
        item.dataset.case = visit.caseId;
        item.dataset.seq = String(visit.seq);
        const label = document.createElement('span');
        label.textContent = `${visit.label} · ${visit.body ? visit.body.date : ''} · `;
        const state = document.createElement('strong');
        state.className = `visit-${visit.state}`;
        state.textContent = stateText(visit);
        item.append(label, state);
        if (visit.state === 'sent' || visit.state === 'refused') {
          const dismiss = document.createElement('button');
          dismiss.type = 'button';
          dismiss.className = 'link dismiss';
          dismiss.textContent = texts.dismiss;
          dismiss.addEventListener('click', async () => { await PepQueue.remove(visit.key); await render(); });
          item.append(' ', dismiss);
        }
        return item;
      }));
      document.getElementById('antrian').hidden = mine.length === 0;
      // A follow-up recorded on this phone (waiting or sent) is not offered again; a refused one is.
      for (const form of page.querySelectorAll('form.visit')) {
        form.hidden = mine.some((v) => v.caseId === form.dataset.case && String(v.seq) === form.dataset.seq && v.state !== 'refused');
      }
      document.getElementById('field-connection').textContent = navigator.onLine ? texts.online : texts.offline;
    }

    async function send() {
      await PepQueue.sendAll();
      await render();
    }

    async function askForSync() {
      if (!('serviceWorker' in navigator)) {
        return;
      }
      const registration = await navigator.serviceWorker.ready;
      if (registration.sync) {
        try {
          await registration.sync.register(PepQueue.SYNC_TAG);
        } catch {
          // Background sync refused (a browser setting): the next page load or the 'online' event sends.
        }
      }
    }

    async function queue(form) {
      const fields = new FormData(form);
      const value = (name) => (fields.get(name) || '').toString().trim() || null;
      const body = {
        date: value('FollowUp.Date'), mode: value('FollowUp.Mode'), businessStatus: value('FollowUp.BusinessStatus'),
        incomeBand: value('FollowUp.IncomeBand'), needs: value('FollowUp.Needs'), notes: value('FollowUp.Notes'),
      };
      const state = form.querySelector('.visit-state');
      if (!body.date || !body.mode || !body.businessStatus || !body.incomeBand) {
        state.textContent = texts.invalid;
        return;
      }
      state.textContent = '';
      await PepQueue.put({
        key: crypto.randomUUID(), user, caseId: form.dataset.case, seq: Number(form.dataset.seq), label: form.dataset.label,
        body, state: 'waiting', at: new Date().toISOString(),
      });
      form.reset();
      await render();
      await askForSync();
      await send();
    }

    async function markReady() {
      // For the mentor (and the browser test): the page is kept on the phone and the worker controls it.
      const registration = await navigator.serviceWorker.ready;
      const kept = await caches.match(PepQueue.PAGE);
      if (registration.active && navigator.serviceWorker.controller && kept) {
        document.documentElement.dataset.offline = 'siap';
      }
    }

    async function start() {
      if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/sw.js').catch(() => undefined);
        navigator.serviceWorker.addEventListener('message', (event) => {
          if (event.data === PepQueue.CHANGED) {
            render();
          }
        });
      }
      if (!user && navigator.onLine) {
        await forgetTheFieldPage();
      }
      if (page) {
        for (const form of page.querySelectorAll('form.visit')) {
          form.addEventListener('submit', (event) => { event.preventDefault(); queue(form); });
        }
        window.addEventListener('online', send);
        window.addEventListener('offline', render);
        await render();
        if ('serviceWorker' in navigator) {
          navigator.serviceWorker.addEventListener('controllerchange', markReady);
          markReady();
        }
      }
      if (user) {
        await send();
      }
    }

    start();
  })();
}
