// The 拨打 page a callBorrower form links to: POST /api/cases/{loanId}/dial with the Tasklist session; where no
// dialler is configured, the audited reveal of the number (GET /api/cases/{loanId}/phone) instead.
(function () {
  'use strict';
  const loanId = new URLSearchParams(window.location.search).get('loanId') || '';
  const button = document.getElementById('dial');
  const result = document.getElementById('result');
  document.getElementById('loan').textContent = loanId || '—';

  const show = (text, refused) => {
    result.textContent = text;
    result.className = refused ? 'refused' : '';
  };

  const detail = async (response) => {
    try {
      return (await response.json()).detail || ('HTTP ' + response.status);
    } catch (e) {
      return 'HTTP ' + response.status;
    }
  };

  const reveal = async () => {
    const response = await fetch('/api/cases/' + encodeURIComponent(loanId) + '/phone', { credentials: 'same-origin' });
    if (!response.ok) {
      show(await detail(response), true);
      return;
    }
    const body = await response.json();
    show('未配置外呼系统，请手动拨打（已留痕）No dialler here, dial yourself (audited): ' + body.phone, false);
  };

  button.addEventListener('click', async () => {
    button.disabled = true;
    const response = await fetch('/api/cases/' + encodeURIComponent(loanId) + '/dial', {
      method: 'POST', credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' }
    });
    if (response.ok) {
      const body = await response.json();
      show('正在呼叫，请接听座席电话 Calling, pick up your extension · ' + body.callId, false);
    } else {
      const why = await detail(response);
      if (response.status === 409 && why.indexOf('No dialler') === 0) {
        await reveal();
      } else {
        show(why, true);
      }
    }
    button.disabled = false;
  });
}());
