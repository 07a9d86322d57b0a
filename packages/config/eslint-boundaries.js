// The workspace's dependency direction, held by lint: apps/web → api → domain → db; ai and jobs call domain;
// nothing in packages/ imports apps/. A package imports another only by its name, only when the layers allow it,
// and only when its package.json declares it — never by a relative path into the other package's folder.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";

/** Which workspace packages each one may import (by folder name; "web" is apps/web). */
export const ALLOWED_IMPORTS = {
  config: [],
  db: ["config"],
  ui: ["config"],
  domain: ["db", "config"],
  ingest: ["db", "config"],
  auth: ["domain", "db", "config"],
  ai: ["domain", "db", "config"],
  jobs: ["ai", "ingest", "domain", "db", "config"],
  api: ["auth", "ai", "jobs", "ingest", "domain", "db", "config"],
  demo: ["auth", "ingest", "domain", "db", "config"],
  web: ["api", "auth", "ai", "jobs", "ingest", "domain", "db", "demo", "ui", "config"],
};

const SCOPE = "@pharmacrm/";

/** The nearest folder holding a package.json, and that file's parsed contents. */
function owningPackage(file, cache) {
  let dir = dirname(resolve(file));
  for (;;) {
    if (cache.has(dir)) return cache.get(dir);
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, "utf8"));
      const found = {
        root: dir,
        name: json.name ?? "",
        declared: new Set(Object.keys({ ...json.dependencies, ...json.devDependencies })),
      };
      cache.set(dir, found);
      return found;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const boundaries = {
  meta: {
    type: "problem",
    docs: {
      description:
        "Workspace packages import each other by name, in the declared direction, and declare what they import.",
    },
    schema: [],
  },
  create(context) {
    const cache = new Map();
    const own = owningPackage(context.filename, cache);
    if (!own || !own.name.startsWith(SCOPE)) return {};
    const ownKey = own.name.slice(SCOPE.length);
    const allowed = ALLOWED_IMPORTS[ownKey];

    function check(node, source) {
      if (typeof source !== "string") return;
      if (source.startsWith(".")) {
        const target = resolve(dirname(context.filename), source);
        if (target !== own.root && !target.startsWith(own.root + sep)) {
          context.report({
            node,
            message: `"${source}" reaches into another package's folder: import it by its name (${SCOPE}…) and declare it in package.json.`,
          });
        }
        return;
      }
      if (!source.startsWith(SCOPE)) return;
      const name = source.split("/").slice(0, 2).join("/");
      const key = name.slice(SCOPE.length);
      if (key === ownKey) return;
      if (allowed && !allowed.includes(key)) {
        context.report({
          node,
          message: `${ownKey} may not import ${name}: dependencies point apps/web → api → domain → db (ai and jobs call domain).`,
        });
      } else if (!own.declared.has(name)) {
        context.report({ node, message: `${name} is imported but not declared in ${own.name}'s package.json.` });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node.source, node.source.value),
    };
  },
};

export const boundariesPlugin = { rules: { boundaries } };
