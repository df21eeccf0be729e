// The year control of entity pages and the explorer: choosing a year in a <select data-autosubmit> submits its form
// (the page works without this script: the form has its own button).
document.addEventListener('change', function (e) {
  var t = e.target;
  if (t && t.matches && t.matches('select[data-autosubmit]') && t.form) {
    t.form.requestSubmit ? t.form.requestSubmit() : t.form.submit();
  }
});
