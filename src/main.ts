/** Entry point: registers the app shell; index.html places <warrant-app>. */
import './components/app.js';
import { registerOffline } from './state/offline.js';

// After the first paint: the service worker's precache download must not compete with the map.
addEventListener('load', () => {
  void registerOffline(async (offer) => {
    await import('./components/update-banner.js');
    const banner = document.querySelector('warrant-update-banner') ?? document.createElement('warrant-update-banner');
    banner.offer = offer;
    document.body.append(banner);
  });
});
