// Overrides the webjar's app/cockpit/scripts/config.js (same classpath path; ours comes first). The shipped file
// sets nothing (every key is a commented example), so only what we need is here.
import { dateFormat, hideVendorBanner, locales, say, vendor } from '../../collections/webapp-settings.js';

export default {
  app: {
    name: say('催收监控台', 'Collections Cockpit'),
    vendor
  },
  locales,
  // Supervisors and managers see the webapps' vendor banner nowhere but in Admin: see the script.
  customScripts: [hideVendorBanner],
  dateFormat
};
