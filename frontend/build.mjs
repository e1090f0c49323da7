// Build Coproduce front-end assets into coproduce/static/coproduce/.
// Usage: npm run build   (node frontend/build.mjs)
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

import * as sass from 'sass'

const frontendDir = dirname(fileURLToPath(import.meta.url))
const rootDir = dirname(frontendDir)
const outDir = join(rootDir, 'coproduce', 'static', 'coproduce')
const require = createRequire(import.meta.url)
const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk')

await mkdir(outDir, { recursive: true })
const written = []

// 1. Sass -> compressed CSS, no source map. quietDeps silences deprecation
//    warnings only from dependencies (govuk-frontend), not from main.scss.
const result = await sass.compileAsync(join(frontendDir, 'main.scss'), {
  style: 'compressed',
  sourceMap: false,
  quietDeps: true,
  importers: [new sass.NodePackageImporter(rootDir)]
})
const cssPath = join(outDir, 'coproduce.css')
await writeFile(cssPath, result.css)
written.push(cssPath)

// 2. GOV.UK Frontend JS (ES module). Its trailing sourceMappingURL comment is
//    dropped because the .map is not copied: Django's ManifestStaticFilesStorage
//    (and WhiteNoise's) would otherwise fail collectstatic on the missing file.
const govukJs = await readFile(join(govukDist, 'govuk-frontend.min.js'), 'utf8')
const jsPath = join(outDir, 'govuk-frontend.min.js')
await writeFile(jsPath, govukJs.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'))
written.push(jsPath)

// 3. Our entry module, copied as is.
const mjsPath = join(outDir, 'coproduce.mjs')
await copyFile(join(frontendDir, 'coproduce.mjs'), mjsPath)
written.push(mjsPath)

for (const file of written) {
  const { size } = await stat(file)
  console.log(`${relative(rootDir, file)}  ${(size / 1024).toFixed(1)} KiB (${size} bytes)`)
}
