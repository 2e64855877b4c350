/** Entry point: registers the app shell; index.html places <warrant-app>. */
import './components/app.js';
