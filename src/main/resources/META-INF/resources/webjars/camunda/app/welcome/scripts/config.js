// Overrides the webjar's app/welcome/scripts/config.js (same classpath path; ours comes first).
// The welcome app renders the login page behind /camunda/app/.
import { dateFormat, hideVendorBanner, locales, say, vendor } from '../../collections/webapp-settings.js';

export default {
  app: {
    name: say('催收工作台', 'Collections'),
    vendor
  },
  locales,
  // No vendor banner on the login page agents and supervisors sign in on: see the script.
  customScripts: [hideVendorBanner],

  // Shown under "Applications" after login: the collections dashboard accepts this login.
  links: [
    {
      label: '催收看板 Collections dashboard',
      href: '/dashboard',
      description: '阶段分布、结案与回收率、承诺履约、升级原因、队列积压 · stages, outcomes, recovery, promises, escalations, queues'
    }
  ],

  dateFormat
};
