// Rebuilds the vendored browser files from the pinned npm packages (package-lock.json):
//   static/vendor/codemirror-sparql.min.js   CodeMirror 6 + SPARQL mode + completion, one IIFE bundle
//   static/vendor/cytoscape/cytoscape.min.js Cytoscape.js's own minified dist file, copied as published (shared
//                                            with the graph explorer)
//   static/vendor/cytoscape/cytoscape-fcose.min.js  the fCoSE layout (cytoscape-fcose + cose-base + layout-base),
//                                            one IIFE that registers itself with window.cytoscape (the explorer)
//   src/test/resources/axe/axe.min.js        axe-core's own minified file, copied as published: the browser tests
//                                            inject it to check every page (test only, never served)
// plus their licences. Run `npm ci && npm run build` here after changing a version, then commit the outputs.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const out = "../src/main/resources/static/vendor";
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ["src/editor.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  outfile: `${out}/codemirror-sparql.min.js`,
});

mkdirSync(`${out}/cytoscape`, { recursive: true });
copyFileSync("node_modules/cytoscape/dist/cytoscape.min.js", `${out}/cytoscape/cytoscape.min.js`);

const bundled = ["codemirror", "@codemirror/autocomplete", "@codemirror/commands", "@codemirror/language",
  "@codemirror/legacy-modes", "@codemirror/lint", "@codemirror/search", "@codemirror/state", "@codemirror/view",
  "@lezer/common", "@lezer/highlight", "@lezer/lr", "crelt", "style-mod", "w3c-keyname", "@marijn/find-cluster-break"];
let licence = "Licences of the packages bundled into codemirror-sparql.min.js\n";
for (const name of bundled) {
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
  } catch {
    continue;
  }
  licence += `\n==== ${name} ${pkg.version} (${pkg.license})\n\n` + readFileSync(`node_modules/${name}/LICENSE`, "utf8");
}
writeFileSync(`${out}/codemirror-sparql.LICENSE.txt`, licence);
copyFileSync("node_modules/cytoscape/LICENSE", `${out}/cytoscape/LICENSE`);

await build({
  entryPoints: ["src/fcose.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  outfile: `${out}/cytoscape/cytoscape-fcose.min.js`,
});
let layoutLicence = "Licences of the packages bundled into cytoscape-fcose.min.js\n";
for (const name of ["cytoscape-fcose", "cose-base", "layout-base"]) {
  const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
  layoutLicence += `\n==== ${name} ${pkg.version} (${pkg.license})\n\n` + readFileSync(`node_modules/${name}/LICENSE`, "utf8");
}
writeFileSync(`${out}/cytoscape/cytoscape-fcose.LICENSE.txt`, layoutLicence);

const axe = "../src/test/resources/axe";
mkdirSync(axe, { recursive: true });
copyFileSync("node_modules/axe-core/axe.min.js", `${axe}/axe.min.js`);
copyFileSync("node_modules/axe-core/LICENSE", `${axe}/LICENSE`);
console.log("built", out);
