// The host page reacting to the widget: submitting is blocked while the
// report still has errors. Only the `checked` event is needed.
const button = document.getElementById('submit');
const gate = document.getElementById('gate');

document.addEventListener('checked', (event) => {
  const report = event.detail;
  const errors = report.summary.errors;
  button.disabled = errors > 0;
  gate.textContent = errors > 0 ? `还有${errors}处错误，修改后才能提交。` : `可以提交（${report.summary.verdict}）。`;
});

document.getElementById('submit-form').addEventListener('submit', (event) => {
  event.preventDefault();
  gate.textContent = '已提交（示例页面，不会发送任何数据）。';
});
