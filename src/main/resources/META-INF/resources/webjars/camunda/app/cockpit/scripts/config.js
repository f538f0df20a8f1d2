// Overrides the webjar's app/cockpit/scripts/config.js (same classpath path; ours comes first).
// The shipped file sets nothing (every key is a commented example), so only what we need is here.
// The browser's first language picks the locale: zh, zh-CN, zh-TW → zh.json; anything else → en,
// chosen as Tasklist and the welcome app choose it.
const chinese = ((navigator.languages && navigator.languages[0]) || navigator.language || '')
  .split('-')[0].toLowerCase() === 'zh';

export default {
  app: {
    name: chinese ? '催收监控台' : 'Collections Cockpit',
    vendor: '鼎信汽车金融'
  },

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },

  // Supervisors and managers see the webapps' vendor banner nowhere but in Admin: see the script.
  customScripts: ['scripts/hide-eol-banner'],

  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss dddd',
    short: 'YYYY-MM-DD'
  }
};
