// Overrides the webjar's app/admin/scripts/config.js (same classpath path; ours comes first). The shipped file sets
// nothing (every key is a commented example), so only what we need is here. Admin keeps the vendor's end-of-life
// banner: administrators are the ones who plan the upgrade.
import { dateFormat, locales, say, vendor } from '../../collections/webapp-settings.js';

export default {
  app: {
    name: say('系统管理', 'Collections Admin'),
    vendor
  },
  locales,
  dateFormat
};
