// Coproduce front-end entry point, loaded with <script type="module">.
// build.mjs copies this file next to govuk-frontend.min.js (an ES module).
import { initAll } from './govuk-frontend.min.js'

if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('js-enabled', 'govuk-frontend-supported')
}

initAll()
