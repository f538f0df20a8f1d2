// Overrides the webjar's app/welcome/scripts/config.js (same classpath path; ours comes first).
// The welcome app renders the login page behind /camunda/app/; the browser's first language
// picks the locale: zh, zh-CN, zh-TW → zh.json; anything else → en. The product name follows the
// same choice, made the way the webapps make it: the first of navigator.languages, up to the hyphen.
const chinese = ((navigator.languages && navigator.languages[0]) || navigator.language || '')
  .split('-')[0].toLowerCase() === 'zh';

export default {
  app: {
    name: chinese ? '催收工作台' : 'Collections',
    vendor: '鼎信汽车金融'
  },

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },

  // No vendor banner on the login page agents and supervisors sign in on: see the script.
  customScripts: ['scripts/hide-eol-banner'],

  // Shown under "Applications" after login: the collections dashboard accepts this login.
  links: [
    {
      label: '催收看板 Collections dashboard',
      href: '/dashboard',
      description: '阶段分布、结案与回收率、承诺履约、升级原因、队列积压 · stages, outcomes, recovery, promises, escalations, queues'
    }
  ],

  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss dddd',
    short: 'YYYY-MM-DD'
  }
};
