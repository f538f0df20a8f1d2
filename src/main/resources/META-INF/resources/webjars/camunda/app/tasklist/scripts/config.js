// Overrides the webjar's app/tasklist/scripts/config.js (same classpath path; ours comes first).
// The browser's first language picks the locale: zh, zh-CN, zh-TW → zh.json; anything else → en.
// The texts this file shows itself (product name, shortcut help) follow the same choice, made the
// way Tasklist makes it: the first of navigator.languages, up to the hyphen.
const chinese = ((navigator.languages && navigator.languages[0]) || navigator.language || '')
  .split('-')[0].toLowerCase() === 'zh';
const say = (zh, en) => (chinese ? zh : en);

export default {
  app: {
    name: say('催收工作台', 'Collections'),
    vendor: '鼎信汽车金融'
  },

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },

  // Loaded by Tasklist as ES modules: form-js's own texts in Chinese, and no vendor banner for
  // agents and supervisors (each script says how).
  customScripts: ['scripts/form-js-chinese', 'scripts/hide-eol-banner'],

  // Numeric dates read naturally in Chinese and stay unambiguous in English; month and weekday
  // names come from the locale's dateLocales (一月 / 星期一 in zh.json).
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss dddd',
    short: 'YYYY-MM-DD'
  },

  // The shipped config.js's shortcuts; the shortcut help shows the descriptions as they are.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: say('认领当前选中的任务', 'claims the currently selected task')
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: say('焦点移到第一个筛选器', 'set the focus to the first filter in the list')
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: say('焦点移到列表中的第一个任务', 'sets the focus to the first task in the list')
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: say('焦点移到任务表单的第一个输入框', 'sets the focus to the first input field in a task form')
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: say('打开发起流程对话框', 'opens the start process modal dialog')
    }
  }
};
