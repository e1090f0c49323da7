// Coproduce front-end entry point, loaded with <script type="module">.
// build.mjs copies this file next to govuk-frontend.min.js (an ES module).
import { initAll } from './govuk-frontend.min.js'

if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('js-enabled', 'govuk-frontend-supported')
}

initAll()

// Focus moves once on arrival: GOV.UK Frontend's error summary takes it when there is one (initAll,
// above); otherwise a success banner does, so that a screen reader says what just happened and
// goes on reading from there. The banner is a region, not an alert, so it is said only once.
const $banner = document.querySelector('.govuk-notification-banner--success')
if ($banner && document.activeElement === document.body) {
  // Focusable only until focus leaves it, as GOV.UK Frontend does, so a click in it later does not take focus.
  $banner.setAttribute('tabindex', '-1')
  $banner.addEventListener('blur', () => $banner.removeAttribute('tabindex'), { once: true })
  $banner.focus()
}
