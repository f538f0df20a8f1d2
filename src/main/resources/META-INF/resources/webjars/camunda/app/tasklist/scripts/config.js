// Overrides the webjar's app/tasklist/scripts/config.js (same classpath path; ours comes first).
import { dateFormat, hideVendorBanner, locales, say, vendor } from '../../collections/webapp-settings.js';

export default {
  app: {
    name: say('催收工作台', 'Collections'),
    vendor
  },
  locales,
  // Loaded by Tasklist as ES modules: form-js's own texts in Chinese, and no vendor banner for
  // agents and supervisors (each script says how).
  customScripts: ['scripts/form-js-chinese', hideVendorBanner],
  dateFormat,

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
