// Copies the world boundaries (Natural Earth 1:110m via world-atlas, ISC)
// and their licence into dist/, which package server embeds. The UI's own
// files are in static/ and need no build.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const pkg = "node_modules/world-atlas";
mkdirSync("dist", { recursive: true });
copyFileSync(`${pkg}/countries-110m.json`, "dist/countries-110m.json");
const { version, license } = JSON.parse(readFileSync(`${pkg}/package.json`, "utf8"));
writeFileSync(
  "dist/NOTICE.txt",
  `countries-110m.json is from the npm package world-atlas ${version} (${license}),\n` +
    "derived from Natural Earth (public domain). Its licence:\n\n" +
    readFileSync(`${pkg}/LICENSE`, "utf8"),
);
