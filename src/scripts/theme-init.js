// Runs in <head> before the first paint: the remembered theme is applied with no flash.
(function () {
  try {
    var theme = localStorage.getItem('scissors-theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch (e) {}
})();
