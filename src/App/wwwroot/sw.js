// The field app's service worker: keeps the mentor's field page (/lapangan) and its files for use without a
// connection, and sends the visits queued on the phone when the browser's background sync says the network is back.
// It keeps no other page: personal data on the phone is the field page (the mentor's own people) and the queue.
'use strict';
importScripts('/js/offline.js');

const PAGE = '/lapangan';
const FILES = ['/css/site.css', '/js/offline.js', '/app.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(PepQueue.CACHE);
    await cache.addAll(FILES);
    // The page needs the staff cookie: kept only when it came back as itself (not the sign-in page it redirects to).
    try {
      const page = await fetch(PAGE, { credentials: 'same-origin' });
      if (page.ok && !page.redirected) {
        await cache.put(PAGE, page);
      }
    } catch {
      // Installed without a connection: the page is kept the next time it is opened online.
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('pep-') && name !== PepQueue.CACHE) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }

  if (request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(pageFirstFromNetwork(request));
  } else if (FILES.includes(url.pathname)) {
    event.respondWith(fileFromCache(request, url.pathname));
  }
});

// The page from the network when there is one (and kept for later), else as last seen.
async function pageFirstFromNetwork(request) {
  const cache = await caches.open(PepQueue.CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) {
      await cache.put(PAGE, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await cache.match(PAGE);
    if (kept) {
      return kept;
    }
    throw error;
  }
}

// A file from the cache, refreshed from the network behind it.
async function fileFromCache(request, path) {
  const cache = await caches.open(PepQueue.CACHE);
  const kept = await cache.match(path);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) {
      await cache.put(path, response.clone());
    }
    return response;
  });
  if (kept) {
    fresh.catch(() => undefined);
    return kept;
  }
  return fresh;
}

self.addEventListener('sync', (event) => {
  if (event.tag === PepQueue.SYNC_TAG) {
    event.waitUntil(PepQueue.sendAll().then(async (outcome) => {
      for (const client of await self.clients.matchAll()) {
        client.postMessage(PepQueue.CHANGED);
      }
      if (outcome === 'later') {
        // Rejecting asks the browser to fire the sync again later.
        throw new Error('The server or the network is not reachable yet.');
      }
    }));
  }
});
