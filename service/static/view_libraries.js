// The result views' npm libraries, served from node_modules and loaded the first time a view is
// opened (their ES module builds need no bundler). The page's config names only those installed.

import { config } from "./config.js";

const libraries = config.views ?? {};

export function hasLibrary(view) {
  return Boolean(libraries[view]);
}

function loadStylesheet(href) {
  const present = [...document.querySelectorAll("link[rel='stylesheet']")]
    .find((link) => link.getAttribute("href") === href);
  if (present) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.addEventListener("load", () => resolve());
    link.addEventListener("error", () => reject(new Error(`${href} could not be loaded`)));
    document.head.append(link);
  });
}

// The module of the library that draws `view`, with its stylesheets in the page.
export async function loadLibrary(view) {
  const library = libraries[view];
  await Promise.all(library.stylesheets.map(loadStylesheet));
  return import(library.module);
}
