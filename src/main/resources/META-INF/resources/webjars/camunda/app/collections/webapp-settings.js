// What the config.js of every webapp (welcome, Tasklist, Cockpit, Admin) shares; each imports it as
// '../../collections/webapp-settings.js'. The browser's first language picks the locale, the way the webapps
// pick it (the first of navigator.languages, up to the hyphen): zh, zh-CN, zh-TW → zh.json; anything else → en.
// The texts a config.js shows itself (product names, shortcut help) follow the same choice.
export const chinese = ((navigator.languages && navigator.languages[0]) || navigator.language || '')
  .split('-')[0].toLowerCase() === 'zh';

export const say = (zh, en) => (chinese ? zh : en);

export const vendor = '鼎信汽车金融';

export const locales = {
  availableLocales: ['zh', 'en'],
  fallbackLocale: 'en'
};

// Numeric dates read naturally in Chinese and stay unambiguous in English; month and weekday names come from
// the locale's dateLocales (一月 / 星期一 in zh.json).
export const dateFormat = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'YYYY-MM-DD HH:mm',
  normal: 'YYYY-MM-DD HH:mm',
  long: 'YYYY-MM-DD HH:mm:ss dddd',
  short: 'YYYY-MM-DD'
};

// A custom script (config.js customScripts, resolved against the app's folder) that every app but Admin loads.
export const hideVendorBanner = '../collections/hide-eol-banner';
