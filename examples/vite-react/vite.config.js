// React without @vitejs/plugin-react: Vite's own transform compiles JSX for the automatic runtime (no Fast Refresh).
/** @type {import("vite").UserConfig} */
export default {
  oxc: { jsx: { runtime: "automatic" } },
};
