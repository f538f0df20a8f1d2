// Hides the red "It is time to migrate to Camunda 8" banner (label BANNER_CE_EOL_TEXT).
// In 7.24 the webapps' header shows it whenever isCommunityEdition, which the header directive
// sets to true itself: no config key or authorization turns it off, and an empty label would
// still leave the red bar. So the apps agents and supervisors see (the login page, Tasklist,
// Cockpit) load this custom script (webapp-settings.js hideVendorBanner), which hides the bar by its class; Admin, where only administrators work,
// keeps it, in their language (admin/locales/zh.json).
const style = document.createElement('style');
style.textContent = '.ce-eol-banner { display: none !important; }';
document.head.appendChild(style);
