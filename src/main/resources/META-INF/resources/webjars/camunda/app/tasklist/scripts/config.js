// Overrides the webjar's app/tasklist/scripts/config.js (same classpath path; ours comes first).
// The browser's first language picks the locale: zh, zh-CN, zh-TW → zh.json; anything else → en.
export default {
  app: {
    name: '催收工作台 Collections',
    vendor: '鼎信汽车金融'
  },

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },

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

  // Kept from the shipped config.js; the shortcut help shows these descriptions untranslated.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务 (claims the currently selected task)'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '焦点移到第一个筛选器 (set the focus to the first filter in the list)'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '焦点移到列表中的第一个任务 (sets the focus to the first task in the list)'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '焦点移到任务表单的第一个输入框 (sets the focus to the first input field in a task form)'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框 (opens the start process modal dialog)'
    }
  }
};
