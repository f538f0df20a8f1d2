// The form renderer's own words in Chinese. Tasklist 7.24 renders Camunda Forms with form-js
// (bundled in lib/deps.js), which has no translation hook: its validator pushes fixed English
// messages ("Field is required.", `Field must have maximum length of ${maxLength}.`, …) into the
// field's errors and its components write fixed English placeholders ("Select", "Search").
// Rather than fork the bundle, this custom script watches the rendered form and replaces those
// texts where form-js put them (inside .fjs-container) when the browser's first language is
// Chinese, as config.js decides the locale. form-js (Preact) only rewrites a text node when its
// own value changes, and the observer then translates the new value.
import { chinese } from '../../collections/webapp-settings.js';

const EXACT = {
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请输入有效的电子邮件地址。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    '请输入有效的国际电话号码（例如 +8613812345678）。',
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配结果',
  'Nothing to show.': '暂无数据。',
  'Add new': '新增',
  'Remove tag': '移除标签',
  'Increment': '增加',
  'Decrement': '减少',
  'Previous page': '上一页',
  'Next page': '下一页',
  'Date': '日期',
  'Time': '时间',
  // the date and time pickers still take what they ask for: month/day/year, hours:minutes
  'mm/dd/yyyy': '月/日/年',
  'hh:mm': '时:分'
};

const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must have minimum length of (.+)\.$/, '长度不能少于 $1 个字符。'],
  [/^Field must have maximum length of (.+)\.$/, '长度不能超过 $1 个字符。'],
  [/^Field must match pattern (.+)\.$/, '格式不符合要求（$1）。']
];

export function translate(text) {
  const trimmed = text.trim();
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [pattern, chineseText] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, chineseText));
    }
  }
  return text;
}

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (node.parentElement && node.parentElement.closest('.fjs-container')) {
      const translated = translate(node.data);
      if (translated !== node.data) {
        node.data = translated;
      }
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const inForm = node.closest('.fjs-container') ? [node] : [];
  for (const element of inForm.concat(Array.from(node.querySelectorAll('.fjs-container, .fjs-container *')))) {
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value) {
        const translated = translate(value);
        if (translated !== value) {
          element.setAttribute(name, translated);
        }
      }
    }
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    translateNode(text);
  }
}

if (chinese) {
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(translateNode);
      } else {
        translateNode(mutation.target);
      }
    }
  }).observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}
